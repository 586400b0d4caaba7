/**
 * The whole-archive downloads, `/archive.jsonl.gz` (one JSON twin per line)
 * and `/archive.csv.gz` (every turn), gzip-compressed as datasets are
 * published, joined after the data files from the transcripts' twins in the
 * site, in the order of `/transcripts.json` (newest first).
 *
 * Each twin is read once, and when no twin changed since the last build (same
 * file identities: unchanged twins are linked from the published site) the
 * published downloads are linked, not written again. gzip output is the same
 * for the same input (no time or name in its header), so a clean and an
 * incremental build give the same bytes.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { link, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { z } from 'zod';
import { ARCHIVE_COLUMNS, archiveRows, jsonLine, toCsv } from '../core/to-data.ts';
import { keptPath, readKept, writeAtomic, writeKept } from './build-cache-fs.ts';
import { type ListedTranscript, readManifestEntries } from './data-files-fs.ts';
import { statKey } from './scan-cache-fs.ts';

export const BULK_FILES = ['archive.jsonl.gz', 'archive.csv.gz'] as const;

/** What the last build wrote: the digest of its twins' identities, and its downloads' identities. */
const BulkRecordSchema = z.object({ twins: z.string(), files: z.record(z.string(), z.string()) });
type BulkRecord = z.infer<typeof BulkRecordSchema>;

const recordFile = (cacheDir: string): string => keptPath(cacheDir, 'bulk-downloads');

type Entry = ListedTranscript;

/**
 * One piece of a download per transcript, from its twin `<slug>.<ext>`, in
 * the manifest's order, gathered into pieces of some 4 MB. A batch of twins is read
 * while the one before is handed on.
 */
async function* joined(
  site: string,
  entries: readonly Entry[],
  ext: string,
  piece: (twin: string, entry: Entry) => string,
) {
  const read = (entry: Entry) => readFile(join(site, 'transcripts', `${entry.slug}.${ext}`), 'utf8');
  const BATCH = 16;
  let pending: string[] = [];
  let size = 0;
  let next = Promise.all(entries.slice(0, BATCH).map(read));
  for (let i = 0; i < entries.length; i += BATCH) {
    const batch = await next;
    next = Promise.all(entries.slice(i + BATCH, i + 2 * BATCH).map(read));
    for (const [k, twin] of batch.entries()) {
      const text = piece(twin, entries[i + k] as Entry);
      pending.push(text);
      size += text.length;
      if (size > 4 * 1024 * 1024) {
        yield pending.join('');
        pending = [];
        size = 0;
      }
    }
  }
  if (pending.length > 0) yield pending.join('');
}

/** Writes the gzip of `pieces` to `file` through the cache module's atomic write. */
async function writeGzip(file: string, pieces: AsyncIterable<string>): Promise<void> {
  await writeAtomic(file, Readable.from(pieces).compose(createGzip()));
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
 * Writes `/archive.jsonl.gz` and `/archive.csv.gz` into `site` from its twins
 * (or links the ones in `previous` when no twin changed, with `cacheDir`
 * remembering what was written). Returns whether they were written anew.
 */
export async function writeBulkDownloads(site: string, options: { previous?: string; cacheDir?: string } = {}) {
  const entries = await readManifestEntries(site);
  const twins = createHash('sha1');
  for (const { slug, title, date } of entries) {
    const dir = join(site, 'transcripts');
    const [json, csv] = [statSync(join(dir, `${slug}.json`)), statSync(join(dir, `${slug}.csv`))];
    twins.update(`${JSON.stringify([slug, title, date])}\0${statKey(json)}\0${statKey(csv)}\n`);
  }
  const digest = twins.digest('hex');
  const record = options.cacheDir ? await readKept(recordFile(options.cacheDir), BulkRecordSchema) : undefined;
  if (options.previous && (await reuse(site, options.previous, record, digest))) return { written: false };

  async function* csv() {
    yield toCsv([], { columns: ARCHIVE_COLUMNS });
    yield* joined(site, entries, 'csv', archiveRows);
  }
  await Promise.all([
    writeGzip(join(site, 'archive.jsonl.gz'), joined(site, entries, 'json', jsonLine)),
    writeGzip(join(site, 'archive.csv.gz'), csv()),
  ]);
  if (options.cacheDir) {
    const files: Record<string, string> = {};
    for (const name of BULK_FILES) files[name] = statKey(await stat(join(site, name)));
    await writeKept(recordFile(options.cacheDir), { twins: digest, files } satisfies BulkRecord);
  }
  return { written: true };
}
