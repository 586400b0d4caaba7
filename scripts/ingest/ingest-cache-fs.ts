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
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { IngestedFile } from '../core/ingest-archive.ts';
import { cacheDir, ROOT } from '../lib/cli.ts';
import type { SeedStamp, SeedsFolder } from './read-seeds-fs.ts';
import type { PublishedTranscript } from './write-content-fs.ts';

const VERSION = 2;

export interface IngestCache {
  parsed: Map<string, IngestedFile>;
  published: PublishedTranscript[];
  /** The topics the run chose (`Archive.topicsKey`). */
  topics: string;
}

interface CacheFile {
  version: number;
  key: string;
  parsed: [string, IngestedFile][];
  published: PublishedTranscript[];
  topics: string;
}

/**
 * What the cache is valid for: the ingest's own code, the content folder, and
 * the archive-wide inputs (topic rules and speaker registry, passed joined as `rules`).
 */
async function cacheKey(content: string, topicRules: string | undefined): Promise<string> {
  const hash = createHash('sha256')
    .update(resolve(content))
    .update('\0')
    .update(topicRules ?? '');
  for (const folder of ['scripts/core', 'scripts/core/formats', 'scripts/core/permalinks']) {
    for (const name of (await readdir(join(ROOT, folder))).filter((n) => n.endsWith('.ts')).sort()) {
      hash.update(name).update(await readFile(join(ROOT, folder, name)));
    }
  }
  return hash.digest('hex');
}

function cacheFile(content: string): string {
  const id = createHash('sha256').update(resolve(content)).digest('hex').slice(0, 12);
  return join(cacheDir(), `ingest-${id}.json`);
}

/** The cache for this content folder, or `undefined` when there is none that can be trusted. */
export async function loadIngestCache(content: string, topicRules?: string): Promise<IngestCache | undefined> {
  let data: CacheFile;
  try {
    data = JSON.parse(await readFile(cacheFile(content), 'utf8')) as CacheFile;
  } catch {
    return undefined;
  }
  if (data.version !== VERSION || data.key !== (await cacheKey(content, topicRules))) return undefined;
  if (data.published.some((t) => !existsSync(join(content, 'transcripts', `${t.slug}.mdx`)))) return undefined;
  return { parsed: new Map(data.parsed), published: data.published, topics: data.topics };
}

export async function saveIngestCache(
  content: string,
  topicRules: string | undefined,
  cache: IngestCache,
): Promise<void> {
  const file = cacheFile(content);
  const data: CacheFile = {
    version: VERSION,
    key: await cacheKey(content, topicRules),
    parsed: [...cache.parsed],
    published: cache.published,
    topics: cache.topics,
  };
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp-${process.pid}`, JSON.stringify(data));
  await rename(`${file}.tmp-${process.pid}`, file);
}

function stampsFile(content: string): string {
  const id = createHash('sha256').update(resolve(content)).digest('hex').slice(0, 12);
  return join(cacheDir(), `seed-stamps-${id}.json`);
}

/**
 * The size, modification time and hash of each seed file at the last run
 * for this content folder. Independent of the code's version: a hash only
 * says what bytes a file held.
 */
export async function loadSeedStamps(content: string): Promise<Map<string, SeedStamp>> {
  try {
    const rows = JSON.parse(await readFile(stampsFile(content), 'utf8')) as [string, string, string][];
    return new Map(rows.map(([file, stamp, hash]) => [file, { stamp, hash }]));
  } catch {
    return new Map();
  }
}

export async function saveSeedStamps(content: string, stamps: ReadonlyMap<string, SeedStamp>): Promise<void> {
  const file = stampsFile(content);
  await mkdir(dirname(file), { recursive: true });
  const rows = [...stamps].map(([f, s]) => [f, s.stamp, s.hash]);
  await writeFile(`${file}.tmp-${process.pid}`, JSON.stringify(rows));
  await rename(`${file}.tmp-${process.pid}`, file);
}

/** What a run reported, replayed by the next run when nothing it read has changed. */
export interface IngestReplay {
  stamp: string;
  transcripts: number;
  /** Files in the content folder after that run. */
  contentFiles: number;
  inputBytes: number;
  lines: string[];
  problems: string[];
  /** Whether the speaker registry or topic rules failed to parse. */
  archiveFiles: boolean;
}

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
  const entries = await readdir(content, { withFileTypes: true, recursive: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  for (const file of files.sort()) {
    const st = statSync(file);
    hash.update(`${file}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function replayFile(content: string): string {
  const id = createHash('sha256').update(resolve(content)).digest('hex').slice(0, 12);
  return join(cacheDir(), `ingest-replay-${id}.json`);
}

export async function loadReplay(content: string): Promise<IngestReplay | undefined> {
  return readFile(replayFile(content), 'utf8')
    .then((text) => JSON.parse(text) as IngestReplay)
    .catch(() => undefined);
}

export async function saveReplay(content: string, replay: IngestReplay): Promise<void> {
  const file = replayFile(content);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp-${process.pid}`, JSON.stringify(replay));
  await rename(`${file}.tmp-${process.pid}`, file);
}
