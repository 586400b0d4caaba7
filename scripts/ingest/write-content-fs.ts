/**
 * Writes the archive into the content folder as MDX collections:
 * `transcripts/`, `speakers/`, `topics/`. A file is only written when its
 * bytes change (so a rerun on unchanged input touches nothing), through a
 * temporary file and a rename (so no reader sees half a file).
 *
 * Nothing published is lost to a bad input: a transcript whose source file
 * still exists but failed this time keeps its previous MDX, and the speakers
 * and topics it refers to are kept with it. Output is removed only when its
 * source file is gone from the seeds folder.
 *
 * The order of the writes keeps the folder whole if the process is killed at
 * any point: speakers and topics are written before the transcripts that
 * refer to them, and nothing is removed until every transcript is written, so
 * every transcript in the folder always finds its speakers and topics. A
 * temporary file left by a killed run is removed by the next one.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Archive } from '../core/ingest-archive.ts';
import { type Transcript, TranscriptSchema } from '../core/schema.ts';
import { speakerToMdx, topicToMdx, transcriptToMdx } from '../core/to-mdx.ts';
import { isRunning } from '../lib/pid.ts';

export interface WriteSummary {
  written: string[];
  unchanged: number;
  removed: string[];
  /** Transcripts kept from an earlier run because their source failed now. */
  kept: string[];
}

export async function writeContent(
  dir: string,
  archive: Archive,
  sourceFiles: readonly string[],
): Promise<WriteSummary> {
  const summary: WriteSummary = { written: [], unchanged: 0, removed: [], kept: [] };
  const previous = await readPublishedTranscripts(join(dir, 'transcripts'));
  const fresh = new Set(archive.transcripts.map((t) => t.source.file));
  const present = new Set(sourceFiles);
  const kept = previous.filter((t) => present.has(t.source.file) && !fresh.has(t.source.file));
  summary.kept = kept.map((t) => t.source.file);

  const transcriptFiles = new Map(archive.transcripts.map((t) => [`${t.slug}.mdx`, transcriptToMdx(t)]));
  const keepTranscripts = new Set(kept.map((t) => `${t.slug}.mdx`));
  const keepSpeakers = new Set(kept.flatMap((t) => t.participants.map((p) => `${p.speaker}.mdx`)));
  const keepTopics = new Set(kept.flatMap((t) => t.topics.map((tt) => `${tt.slug}.mdx`)));

  const folders = [
    {
      folder: join(dir, 'speakers'),
      files: new Map(archive.speakers.map((s) => [`${s.slug}.mdx`, speakerToMdx(s)])),
      keep: keepSpeakers,
    },
    {
      folder: join(dir, 'topics'),
      files: new Map(archive.topics.map((t) => [`${t.slug}.mdx`, topicToMdx(t)])),
      keep: keepTopics,
    },
    { folder: join(dir, 'transcripts'), files: transcriptFiles, keep: keepTranscripts },
  ];
  // Additions before the transcripts that need them; removals after the transcripts that no longer do.
  for (const f of folders) await writeChanged(f.folder, f.files, summary);
  for (const f of [...folders].reverse()) await removeStale(f.folder, f.files, f.keep, summary);
  return summary;
}

/** Writes each file of `files` into `folder` whose bytes differ, each through a temporary file and a rename. */
async function writeChanged(folder: string, files: Map<string, string>, summary: WriteSummary): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const [name, text] of files) {
    const path = join(folder, name);
    const old = await readFile(path, 'utf8').catch(() => undefined);
    if (old === text) {
      summary.unchanged++;
      continue;
    }
    const tmp = `${path}.tmp-${process.pid}`;
    await writeFile(tmp, text);
    await rename(tmp, path);
    summary.written.push(path);
  }
}

/** Removes the MDX files that are neither in `files` nor in `keep`, and temporary files of killed runs. */
async function removeStale(
  folder: string,
  files: Map<string, string>,
  keep: Set<string>,
  summary: WriteSummary,
): Promise<void> {
  for (const name of await readdir(folder)) {
    const tmp = /\.tmp-(\d+)$/.exec(name);
    if (tmp && !isRunning(Number(tmp[1]))) await rm(join(folder, name), { force: true });
    if (!name.endsWith('.mdx') || files.has(name) || keep.has(name)) continue;
    await rm(join(folder, name));
    summary.removed.push(join(folder, name));
  }
}

/** Transcripts already in the content folder, read back through the shared schema. */
async function readPublishedTranscripts(folder: string): Promise<Transcript[]> {
  const names = await readdir(folder).catch(() => []);
  const out: Transcript[] = [];
  for (const name of names.filter((n) => n.endsWith('.mdx'))) {
    const text = await readFile(join(folder, name), 'utf8');
    const fm = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1];
    const parsed = TranscriptSchema.safeParse(fm === undefined ? undefined : parseYaml(fm));
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
