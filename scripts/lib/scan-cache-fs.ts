/**
 * Scans of built pages (their ids and links, `scanPage`) kept between builds
 * in a cache folder, so a page the last build saw is not parsed again:
 * - each scan is a small file named by the page's content hash;
 * - `stat-index.json` maps a page file's identity (device, inode, size,
 *   modification time) to that hash. Astro restores unchanged pages as hard
 *   links to its cache, so an unchanged page keeps its identity from build to
 *   build and is not even read; a page written anew, or changed in place, has
 *   a new identity and is read and hashed.
 * The search stage keeps the same kind of index for the digests of pages'
 * indexed parts (`search/build-search-index-fs.ts`).
 */
import { createHash } from 'node:crypto';
import { type Stats, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { type PageScan, scanPage } from '../core/check-links.ts';

/** A page file's identity: equal identities, equal bytes (a file rewritten in place gets a new time). */
export function statKey(s: Stats): string {
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
}

/** Page identities to content hashes, as the last check of this cache left them. */
export type StatIndex = Record<string, string>;

const scanPath = (cacheDir: string, hash: string): string => join(cacheDir, hash.slice(0, 2), `${hash}.json`);

/** A JSON file a build kept for the next one, or undefined when it is missing or unreadable. */
export async function readKept<T>(file: string): Promise<T | undefined> {
  return readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as T)
    .catch(() => undefined);
}

/**
 * Written aside and renamed, so a killed build never leaves half a file.
 * Aside per thread: two of the site check's workers may keep the scan of
 * pages with the same bytes at once.
 */
export async function writeKept(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${threadId}`;
  await writeFile(tmp, JSON.stringify(value));
  await rename(tmp, file);
}

/** The stat index `name` of a cache folder (`stat-index.json` unless named). */
export async function readStatIndex(cacheDir: string, name = 'stat-index.json'): Promise<StatIndex> {
  return (await readKept<StatIndex>(join(cacheDir, name))) ?? {};
}

export async function writeStatIndex(cacheDir: string, index: StatIndex, name = 'stat-index.json'): Promise<void> {
  await writeKept(join(cacheDir, name), index);
}

export interface PageScanned {
  hash: string;
  key: string;
  scan: PageScan;
}

/** A page's scan from the cache, without reading the page, when the last check saw the file of identity `key`. */
export async function knownScan(key: string, cacheDir: string, known: StatIndex): Promise<PageScanned | undefined> {
  const hash = known[key];
  const scan = hash ? await readScan(cacheDir, hash) : undefined;
  return hash && scan ? { hash, key, scan } : undefined;
}

/** One page's scan: from the cache when its identity or its bytes were seen before, else parsed (and kept). */
export async function scanFile(file: string, cacheDir?: string, known: StatIndex = {}): Promise<PageScanned> {
  const key = statKey(statSync(file));
  const seen = cacheDir ? await knownScan(key, cacheDir, known) : undefined;
  if (seen) return seen;
  const bytes = await readFile(file);
  const hash = createHash('sha1').update(bytes).digest('hex');
  const cached = cacheDir ? await readScan(cacheDir, hash) : undefined;
  if (cached) return { hash, key, scan: cached };
  const scan = scanPage(bytes.toString('utf8'));
  if (cacheDir) await keepScan(cacheDir, hash, scan);
  return { hash, key, scan };
}

async function readScan(cacheDir: string, hash: string): Promise<PageScan | undefined> {
  return readKept<PageScan>(scanPath(cacheDir, hash));
}

async function keepScan(cacheDir: string, hash: string, scan: PageScan): Promise<void> {
  await writeKept(scanPath(cacheDir, hash), scan);
}

/** Removes the scans of pages no longer in the site. */
export async function pruneScans(cacheDir: string, used: ReadonlySet<string>): Promise<void> {
  const entries = await readdir(cacheDir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const e of entries) {
    if (e.isFile() && e.parentPath !== cacheDir && !used.has(e.name.replace(/\.json$/, '')))
      await rm(join(e.parentPath, e.name), { force: true });
  }
}
