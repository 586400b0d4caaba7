/**
 * The whole-archive downloads, `/archive.jsonl.gz` (one JSON twin per line)
 * and `/archive.csv.gz` (every turn), gzip-compressed as datasets are
 * published, joined after the data files from the transcripts' twins in the
 * site, in the order of `/transcripts.json` (newest first).
 *
 * Each download is a series of gzip members, one per transcript (and one for
 * the CSV's header row): gzip readers read them as one stream, and a member
 * depends on its transcript alone. So a rebuild compresses only the
 * transcripts whose twins changed and copies every other member's bytes from
 * the published download, where the kept record says they are (members that
 * follow one another there are copied together, in large reads); when no twin
 * changed, the published downloads are linked whole. gzip output is the same
 * for the same input (no time or name in its header), so a clean and an
 * incremental build give the same bytes.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { type FileHandle, link, open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { z } from 'zod';
import { ARCHIVE_COLUMNS, archiveRows, jsonLine, toCsv } from '../core/to-data.ts';
import { keptPath, readKept, readKeptAhead, writeAtomic, writeKept } from './build-cache-fs.ts';
import { type ListedTranscript, readManifestEntries } from './data-files-fs.ts';
import { statKey } from './scan-cache-fs.ts';

const gzipAt = promisify(gzipCallback);
/**
 * zlib's level: on the bench's 1,000 transcripts (992 members per download),
 * level 4 took 1.3 s of CPU against 2.4 s at zlib's default 6, for downloads
 * 3.4 % larger (35.0 MB against 33.8 MB; the site 0.3 % larger).
 */
const LEVEL = 4;
const gzip = (text: string): Promise<Buffer> => gzipAt(text, { level: LEVEL });
/** Part of every member's key: a member made at another level is compressed again, never mixed in. */
const MADE_AT = `gzip ${LEVEL}`;

export const BULK_FILES = ['archive.jsonl.gz', 'archive.csv.gz'] as const;
type BulkFile = (typeof BULK_FILES)[number];

/** Where a member is in a download: its offset and length in bytes. */
const PlaceSchema = z.tuple([z.number().int().nonnegative(), z.number().int().positive()]);

/**
 * What the last build wrote: the digest of its twins' identities, its
 * downloads' identities, and per download each member's place by what it was
 * made from ({@link memberKey}).
 */
const BulkRecordSchema = z.object({
  twins: z.string(),
  files: z.record(z.string(), z.string()),
  members: z.record(z.string(), z.record(z.string(), PlaceSchema)),
});
type BulkRecord = z.infer<typeof BulkRecordSchema>;

const recordFile = (cacheDir: string): string => keptPath(cacheDir, 'bulk-downloads');

/** Starts reading what {@link writeBulkDownloads} kept in `cacheDir` (see `readKeptAhead`). */
export function readBulkRecordAhead(cacheDir: string): void {
  void readKeptAhead(recordFile(cacheDir), BulkRecordSchema);
}

/** Members compressed at once. */
const BATCH = 16;
/** Bytes of consecutive copied members read at once (a larger member is read alone). */
const COPY_CHUNK = 4 << 20;

/** What one download is made of: each transcript's twin of `ext`, made into its piece of the download. */
interface Download {
  name: BulkFile;
  ext: 'json' | 'csv';
  header?: string;
  piece(twin: string, entry: ListedTranscript): string;
}

const DOWNLOADS: readonly Download[] = [
  { name: 'archive.jsonl.gz', ext: 'json', piece: jsonLine },
  {
    name: 'archive.csv.gz',
    ext: 'csv',
    header: toCsv([], { columns: ARCHIVE_COLUMNS }),
    piece: archiveRows,
  },
];

/** What a transcript's member is made from: its manifest entry, its twin file (a changed twin is a new file), the level. */
function memberKey(site: string, entry: ListedTranscript, ext: string): string {
  const twin = statSync(join(site, 'transcripts', `${entry.slug}.${ext}`));
  return `${JSON.stringify([entry.slug, entry.title, entry.date])}\0${statKey(twin)}\0${MADE_AT}`;
}

/**
 * Writes one download into `site`: the header's member, then one member per
 * transcript (`keys`: each one's {@link memberKey}), each copied from the
 * published download (`from`, with its members' places `before`) when it was
 * made from the same, else compressed.
 * Returns each member's place in the new file, and how many were copied and compressed.
 */
async function writeDownload(
  site: string,
  download: Download,
  entries: readonly ListedTranscript[],
  keys: readonly string[],
  from?: Published,
): Promise<{ places: Record<string, [number, number]>; copied: number; compressed: number }> {
  const parts: { key: string; text: () => Promise<string> }[] = [
    ...(download.header === undefined
      ? []
      : [{ key: `header\0${MADE_AT}`, text: async () => download.header as string }]),
    ...entries.map((entry, i) => ({
      key: keys[i] as string,
      text: async () =>
        download.piece(await readFile(join(site, 'transcripts', `${entry.slug}.${download.ext}`), 'utf8'), entry),
    })),
  ];
  const places: Record<string, [number, number]> = {};
  let copied = 0;
  let compressed = 0;
  /** Whether members are still copied: not once the published download read shorter than recorded. */
  let copying = from !== undefined;
  /** Where part `i` is in the published download, when it is there as it would be made now. */
  const before = (i: number): [number, number] | undefined => {
    const part = parts[i];
    return part === undefined || !copying ? undefined : from?.before[part.key];
  };
  let copyBuffer: Buffer | undefined;
  async function* members() {
    let at = 0;
    let i = 0;
    while (i < parts.length) {
      const first = before(i);
      if (from && first) {
        // Members one after another in the published download, read at once: whole members, up to COPY_CHUNK bytes.
        let end = i + 1;
        let length = first[1];
        for (let next = before(end); next && next[0] === first[0] + length && length + next[1] <= COPY_CHUNK; ) {
          length += next[1];
          next = before(++end);
        }
        // One buffer for every copy (fresh memory costs: 80 chunks of 4 MB took ~0.35 s allocated
        // each, ~0.02 s reused); `writeAtomic` writes each piece before it asks for the next.
        copyBuffer ??= Buffer.allocUnsafe(COPY_CHUNK);
        const into = length <= COPY_CHUNK ? copyBuffer : Buffer.allocUnsafe(length);
        const { bytesRead } = await from.file.read(into, 0, length, first[0]);
        const buffer = into.subarray(0, length);
        if (bytesRead === length) {
          for (let k = i; k < end; k++) {
            const [offset, size] = before(k) as [number, number];
            places[(parts[k] as (typeof parts)[number]).key] = [at + offset - first[0], size];
          }
          copied += end - i;
          at += length;
          i = end;
          yield buffer;
          continue;
        }
        // Shorter than recorded (changed in place since): this member and the rest are compressed.
        copying = false;
      }
      // Members to compress: up to a batch of them at once, up to the next one to copy.
      const batch: (typeof parts)[number][] = [];
      while (i < parts.length && batch.length < BATCH && !before(i)) batch.push(parts[i++] as (typeof parts)[number]);
      const made = await Promise.all(batch.map(async (part) => gzip(await part.text())));
      compressed += batch.length;
      for (const [k, bytes] of made.entries()) {
        places[(batch[k] as (typeof parts)[number]).key] = [at, bytes.length];
        at += bytes.length;
        yield bytes;
      }
    }
    // An archive with no transcript is still a gzip file.
    if (at === 0) yield await gzip('');
  }
  await writeAtomic(join(site, download.name), members());
  return { places, copied, compressed };
}

/** Whether the published download `name` is still the file the record says the last build wrote. */
async function asRecorded(previous: string, record: BulkRecord, name: BulkFile): Promise<boolean> {
  const key = await stat(join(previous, name)).then(statKey, () => undefined);
  return key !== undefined && key === record.files[name];
}

/** Links last build's downloads into `site` when they are still what it published; whether it did. */
async function reuse(site: string, previous: string, record: BulkRecord | undefined, twins: string): Promise<boolean> {
  if (record?.twins !== twins) return false;
  for (const name of BULK_FILES) if (!(await asRecorded(previous, record, name))) return false;
  for (const name of BULK_FILES) {
    await rm(join(site, name), { force: true });
    await link(join(previous, name), join(site, name));
  }
  return true;
}

/** A published download, open, with its members' places by what each was made from. */
interface Published {
  file: FileHandle;
  before: Record<string, [number, number]>;
}

/** The published download `name` with its members' places, when it is still the file the record describes. */
async function published(
  previous: string | undefined,
  record: BulkRecord | undefined,
  name: BulkFile,
): Promise<Published | undefined> {
  const before = record?.members[name];
  if (!previous || !before || !(await asRecorded(previous, record, name))) return undefined;
  return { file: await open(join(previous, name), 'r'), before };
}

/**
 * Writes `/archive.jsonl.gz` and `/archive.csv.gz` into `site` from its twins
 * (copying unchanged transcripts' members from the ones in `previous`, or
 * linking those whole when no twin changed, with `cacheDir` remembering what
 * was written). Returns whether they were written anew, and if so how many
 * members were copied and how many compressed.
 */
export async function writeBulkDownloads(
  site: string,
  options: { previous?: string; cacheDir?: string } = {},
): Promise<{ written: false } | { written: true; copied: number; compressed: number }> {
  const entries = await readManifestEntries(site);
  // Each transcript's member keys, per twin kind: made once, for the digest and the downloads.
  const keys = {
    json: entries.map((e) => memberKey(site, e, 'json')),
    csv: entries.map((e) => memberKey(site, e, 'csv')),
  };
  const twins = createHash('sha1');
  for (const [i, json] of keys.json.entries()) twins.update(`${json}\0${keys.csv[i]}\n`);
  const digest = twins.digest('hex');
  const record = options.cacheDir ? await readKept(recordFile(options.cacheDir), BulkRecordSchema) : undefined;
  if (options.previous && (await reuse(site, options.previous, record, digest))) return { written: false };

  const members: BulkRecord['members'] = {};
  let copied = 0;
  let compressed = 0;
  await Promise.all(
    DOWNLOADS.map(async (download) => {
      const from = await published(options.previous, record, download.name);
      try {
        const written = await writeDownload(site, download, entries, keys[download.ext], from);
        members[download.name] = written.places;
        copied += written.copied;
        compressed += written.compressed;
      } finally {
        await from?.file.close();
      }
    }),
  );
  if (options.cacheDir) {
    const files: Record<string, string> = {};
    for (const name of BULK_FILES) files[name] = statKey(await stat(join(site, name)));
    await writeKept(recordFile(options.cacheDir), { twins: digest, files, members } satisfies BulkRecord);
  }
  return { written: true, copied, compressed };
}
