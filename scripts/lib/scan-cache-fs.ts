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
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type PageScan, PageScanSchema, scanPage } from '../core/check-links.ts';
import { readKept, writeKept } from './build-cache-fs.ts';

/** A page file's identity: equal identities, equal bytes (a file rewritten in place gets a new time). */
export function statKey(s: Stats): string {
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
}

/** The {@link statKey} of the file at `path`; `undefined` when it cannot be read (missing, say). */
export function fileIdentity(path: string): string | undefined {
  try {
    return statKey(statSync(path));
  } catch {
    return undefined;
  }
}

/** Page identities to content hashes, as the last check of this cache left them. */
export const StatIndexSchema = z.record(z.string(), z.string());
export type StatIndex = z.infer<typeof StatIndexSchema>;

const scanPath = (cacheDir: string, hash: string): string => join(cacheDir, hash.slice(0, 2), `${hash}.json`);

/** The stat index `name` of a cache folder (`stat-index.json` unless named). */
export async function readStatIndex(cacheDir: string, name = 'stat-index.json'): Promise<StatIndex> {
  return (await readKept(join(cacheDir, name), StatIndexSchema)) ?? {};
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
  return readKept(scanPath(cacheDir, hash), PageScanSchema);
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
