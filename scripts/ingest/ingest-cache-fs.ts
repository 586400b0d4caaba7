/**
 * The ingest's memory between runs: what each source file became (by its
 * content hash) and what the content folder holds, so an unchanged source is
 * neither parsed nor written again. Lives in the build cache folder, never in
 * the content folder. It is thrown away whenever it might be stale: another
 * version of the ingest code, other topic rules, another content folder, or a
 * transcript's MDX file missing.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { IngestedFile } from '../core/ingest-archive.ts';
import { keptPath, readKept, sourcesKey, writeKept } from '../lib/build-cache-fs.ts';
import { cacheDir, ROOT } from '../lib/cli.ts';
import { filesUnder } from '../lib/files-under-fs.ts';
import type { SeedStamp, SeedsFolder } from './read-seeds-fs.ts';
import type { PublishedTranscript } from './write-content-fs.ts';

const VERSION = 2;

export interface IngestCache {
  parsed: Map<string, IngestedFile>;
  published: PublishedTranscript[];
  /** The topics the run chose (`Archive.topicsKey`). */
  topics: string;
}

const PublishedTranscriptSchema = z.object({
  file: z.string(),
  slug: z.string(),
  speakers: z.array(z.string()),
  topics: z.array(z.string()),
}) satisfies z.ZodType<PublishedTranscript>;

/**
 * A parsed file as the cache keeps it. Only its outline is checked (tens of
 * thousands of them are read at once); the cache's key says which code wrote them.
 */
const IngestedFileSchema = z.custom<IngestedFile>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as IngestedFile).hash === 'string' &&
    typeof (v as IngestedFile).slug === 'string' &&
    Array.isArray((v as IngestedFile).speakers) &&
    Array.isArray((v as IngestedFile).candidates) &&
    typeof (v as IngestedFile).report === 'object',
  'not a parsed file',
);

const CacheFileSchema = z.object({
  version: z.literal(VERSION),
  key: z.string(),
  parsed: z.array(z.tuple([z.string(), IngestedFileSchema])),
  published: z.array(PublishedTranscriptSchema),
  topics: z.string(),
});

/**
 * What the cache is valid for: the ingest's own code, the content folder, and
 * the archive-wide inputs (topic rules and speaker registry, passed joined as `rules`).
 */
function cacheKey(content: string, topicRules: string | undefined): Promise<string> {
  return sourcesKey([join(ROOT, 'scripts/core')], resolve(content), topicRules ?? '');
}

const cacheFile = (content: string): string => keptPath(cacheDir(), 'ingest', resolve(content));

/** The cache for this content folder, or `undefined` when there is none that can be trusted. */
export async function loadIngestCache(content: string, topicRules?: string): Promise<IngestCache | undefined> {
  const data = await readKept(cacheFile(content), CacheFileSchema);
  if (!data || data.key !== (await cacheKey(content, topicRules))) return undefined;
  if (data.published.some((t) => !existsSync(join(content, 'transcripts', `${t.slug}.mdx`)))) return undefined;
  return { parsed: new Map(data.parsed), published: data.published, topics: data.topics };
}

export async function saveIngestCache(
  content: string,
  topicRules: string | undefined,
  cache: IngestCache,
): Promise<void> {
  await writeKept(cacheFile(content), {
    version: VERSION,
    key: await cacheKey(content, topicRules),
    parsed: [...cache.parsed],
    published: cache.published,
    topics: cache.topics,
  } satisfies z.infer<typeof CacheFileSchema>);
}

const stampsFile = (content: string): string => keptPath(cacheDir(), 'seed-stamps', resolve(content));

/** Rows of `[file, size:mtime stamp, hash]`. */
const SeedStampsSchema = z.array(z.tuple([z.string(), z.string(), z.string()]));

/**
 * The size, modification time and hash of each seed file at the last run
 * for this content folder. Independent of the code's version: a hash only
 * says what bytes a file held.
 */
export async function loadSeedStamps(content: string): Promise<Map<string, SeedStamp>> {
  const rows = (await readKept(stampsFile(content), SeedStampsSchema)) ?? [];
  return new Map(rows.map(([file, stamp, hash]) => [file, { stamp, hash }]));
}

export async function saveSeedStamps(content: string, stamps: ReadonlyMap<string, SeedStamp>): Promise<void> {
  await writeKept(
    stampsFile(content),
    [...stamps].map(([f, s]) => [f, s.stamp, s.hash]),
  );
}

const IngestReplaySchema = z.object({
  stamp: z.string(),
  transcripts: z.number(),
  /** Files in the content folder after that run. */
  contentFiles: z.number(),
  inputBytes: z.number(),
  lines: z.array(z.string()),
  problems: z.array(z.string()),
  /** Whether the speaker registry or topic rules failed to parse. */
  archiveFiles: z.boolean(),
});
/** What a run reported, replayed by the next run when nothing it read has changed. */
export type IngestReplay = z.infer<typeof IngestReplaySchema>;

/**
 * Everything an ingest's result depends on, without reading a transcript:
 * the ingest's code and the archive-wide inputs, the options, each seed
 * file's size and modification time (and every file skipped), and the
 * content folder as the last run left it (names, sizes, times). Equal stamps,
 * equal run: the content folder would not change and the report would be the same.
 */
export async function ingestStamp(
  content: string,
  rules: string,
  seeds: Pick<SeedsFolder, 'stamps' | 'skipped'>,
  options: object,
): Promise<string> {
  const hash = createHash('sha256')
    .update(await cacheKey(content, rules))
    .update(JSON.stringify(options));
  for (const [file, s] of [...seeds.stamps].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${file}\0${s.stamp}\n`);
  for (const s of seeds.skipped) hash.update(`skipped ${s.file}\0${s.reason}\n`);
  for (const file of filesUnder(content).sort()) {
    const st = statSync(file);
    hash.update(`${file}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

const replayFile = (content: string): string => keptPath(cacheDir(), 'ingest-replay', resolve(content));

export async function loadReplay(content: string): Promise<IngestReplay | undefined> {
  return readKept(replayFile(content), IngestReplaySchema);
}

export async function saveReplay(content: string, replay: IngestReplay): Promise<void> {
  await writeKept(replayFile(content), replay);
}
