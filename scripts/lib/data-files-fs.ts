/**
 * Writes the archive's data files into the new site: each transcript's twins
 * (`/transcripts/<slug>.json`, `.txt`, `.csv`) and the manifest
 * `/transcripts.json`, from the records in the content folder and the pure
 * builders (scripts/core/data-files.ts). Astro renders none of them.
 *
 * Incremental: a transcript whose record file, code and speaker and topic
 * names are unchanged since the last build, and whose published twins are
 * still the files that build wrote, gets those files linked into the new site,
 * not written (and its record is not even read). Everything else is written
 * through the cache module's atomic write. Either way the bytes are the same
 * as a clean build's.
 */
import { createHash } from 'node:crypto';
import { linkSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import {
  dependencyKey,
  type ManifestEntry,
  manifestText,
  TWIN_EXTENSIONS,
  transcriptTwins,
  twinDependencies,
} from '../core/data-files.ts';
import {
  type Speaker,
  SpeakerSchema,
  type Topic,
  TopicSchema,
  type Transcript,
  TranscriptSchema,
} from '../core/schema.ts';
import { inPart, type Part } from '../core/search-shards.ts';
import { parseMdxRecord } from '../core/to-mdx.ts';
import { transcriptToManifestEntry } from '../core/to-twin.ts';
import {
  keptPath,
  readKeptLines,
  readKeptLinesAhead,
  sourcesKey,
  writeAtomic,
  writeKeptLines,
} from './build-cache-fs.ts';
import { ROOT } from './cli.ts';
import { ifThere } from './if-there.ts';
import { limited } from './limited.ts';
import { statKey } from './scan-cache-fs.ts';

export const MANIFEST_FILE = 'transcripts.json';

/** What the whole-archive downloads and the search stage read of each transcript in a built site's manifest. */
const ManifestSchema = z.object({
  transcripts: z.array(z.object({ slug: z.string(), title: z.string(), date: z.string().nullable() })),
});
export type ListedTranscript = z.infer<typeof ManifestSchema>['transcripts'][number];

/** The transcripts a built site's manifest lists, in its order. */
export async function readManifestEntries(site: string): Promise<ListedTranscript[]> {
  return ManifestSchema.parse(JSON.parse(await readFile(join(site, MANIFEST_FILE), 'utf8'))).transcripts;
}

const ManifestEntrySchema = z.custom<ManifestEntry>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { slug?: unknown }).slug === 'string',
  'not a manifest entry',
);

/** What the last build knew of one transcript. */
const KeptTranscriptSchema = z.object({
  /** The identity of its record file in the content folder. */
  record: z.string(),
  speakers: z.array(z.string()),
  topics: z.array(z.string()),
  /** {@link namesKey} of those speakers and topics. */
  names: z.string(),
  manifest: ManifestEntrySchema,
  /** The identities of the twins it wrote into the site, by extension (none when its part did not build it). */
  files: z.record(z.string(), z.string()).optional(),
});
type KeptTranscript = z.infer<typeof KeptTranscriptSchema>;

/** The record's first line: the code that wrote it (a file of another shape is dropped once, with a line). */
const KeptHeaderSchema = z.object({ version: z.literal(2), code: z.string() });

export interface DataFilesOptions {
  content: string;
  /** The new site (the staging folder). */
  site: string;
  /** The published site, whose unchanged files are linked rather than written again. */
  previous?: string;
  cacheDir?: string;
  part?: Part;
}

export interface DataFilesOutcome {
  transcripts: number;
  /** Files written anew. */
  written: number;
  /** Files linked from the published site. */
  linked: number;
  /** Bytes of the files written or linked (the twins and the manifest), told by the writes, not by a walk. */
  bytes: number;
}

/**
 * Transcripts read and written at once. Each one's steps wait on the disk:
 * one at a time, a clean write of 10,000 transcripts' twins took twice as
 * long (47 s against 23 s), the process idle between steps.
 */
const AT_ONCE = 8;

/** The code that makes the bytes: a change to any core module writes every file again. */
const codeKey = (): Promise<string> => sourcesKey([join(ROOT, 'scripts/core')]);

/**
 * Every record of a content folder, checked against its schema; a record that
 * fails names its file. Synchronous reads: at 10,000 transcripts the speakers
 * and topics are 9,000 small files, 0.4-0.5 s through the thread pool against 0.06 s.
 */
function readRecords<S extends z.ZodType>(folder: string, schema: S): z.infer<S>[] {
  const names = (ifThere(() => readdirSync(folder)) ?? []).filter((n) => n.endsWith('.mdx')).sort();
  return names.map((name) => checkedRecord(join(folder, name), readFileSync(join(folder, name), 'utf8'), schema));
}

async function readRecord<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  return checkedRecord(path, await readFile(path, 'utf8'), schema);
}

function checkedRecord<S extends z.ZodType>(path: string, text: string, schema: S): z.infer<S> {
  const parsed = schema.safeParse(parseMdxRecord(text)?.data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(
    `${path}:1: \`${issue?.path.map(String).join('.') || 'the record'}\`: ${issue?.message ?? 'invalid'}; regenerate it with \`npm run ingest\``,
  );
}

/**
 * A digest (SHA-1, base64) of {@link dependencyKey}, not the key itself: at
 * 10,000 transcripts the names were 7.3 of the kept file's 19.6 MB, read and
 * written on every build.
 */
function namesKey(
  deps: Parameters<typeof dependencyKey>[0],
  speakers: ReadonlyMap<string, Speaker>,
  topics: ReadonlyMap<string, Topic>,
): string {
  return createHash('sha1')
    .update(dependencyKey(deps, speakers, topics))
    .digest('base64');
}

const twinFile = (site: string, slug: string, ext: string): string => join(site, 'transcripts', `${slug}.${ext}`);

/**
 * Links a transcript's published twins into the new site when they are still
 * the files written for it; their bytes, or `undefined` when not linked.
 */
function linkTwins(previous: string, site: string, slug: string, files: Record<string, string>): number | undefined {
  let bytes = 0;
  for (const ext of TWIN_EXTENSIONS) {
    const stats = statSync(twinFile(previous, slug, ext), { throwIfNoEntry: false });
    if (stats === undefined || statKey(stats) !== files[ext]) return undefined;
    bytes += stats.size;
  }
  for (const ext of TWIN_EXTENSIONS) linkSync(twinFile(previous, slug, ext), twinFile(site, slug, ext));
  return bytes;
}

async function writeTwins(
  site: string,
  t: Transcript,
  speakers: ReadonlyMap<string, Speaker>,
  topics: ReadonlyMap<string, Topic>,
): Promise<{ files: Record<string, string>; bytes: number }> {
  const twins = transcriptTwins(t, speakers, topics);
  const files: Record<string, string> = {};
  let bytes = 0;
  for (const ext of TWIN_EXTENSIONS) {
    const file = twinFile(site, t.slug, ext);
    await writeAtomic(file, twins[ext]);
    const stats = statSync(file);
    files[ext] = statKey(stats);
    bytes += stats.size;
  }
  return { files, bytes };
}

const keptFileOf = (cacheDir: string, content: string): string => keptPath(cacheDir, 'data-files', resolve(content));

/** Starts reading what {@link writeDataFiles} kept in `cacheDir` for `content` (see `readKeptAhead`). */
export function readDataFilesAhead(content: string, cacheDir: string): void {
  void readKeptLinesAhead(keptFileOf(cacheDir, content), KeptHeaderSchema, KeptTranscriptSchema);
}

/** Writes (or links) the data files of `options.content` into `options.site`. */
export async function writeDataFiles(options: DataFilesOptions): Promise<DataFilesOutcome> {
  const { content, site, previous, part } = options;
  const keptFile = options.cacheDir ? keptFileOf(options.cacheDir, content) : undefined;
  const code = await codeKey();
  const kept = keptFile ? await readKeptLines(keptFile, KeptHeaderSchema, KeptTranscriptSchema) : undefined;
  const before = kept?.header.code === code ? kept.entries : new Map<string, KeptTranscript>();
  const speakers = new Map(readRecords(join(content, 'speakers'), SpeakerSchema).map((s) => [s.slug, s]));
  const topics = new Map(readRecords(join(content, 'topics'), TopicSchema).map((t) => [t.slug, t]));
  const folder = join(content, 'transcripts');
  const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith('.mdx')).sort();
  await mkdir(join(site, 'transcripts'), { recursive: true });
  const outcome: DataFilesOutcome = { transcripts: names.length, written: 0, linked: 0, bytes: 0 };
  /** One transcript's kept entry, its twins linked from the published site or written. */
  const dataOf = async (name: string): Promise<KeptTranscript> => {
    const path = join(folder, name);
    const record = statKey(statSync(path));
    const slug = name.slice(0, -'.mdx'.length);
    const old = before.get(slug);
    if (old?.record === record && old.names === namesKey(old, speakers, topics)) {
      // Another part's transcript: only its manifest entry is needed.
      if (!inPart(slug, part)) return old;
      const linked = previous && old.files ? linkTwins(previous, site, slug, old.files) : undefined;
      if (linked !== undefined) {
        outcome.linked += TWIN_EXTENSIONS.length;
        outcome.bytes += linked;
        return old;
      }
    }
    const t = await readRecord(path, TranscriptSchema);
    const deps = twinDependencies(t);
    const entry: KeptTranscript = {
      record,
      ...deps,
      names: namesKey(deps, speakers, topics),
      manifest: transcriptToManifestEntry(t),
    };
    if (inPart(slug, part)) {
      const written = await writeTwins(site, t, speakers, topics);
      entry.files = written.files;
      outcome.written += TWIN_EXTENSIONS.length;
      outcome.bytes += written.bytes;
    }
    return entry;
  };
  const entries = await limited(
    names.map((name) => () => dataOf(name)),
    AT_ONCE,
  );
  const now = names.map((name, i) => [name.slice(0, -'.mdx'.length), entries[i] as KeptTranscript] as const);
  const manifest = manifestText(now.map(([, e]) => e.manifest));
  if (await sameAsPublished(previous, MANIFEST_FILE, manifest)) {
    await rm(join(site, MANIFEST_FILE), { force: true });
    linkSync(join(previous ?? '', MANIFEST_FILE), join(site, MANIFEST_FILE));
    outcome.linked++;
  } else {
    await writeAtomic(join(site, MANIFEST_FILE), manifest);
    outcome.written++;
  }
  outcome.bytes += Buffer.byteLength(manifest);
  // One line per transcript: an edit writes again only its own, the others' lines as they were read.
  if (keptFile) await writeKeptLines(keptFile, { version: 2, code }, now);
  return outcome;
}

/** Whether the published site holds `name` with exactly `text`. */
async function sameAsPublished(previous: string | undefined, name: string, text: string): Promise<boolean> {
  if (!previous) return false;
  const old = await readFile(join(previous, name), 'utf8').catch(() => undefined);
  return old === text;
}
