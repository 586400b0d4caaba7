/**
 * The whole-archive downloads, `/archive.jsonl` (one JSON twin per line) and
 * `/archive.csv` (every turn), written after Astro from the transcripts'
 * twins it built, in the order of `/transcripts.json` (newest first).
 *
 * They are not Astro pages: at 10,000 transcripts they are ~580 MB each, and
 * a page would be rendered anew from every record on every rebuild (~30 s of
 * a one-transcript edit). Here each twin is read once, and when no twin changed
 * since the last build (same file identities, as Astro's incremental build
 * restores unchanged twins as hard links) the published downloads are
 * linked, not rewritten.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { csvRows, jsonLine, toCsv } from '../core/to-data.ts';
import { keptPath, readKept, writeKept } from './build-cache-fs.ts';
import { statKey } from './scan-cache-fs.ts';

export const BULK_FILES = ['archive.jsonl', 'archive.csv'] as const;

/** What the last build wrote: the digest of its twins' identities, and its downloads' identities. */
const BulkRecordSchema = z.object({ twins: z.string(), files: z.record(z.string(), z.string()) });
type BulkRecord = z.infer<typeof BulkRecordSchema>;

const recordFile = (cacheDir: string): string => keptPath(cacheDir, 'bulk-downloads');

/** Slugs of the site's transcripts, in the manifest's order. */
async function manifestSlugs(site: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(site, 'transcripts.json'), 'utf8')) as {
    transcripts: { slug: string }[];
  };
  return manifest.transcripts.map((t) => t.slug);
}

/** A file written in large pieces, aside and renamed into place when whole. */
async function chunkedWriter(
  path: string,
): Promise<{ add: (text: string) => Promise<void>; done: () => Promise<void> }> {
  const tmp = `${path}.tmp-${process.pid}`;
  const handle = await open(tmp, 'w');
  let pending: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    await handle.write(pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    add: async (text) => {
      pending.push(text);
      size += text.length;
      if (size > 4 * 1024 * 1024) await flush();
    },
    done: async () => {
      await flush();
      await handle.close();
      await rename(tmp, path);
    },
  };
}

/** Links last build's downloads into `site` when they are still what it published; whether it did. */
async function reuse(site: string, previous: string, record: BulkRecord | undefined, twins: string): Promise<boolean> {
  if (record?.twins !== twins) return false;
  for (const name of BULK_FILES) {
    const key = await stat(join(previous, name)).then(statKey, () => undefined);
    if (key === undefined || key !== record.files[name]) return false;
  }
  for (const name of BULK_FILES) {
    await rm(join(site, name), { force: true });
    await link(join(previous, name), join(site, name));
  }
  return true;
}

/**
 * Writes `/archive.jsonl` and `/archive.csv` into `site` from its twins
 * (or links the ones in `previous` when no twin changed, with `cacheDir`
 * remembering what was written). Returns whether they were written anew.
 */
export async function writeBulkDownloads(site: string, options: { previous?: string; cacheDir?: string } = {}) {
  const slugs = await manifestSlugs(site);
  const twins = createHash('sha1');
  for (const slug of slugs) {
    const dir = join(site, 'transcripts');
    const [json, csv] = [statSync(join(dir, `${slug}.json`)), statSync(join(dir, `${slug}.csv`))];
    twins.update(`${slug}\0${statKey(json)}\0${statKey(csv)}\n`);
  }
  const digest = twins.digest('hex');
  const record = options.cacheDir ? await readKept(recordFile(options.cacheDir), BulkRecordSchema) : undefined;
  if (options.previous && (await reuse(site, options.previous, record, digest))) return { written: false };

  const jsonl = await chunkedWriter(join(site, 'archive.jsonl'));
  const csv = await chunkedWriter(join(site, 'archive.csv'));
  await csv.add(toCsv([]));
  // Read a batch of transcripts' twins at once, written in order while the next batch is read.
  const read = (slug: string) => {
    const base = join(site, 'transcripts', slug);
    return Promise.all([readFile(`${base}.json`, 'utf8'), readFile(`${base}.csv`, 'utf8')]);
  };
  const BATCH = 16;
  let next = Promise.all(slugs.slice(0, BATCH).map(read));
  for (let i = 0; i < slugs.length; i += BATCH) {
    const batch = await next;
    next = Promise.all(slugs.slice(i + BATCH, i + 2 * BATCH).map(read));
    for (const [twin, rows] of batch) {
      await jsonl.add(jsonLine(twin));
      await csv.add(csvRows(rows));
    }
  }
  await jsonl.done();
  await csv.done();
  if (options.cacheDir) {
    const files: Record<string, string> = {};
    for (const name of BULK_FILES) files[name] = statKey(await stat(join(site, name)));
    await writeKept(recordFile(options.cacheDir), { twins: digest, files } satisfies BulkRecord);
  }
  return { written: true };
}
