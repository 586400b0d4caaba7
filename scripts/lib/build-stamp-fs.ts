/**
 * A fingerprint of everything a build's output depends on besides the seeds
 * (which the ingest already compares by hash): the content folder, the site's
 * code and config, the lock file, the options, and the published output
 * itself. When it matches the one recorded after the last good build, the
 * site and search stages have nothing to do and no output file is rewritten.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { keptPath, readKept, writeKept } from './build-cache-fs.ts';
import { ROOT } from './cli.ts';
import { type Tally, tallyTree } from './tree-tally-fs.ts';

/** A folder's part of a stamp (the published site's, the content folder's): its files' names, sizes and times, as one digest. */
export interface Listing {
  digest: string;
  tally: Tally;
}

/** A folder's files as one digest, with its figures: walked and stat'ed in the walking thread (`tree-tally-fs.ts`). */
async function listing(
  dir: string,
  options: { signal?: AbortSignal; skip?: readonly string[] } = {},
): Promise<Listing> {
  const { digest, tally } = await tallyTree(dir, { digest: true, ...options });
  return { digest: digest as string, tally };
}

/** The listing of a folder a site may lack: the same for a missing folder wherever it would be. */
export function listFolder(dir: string, signal?: AbortSignal): Promise<Listing> {
  if (existsSync(dir)) return listing(dir, signal ? { signal } : {});
  return Promise.resolve({ digest: 'missing', tally: { files: 0, pages: 0, bytes: 0 } });
}

export interface ListOptions {
  /** Calls the listing off (it then fails). */
  signal?: AbortSignal;
  /**
   * Folders of the site listed apart from the rest (with {@link listFolder}),
   * each its own digest in the site's: so a stage that writes one can list it
   * as soon as it is done, and the site's listing takes it from there (`known`).
   */
  apart?: readonly string[];
  /** Listings of the folders listed apart, made already, by name. */
  known?: ReadonlyMap<string, Promise<Listing>>;
}

/**
 * Lists `out` for {@link buildStamp}. Apart from the rest of the stamp, so a
 * build can list its published site while the ingest runs (which never writes
 * there), instead of after it; `signal` calls the listing off (it then fails).
 */
export async function listOut(out: string, { signal, apart = [], known }: ListOptions = {}): Promise<Listing> {
  if (apart.length === 0) return listing(out, signal ? { signal } : {});
  const parts = await Promise.all([
    listing(out, { skip: apart, ...(signal ? { signal } : {}) }),
    ...apart.map((name) => known?.get(name) ?? listFolder(join(out, name), signal)),
  ]);
  const hash = createHash('sha256');
  const tally = { files: 0, pages: 0, bytes: 0 };
  for (const [i, part] of parts.entries()) {
    hash.update(`${i === 0 ? '' : apart[i - 1]}\0${part.digest}\n`);
    tally.files += part.tally.files;
    tally.pages += part.tally.pages;
    tally.bytes += part.tally.bytes;
  }
  return { digest: hash.digest('hex'), tally };
}

/**
 * The fingerprint of a build of `content` into `out` with these options, and
 * what `content` and `out` hold (read on the same walk, so neither is walked
 * again for the build's figures). `listed` is `out` as {@link listOut} found
 * it, when the caller listed it already; `contentListed`, `content` as the ingest
 * listed it last (`ingestStamp`), when nothing has written there since. The
 * folders are listed in the walking thread, so the build's own thread is free
 * meanwhile.
 */
export async function buildStamp(
  content: string,
  out: string,
  options: Record<string, string | undefined>,
  listed: Promise<Listing> = listOut(out),
  contentListed?: Listing,
): Promise<{ stamp: string; content: Tally; out: Tally }> {
  const hash = createHash('sha256').update(JSON.stringify(options));
  const [records, src, scripts, published] = await Promise.all([
    contentListed ?? listing(content),
    listing(join(ROOT, 'src')),
    listing(join(ROOT, 'scripts')),
    listed,
  ]);
  for (const { digest } of [records, src, scripts, published]) hash.update(`${digest}\n`);
  const config = process.env['ARCHIVE_CONFIG'] ?? join(ROOT, 'archive.config.yaml');
  for (const file of [join(ROOT, 'astro.config.mjs'), join(ROOT, 'package-lock.json'), config]) {
    hash.update(await readFile(file).catch(() => ''));
  }
  return { stamp: hash.digest('hex'), content: records.tally, out: published.tally };
}

const StampSchema = z.object({ stamp: z.string() });

const stampFile = (cache: string, out: string): string => keptPath(cache, 'build-stamp', resolve(out));

export async function readStamp(cache: string, out: string): Promise<string | undefined> {
  return (await readKept(stampFile(cache, out), StampSchema))?.stamp;
}

export async function writeStamp(cache: string, out: string, stamp: string): Promise<void> {
  await writeKept(stampFile(cache, out), { stamp });
}
