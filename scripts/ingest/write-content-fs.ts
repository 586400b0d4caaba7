/**
 * Writes the archive into the content folder as MDX collections:
 * `transcripts/`, `speakers/`, `topics/`. A file is only written when its
 * bytes change (so a rerun on unchanged input touches nothing), through the
 * cache module's atomic write (so no reader sees half a file). The permanent
 * ids it writes with were given before, by its own step (`reconcile-ids-fs.ts`).
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
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { containedPath } from '../core/contained-path.ts';
import type { Archive } from '../core/ingest-archive.ts';
import type { PermalinkRecord } from '../core/permalinks/record.ts';
import { recordChunks, recordText, sameBytes, unchangedRecord } from '../core/permalinks/record-text.ts';
import { TranscriptSchema } from '../core/schema.ts';
import { parseMdxRecord, speakerToMdx, topicToMdx, transcriptToMdx } from '../core/to-mdx.ts';
import { asideWriter, writeAtomic } from '../lib/build-cache-fs.ts';
import { cacheDir } from '../lib/cli.ts';
import { ifThere } from '../lib/if-there.ts';
import { keepPassed, keyedRecord, RECORD_FILE, type RecordBefore } from '../lib/permalink-record-fs.ts';
import { isRunning } from '../lib/pid.ts';
import { keepRecordViews } from '../lib/record-views-fs.ts';
import { fileIdentity } from '../lib/scan-cache-fs.ts';

export interface WriteSummary {
  written: string[];
  unchanged: number;
  removed: string[];
  /** Transcripts kept from an earlier run because their source failed now. */
  kept: string[];
  /** Every transcript in the content folder after this run: the next run's `published`. */
  published: PublishedTranscript[];
}

/** A transcript in the content folder, as far as keeping it needs: its source, its file, what it refers to. */
export interface PublishedTranscript {
  file: string;
  slug: string;
  speakers: string[];
  topics: string[];
}

/**
 * @param archive the archive with its permanent ids given (`reconcileIds`), and `ids` the permalink record they make
 *   (with the record file it was made from, when the ingest wrote that file)
 * @param seeds the seeds folder as the record names it (`seedsKey`)
 * @param published what the content folder held after the last run; read
 *   from the MDX files when not given (slower: every record is parsed).
 */
export async function writeContent(
  dir: string,
  archive: Archive,
  ids: { record: PermalinkRecord; before?: RecordBefore },
  sourceFiles: readonly string[],
  seeds: string,
  published?: readonly PublishedTranscript[],
): Promise<WriteSummary> {
  const previous = published ?? (await readPublishedTranscripts(join(dir, 'transcripts')));
  const present = new Set(sourceFiles);
  const kept = previous.filter((t) => present.has(t.file) && !archive.ingested.has(t.file));
  const now: PublishedTranscript[] = [
    ...[...archive.ingested].map(([file, f]) => ({
      file,
      slug: f.slug,
      speakers: f.speakers.map((s) => s.slug),
      topics: f.topics,
    })),
    ...kept,
  ];
  const summary: WriteSummary = {
    written: [],
    unchanged: 0,
    removed: [],
    kept: kept.map((t) => t.file),
    published: now,
  };

  // Each file is rendered as it is written, never all at once: the transcripts' MDX is twice the source text.
  const transcriptFiles = new Map(archive.transcripts.map((t) => [`${t.slug}.mdx`, () => transcriptToMdx(t)]));
  // Kept transcripts, and those whose source did not change (their MDX is already written).
  const keepTranscripts = new Set(now.map((t) => `${t.slug}.mdx`).filter((name) => !transcriptFiles.has(name)));
  summary.unchanged += keepTranscripts.size - kept.length;
  const keepSpeakers = new Set(kept.flatMap((t) => t.speakers.map((s) => `${s}.mdx`)));
  const keepTopics = new Set(kept.flatMap((t) => t.topics.map((tt) => `${tt}.mdx`)));

  const folders = [
    {
      folder: join(dir, 'speakers'),
      files: new Map(archive.speakers.map((s) => [`${s.slug}.mdx`, () => speakerToMdx(s, archive.bios.get(s.slug))])),
      keep: keepSpeakers,
    },
    {
      folder: join(dir, 'topics'),
      files: new Map(archive.topics.map((t) => [`${t.slug}.mdx`, () => topicToMdx(t)])),
      keep: keepTopics,
    },
    { folder: join(dir, 'transcripts'), files: transcriptFiles, keep: keepTranscripts },
  ];
  // Additions before the transcripts that need them; removals after the transcripts that no longer do.
  for (const f of folders) await writeChanged(f.folder, f.files, summary);
  for (const f of [...folders].reverse()) await removeStale(f.folder, f.files, f.keep, summary);
  // The record last: it names the pages just written.
  const written = keyedRecord(pagesBySlug(ids.record), seeds);
  const path = join(dir, RECORD_FILE);
  // The file read before, when it is still that file: compared with it, not read again.
  const before = ids.before && fileIdentity(path) === ids.before.identity ? ids.before : undefined;
  if (before && unchangedRecord(written, before.record)) summary.unchanged++;
  else if (before) await writeChunksIfChanged(path, recordChunks(written, before.entries), summary, before.bytes);
  else await writeIfChanged(path, recordText(written), summary);
  await keepPassed(path, seeds, true);
  // What the site and the published-address check read of it, kept for this very file.
  await keepRecordViews(cacheDir(), dir, written, before);
  return summary;
}

/**
 * The record with its transcripts, speakers and topics in slug order: the
 * reconciliation adds a page where it first meets it, so without this an
 * archive ingested in steps would write the record in another order than a
 * clean ingest of the same files.
 */
function pagesBySlug(record: PermalinkRecord): PermalinkRecord {
  const sorted = <T>(pages: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(pages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    ...record,
    transcripts: sorted(record.transcripts),
    speakers: sorted(record.speakers),
    topics: sorted(record.topics),
  };
}

/** Files of a folder by name, each rendered when it is written. */
type Rendered = Map<string, () => string>;

/** Writes each file of `files` into `folder` whose bytes differ, each through a temporary file and a rename. */
async function writeChanged(folder: string, files: Rendered, summary: WriteSummary): Promise<void> {
  await mkdir(folder, { recursive: true });
  // Names come from slugs, validated to `[a-z0-9-]`; the check keeps any other name out of the folder above.
  for (const [name, render] of files) await writeIfChanged(containedPath(folder, name), render(), summary);
}

/** Removes the MDX files that are neither in `files` nor in `keep`, and temporary files of killed runs. */
async function removeStale(folder: string, files: Rendered, keep: Set<string>, summary: WriteSummary): Promise<void> {
  for (const name of await readdir(folder)) {
    const writer = asideWriter(name);
    if (writer !== undefined && !isRunning(writer)) await rm(join(folder, name), { force: true });
    if (!name.endsWith('.mdx') || files.has(name) || keep.has(name)) continue;
    await rm(join(folder, name));
    summary.removed.push(join(folder, name));
  }
}

/**
 * Writes through the cache module's atomic write, and only when the bytes
 * differ. The file before is read with a synchronous call: a rebuild compares
 * every speaker's and topic's file (9,000 at 10,000 transcripts), and a round
 * trip through libuv's thread pool per read cost more than the read.
 */
async function writeIfChanged(path: string, text: string, summary: WriteSummary): Promise<void> {
  if (ifThere(() => readFileSync(path, 'utf8')) === text) {
    summary.unchanged++;
    return;
  }
  await writeAtomic(path, text);
  summary.written.push(path);
}

/** {@link writeIfChanged} for a file made of pieces (`recordChunks`), compared with its bytes before. */
async function writeChunksIfChanged(
  path: string,
  chunks: readonly Uint8Array[],
  summary: WriteSummary,
  before: Uint8Array,
): Promise<void> {
  if (sameBytes(chunks, before)) {
    summary.unchanged++;
    return;
  }
  // Its ~20,000 pieces at 10,000 transcripts in one request: one write call each took ~2 s.
  await writeAtomic(path, chunks);
  summary.written.push(path);
}

/** Transcripts already in the content folder, read back through the shared schema. */
async function readPublishedTranscripts(folder: string): Promise<PublishedTranscript[]> {
  const names = await readdir(folder).catch(() => []);
  const out: PublishedTranscript[] = [];
  for (const name of names.filter((n) => n.endsWith('.mdx'))) {
    const text = await readFile(join(folder, name), 'utf8');
    const parsed = TranscriptSchema.safeParse(parseMdxRecord(text)?.data);
    if (!parsed.success) continue;
    const t = parsed.data;
    out.push({
      file: t.source.file,
      slug: t.slug,
      speakers: t.participants.map((p) => p.speaker),
      topics: t.topics.map((tt) => tt.slug),
    });
  }
  return out;
}

/** The site owner's page, beside the collections: `about.md`, read by src/lib/about-fs.ts. */
export const ABOUT_FILE = 'about.md';

/**
 * Copies the seeds' `about.md` into the content folder when it changed, and
 * removes the copy when the seeds no longer have one. Independent of the
 * transcripts: an edit to the page alone parses nothing again.
 */
export async function writeAbout(dir: string, about: { text: string } | undefined): Promise<void> {
  const path = join(dir, ABOUT_FILE);
  if (about === undefined) {
    await rm(path, { force: true });
    return;
  }
  await mkdir(dir, { recursive: true });
  await writeIfChanged(path, about.text, { written: [], unchanged: 0, removed: [], kept: [], published: [] });
}
