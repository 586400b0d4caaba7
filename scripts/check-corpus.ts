/**
 * `npm run check:corpus -- [--limit N] [PATH …]`
 *
 * Ingests real corpora (folders, or `.tar.xz` archives unpacked into a
 * temporary folder) through the pure pipeline and prints counts: files by
 * format, turns, speakers, unsure labels, pseudo-speakers (`Break` taken for
 * a person), generic-label speakers shared across transcripts, problems. Fails (exit 1) on any
 * crash, and on any file whose source words do not all reach the transcript.
 * With no PATH, it reads both tarballs in ../shared/corpora/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestArchive } from './core/ingest-archive.ts';
import { isGenericLabel, isPseudoSpeaker } from './core/label-kinds.ts';
import { plural } from './core/text.ts';
import { lostWords } from './core/word-check.ts';
import { readSeeds } from './ingest/read-seeds-fs.ts';
import { ROOT, seconds } from './lib/cli.ts';

export interface CorpusSummary {
  corpus: string;
  files: number;
  transcripts: number;
  byFormat: Record<string, number>;
  turns: number;
  speakers: number;
  words: number;
  unsure: number;
  /** Speakers in transcripts whose label is a part of the show (`Break`, `Jingle`): should be 0. */
  pseudoSpeakers: number;
  /** Speaker pages a generic label (`Q`, `Speaker 0`) shares across more than one transcript: should be 0. */
  sharedGenericSpeakers: number;
  errors: number;
  warnings: number;
  skipped: number;
  filesLosingWords: { file: string; lost: string[] }[];
  crashes: { file: string; error: string }[];
  megabytes: number;
  ms: number;
}

/** Unpacks an archive into a new temporary folder; a folder is used as it is. */
function materialise(path: string): { dir: string; cleanup: () => void } {
  if (statSync(path).isDirectory()) return { dir: path, cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  execFileSync('tar', ['-xJf', path, '-C', dir]);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The first `limit` files of a folder, in path order, as a folder of their own. */
function slice(dir: string, limit: number): { dir: string; cleanup: () => void } {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort()
    .slice(0, limit);
  const out = mkdtempSync(join(tmpdir(), 'corpus-slice-'));
  for (const f of files) execFileSync('install', ['-D', join(dir, f), join(out, f)]);
  return { dir: out, cleanup: () => rmSync(out, { recursive: true, force: true }) };
}

export async function checkCorpus(path: string, limit?: number): Promise<CorpusSummary> {
  const started = performance.now();
  const unpacked = materialise(path);
  const sliced = limit === undefined ? undefined : slice(unpacked.dir, limit);
  try {
    const seeds = await readSeeds(sliced?.dir ?? unpacked.dir);
    const summary: CorpusSummary = {
      corpus: path,
      files: seeds.sources.length,
      transcripts: 0,
      byFormat: {},
      turns: 0,
      speakers: 0,
      words: 0,
      unsure: 0,
      pseudoSpeakers: 0,
      sharedGenericSpeakers: 0,
      errors: 0,
      warnings: 0,
      skipped: seeds.skipped.length,
      filesLosingWords: [],
      crashes: [],
      megabytes: seeds.inputBytes / 1024 / 1024,
      ms: 0,
    };
    // One file at a time, so that a crash names its file and the others still count.
    const decoder = new TextDecoder();
    /** Transcripts per speaker slug that a generic label gave. */
    const generic = new Map<string, number>();
    for (const source of seeds.sources) {
      try {
        const archive = ingestArchive({
          sources: [source],
          ...(seeds.topicRules ? { topicRules: seeds.topicRules } : {}),
        });
        const report = archive.files[0];
        summary.unsure += report?.unsure.length ?? 0;
        for (const p of report?.problems ?? []) summary[p.severity === 'error' ? 'errors' : 'warnings']++;
        for (const t of archive.transcripts) {
          summary.transcripts++;
          summary.byFormat[t.source.format] = (summary.byFormat[t.source.format] ?? 0) + 1;
          summary.turns += t.turns.length;
          summary.speakers += t.participants.length;
          for (const p of t.participants) {
            if (p.labels.some(isPseudoSpeaker)) summary.pseudoSpeakers++;
            // A generic label that the metadata resolved to a named person is that person, rightly shared.
            const role = archive.speakers.find((sp) => sp.slug === p.speaker)?.kind === 'role';
            if (role && p.labels.some(isGenericLabel)) generic.set(p.speaker, (generic.get(p.speaker) ?? 0) + 1);
          }
          summary.words += t.words;
          if (t.textFormat === 'markdown' || t.source.format === 'label-lines' || t.source.format === 'inline-labels') {
            const lost = lostWords(decoder.decode(source.bytes), t);
            if (lost.length > 0) summary.filesLosingWords.push({ file: source.file, lost: lost.slice(0, 10) });
          }
        }
      } catch (e) {
        summary.crashes.push({ file: source.file, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      }
    }
    summary.sharedGenericSpeakers = [...generic.values()].filter((n) => n > 1).length;
    summary.ms = performance.now() - started;
    return summary;
  } finally {
    sliced?.cleanup();
    unpacked.cleanup();
  }
}

export function formatSummary(s: CorpusSummary): string[] {
  return [
    `${s.corpus}`,
    `  ${plural(s.files, 'file')} (${s.megabytes.toFixed(1)} MB), ${plural(s.skipped, 'other file')} skipped`,
    `  ${plural(s.transcripts, 'transcript')}: ${Object.entries(s.byFormat)
      .sort((a, b) => b[1] - a[1])
      .map(([f, n]) => `${f} ${n}`)
      .join(', ')}`,
    `  ${plural(s.turns, 'turn')}, ${plural(s.speakers, 'speaker appearance')}, ${plural(s.words, 'spoken word')}`,
    `  ${plural(s.unsure, 'unsure label')}, ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`,
    `  ${plural(s.pseudoSpeakers, 'pseudo-speaker')} (Break, Jingle…), ${plural(s.sharedGenericSpeakers, 'generic-label speaker')} shared across transcripts`,
    `  ${plural(s.filesLosingWords.length, 'file')} losing words, ${plural(s.crashes.length, 'crash', 'crashes')}`,
    `  ${seconds(s.ms)}, ${(s.megabytes / (s.ms / 1000)).toFixed(1)} MB/s`,
    ...s.filesLosingWords.slice(0, 10).map((f) => `    lost words in ${f.file}: ${f.lost.join(' ')}`),
    ...s.crashes.slice(0, 10).map((c) => `    crash in ${c.file}: ${c.error.split('\n').slice(0, 3).join(' | ')}`),
  ];
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    options: { limit: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const corpora =
    positionals.length > 0
      ? positionals.map((p) => resolve(p))
      : ['bitcoin-transcripts.tar.xz', 'changelog-transcripts.tar.xz'].map((f) => join(ROOT, '../shared/corpora', f));
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  let failed = false;
  const summaries: CorpusSummary[] = [];
  for (const corpus of corpora) {
    const s = await checkCorpus(corpus, limit);
    summaries.push(s);
    if (!values.json) for (const line of formatSummary(s)) console.log(line);
    failed ||= s.crashes.length > 0 || s.filesLosingWords.length > 0;
  }
  if (values.json) console.log(JSON.stringify(summaries, null, 2));
  console.log(
    failed
      ? 'Corpus check failed: see the crashes or lost words above.'
      : 'Corpus check passed: no crash, no lost word.',
  );
  process.exit(failed ? 1 : 0);
}
