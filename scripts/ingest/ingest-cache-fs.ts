/**
 * The ingest's memory between runs: what each source file became (by its
 * content hash) and what the content folder holds, so an unchanged source is
 * neither parsed nor written again. Lives in the build cache folder, never in
 * the content folder. It is thrown away whenever it might be stale: another
 * version of the ingest code, other topic rules, another content folder, or a
 * transcript's MDX file missing.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { IngestedFile } from '../core/ingest-archive.ts';
import { cacheDir, ROOT } from '../lib/cli.ts';
import type { SeedStamp } from './read-seeds-fs.ts';
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
