/**
 * A fingerprint of everything a build's output depends on besides the seeds
 * (which the ingest already compares by hash): the content folder, the site's
 * code and config, the lock file, the options, and the published output
 * itself. When it matches the one recorded after the last good build, the
 * site and search stages have nothing to do and no output file is rewritten.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { keptPath, readKept, writeKept } from './build-cache-fs.ts';
import { ROOT } from './cli.ts';
import { filesUnder, relativeTo } from './files-under-fs.ts';

/** Files, HTML pages and bytes of a folder. */
export interface Tally {
  files: number;
  pages: number;
  bytes: number;
}

/** Stats made between two turns of the event loop while a folder is listed: a signal is not kept waiting. */
const STATS_PER_TURN = 4000;

async function listing(dir: string, hash: ReturnType<typeof createHash>): Promise<Tally> {
  const tally: Tally = { files: 0, pages: 0, bytes: 0 };
  if (!existsSync(dir)) {
    hash.update(`missing ${dir}\n`);
    return tally;
  }
  const files = filesUnder(dir).sort();
  const relative = relativeTo(dir);
  for (const [i, file] of files.entries()) {
    // Synchronous: tens of thousands of awaited stats cost ten times more (6.9 s against 0.4 s at 75,000 files).
    const s = statSync(file);
    hash.update(`${relative(file)}\0${s.size}\0${s.mtimeMs}\n`);
    tally.files++;
    tally.bytes += s.size;
    if (file.endsWith('.html')) tally.pages++;
    if (i % STATS_PER_TURN === STATS_PER_TURN - 1) await new Promise((next) => setImmediate(next));
  }
  return tally;
}

/** A published site's part of a stamp: its files' names, sizes and times, as one digest. */
export interface OutListing {
  digest: string;
  tally: Tally;
}

/**
 * Lists `out` for {@link buildStamp}. Apart from the rest of the stamp, so a
 * build can list its published site while the ingest runs (which never writes
 * there), instead of after it.
 */
export async function listOut(out: string): Promise<OutListing> {
  const hash = createHash('sha256');
  const tally = await listing(out, hash);
  return { digest: hash.digest('hex'), tally };
}

/**
 * The fingerprint of a build of `content` into `out` with these options, and
 * what `content` and `out` hold (read on the same walk, so neither is walked
 * again for the build's figures). `listed` is `out` as {@link listOut} found
 * it, when the caller listed it already.
 */
export async function buildStamp(
  content: string,
  out: string,
  options: Record<string, string | undefined>,
  listed: Promise<OutListing> = listOut(out),
): Promise<{ stamp: string; content: Tally; out: Tally }> {
  const hash = createHash('sha256').update(JSON.stringify(options));
  const records = await listing(content, hash);
  for (const dir of [join(ROOT, 'src'), join(ROOT, 'scripts')]) await listing(dir, hash);
  const { digest, tally: published } = await listed;
  hash.update(`${digest}\n`);
  const config = process.env['ARCHIVE_CONFIG'] ?? join(ROOT, 'archive.config.yaml');
  for (const file of [join(ROOT, 'astro.config.mjs'), join(ROOT, 'package-lock.json'), config]) {
    hash.update(await readFile(file).catch(() => ''));
  }
  return { stamp: hash.digest('hex'), content: records, out: published };
}

const StampSchema = z.object({ stamp: z.string() });

const stampFile = (cache: string, out: string): string => keptPath(cache, 'build-stamp', resolve(out));

export async function readStamp(cache: string, out: string): Promise<string | undefined> {
  return (await readKept(stampFile(cache, out), StampSchema))?.stamp;
}

export async function writeStamp(cache: string, out: string, stamp: string): Promise<void> {
  await writeKept(stampFile(cache, out), { stamp });
}
