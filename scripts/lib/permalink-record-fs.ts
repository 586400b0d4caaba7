/**
 * The permalink record on disk (`<content>/permalinks.json`), the archive's
 * promise that no published address breaks. It is checked before anything is
 * built, and a build that fails puts back the record it started from, so the
 * record only ever names pages that were published.
 */
import { closeSync, fstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import {
  EMPTY_RECORD,
  type PermalinkRecord,
  PermalinkRecordSchema,
  type RecordReading,
  readRecordAs,
  readRecordText,
} from '../core/permalinks/record.ts';
import { type EntryBytes, readOwnRecord } from '../core/permalinks/record-text.ts';
import { keptPath, readKept, writeAtomic, writeKept } from './build-cache-fs.ts';
import { cacheDir } from './cli.ts';
import { ifThere } from './if-there.ts';
import { isOurSite } from './output-folder-fs.ts';
import { readWhole, startAhead, takeAhead } from './read-ahead-fs.ts';
import { fileIdentity, statKey } from './scan-cache-fs.ts';

/** The permalink record's file, beside the collections. */
export const RECORD_FILE = 'permalinks.json';

/** The seeds folder as the record names it: relative to the content folder's parent, `/`-separated. */
export function seedsKey(content: string, seeds: string): string {
  return relative(dirname(content), seeds).split(sep).join('/') || '.';
}

/**
 * The record, once `checkRecord` has let the build go on (no file yet: an
 * empty record). The file the last ingest wrote, unchanged since, is taken as
 * it is, not through the schema again: it was written from a record that had
 * passed it, every default filled in (~0.8 s and its garbage at 10,000
 * transcripts, on every rebuild).
 */
export async function readRecord(content: string): Promise<PermalinkRecord> {
  return (await readRecordToRewrite(content)).record;
}

/**
 * The record file as the ingest read it, when it is the ingest's own output:
 * its identity and bytes when read, and each transcript entry's bytes in it,
 * so the record written next takes unchanged entries' bytes as they are
 * (`recordChunks`) and is compared with the file without reading it again.
 */
export interface RecordBefore {
  identity: string;
  bytes: Buffer;
  entries: EntryBytes;
  /** The record as read: reconciliation copies what it changes, so its entries stay the objects read. */
  record: PermalinkRecord;
}

/** The record file's bytes and identity, as {@link identifiedBytes} reads them. */
type Identified = { identity?: string | undefined; bytes?: Buffer | undefined };

/** A file's bytes and its identity when read; no identity when it changed while it was read. */
async function identifiedBytes(file: string): Promise<Identified> {
  const identity = fileIdentity(file);
  const bytes = await readWhole(file).catch(() => undefined);
  return { identity: fileIdentity(file) === identity ? identity : undefined, bytes };
}

/**
 * Starts reading the record file of `content` for the next
 * {@link readRecordToRewrite}: at 10,000 transcripts its 171 MB took the
 * ingest of an edit ~0.7 s of waiting, which the archive-wide steps can hide.
 */
export function readRecordAhead(content: string): void {
  const file = join(content, RECORD_FILE);
  void startAhead(file, () => identifiedBytes(file));
}

/**
 * {@link readRecord}, with the file it was read from when the ingest wrote
 * that file itself: then its entries are read lazily (`readOwnRecord`).
 */
export async function readRecordToRewrite(
  content: string,
): Promise<{ record: PermalinkRecord; before?: RecordBefore }> {
  const file = join(content, RECORD_FILE);
  const own = (await passedBefore(file))?.ownOutput;
  const early = await takeAhead<Identified>(file);
  // Read ahead, it is taken only when the file is still the one read.
  const { identity, bytes } =
    early !== undefined && fileIdentity(file) === early.identity ? early : await identifiedBytes(file);
  if (own && identity !== undefined && bytes !== undefined) {
    const lazy = readOwnRecord(bytes);
    if (lazy) return { record: lazy.record, before: { identity, bytes, entries: lazy.entries, record: lazy.record } };
  }
  const reading = readRecordAs(bytes?.toString('utf8'), own ? OwnRecordSchema : PermalinkRecordSchema);
  if (reading.kind === 'damaged') throw new Error(`${file}: the permalink record is damaged (${reading.why})`);
  if (reading.kind === 'missing') return { record: EMPTY_RECORD };
  return { record: reading.record };
}

/** The ingest's own record as its JSON holds it: an object, not checked field by field nor copied. */
const OwnRecordSchema = z.custom<PermalinkRecord>((v) => typeof v === 'object' && v !== null, 'not a record');

/** The content folder's record read through `schema` (a view of it); none without a file, an error when damaged. */
export async function readRecordFile<S extends z.ZodType>(content: string, schema: S): Promise<z.infer<S> | undefined> {
  const file = join(content, RECORD_FILE);
  const reading = readRecordAs(await readFile(file, 'utf8').catch(() => undefined), schema);
  if (reading.kind === 'damaged') throw new Error(`${file}: the permalink record is damaged (${reading.why})`);
  return reading.kind === 'record' ? reading.record : undefined;
}

export interface RecordCheck {
  content: string;
  seeds: string;
  /** The output folder, when the run publishes one: a site there is evidence of a published archive. */
  out?: string;
  /** `--new-archive`: this is a first build, whatever the record says. */
  newArchive: boolean;
}

/**
 * Whether the build may go on with the content folder's record. A missing
 * record is fine for a first build; for an archive that was built before (its
 * content folder holds transcripts, or its output folder a site) it means the
 * URL history was lost, and the build stops. A damaged record always stops it,
 * unless `--new-archive`, which moves the damaged file aside, never deletes it.
 */
export async function checkRecord(check: RecordCheck): Promise<{ error: string } | { note?: string }> {
  const file = join(check.content, RECORD_FILE);
  const passed = await passedBefore(file);
  const reading: RecordReading | { kind: 'passed'; seeds: string | undefined } =
    passed ?? readRecordText(await readFile(file, 'utf8').catch(() => undefined));
  const shown = relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file);
  const restore = `  ↳ Restore it from version control (\`git checkout -- ${shown}\`) or a backup; pass --new-archive only if this archive was never published.`;
  if (reading.kind === 'record' || reading.kind === 'passed') {
    const owner = reading.kind === 'record' ? reading.record.seeds : reading.seeds;
    if (reading.kind === 'record') await keepPassed(file, owner);
    const key = seedsKey(check.content, check.seeds);
    if (owner === undefined || owner === key) return {};
    return {
      error: `${file}: error [other-archive] this content folder holds the permalink record of the archive built from \`${owner}\`, not from \`${key}\`.\n  ↳ Give this archive a content folder of its own (--content DIR); if you moved the seeds folder on purpose, set "seeds": "${key}" in the record.`,
    };
  }
  if (reading.kind === 'damaged') {
    if (!check.newArchive)
      return {
        error: `${file}: error [damaged-record] the permalink record is damaged: ${reading.why}. Without it the build would drop every redirect and tombstone.\n${restore}`,
      };
    const aside = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(file, aside);
    await startRecord(check);
    return { note: `--new-archive: the damaged permalink record was moved to ${aside}; a new record starts` };
  }
  const evidence = hasTranscripts(check.content)
    ? `${join(check.content, 'transcripts')} holds transcripts`
    : check.out !== undefined && isOurSite(check.out)
      ? `${check.out} holds a published site`
      : undefined;
  if (evidence && !check.newArchive)
    return {
      error: `${file}: error [missing-record] the permalink record is missing, but this archive was built before (${evidence}). Without it the build would drop every redirect and tombstone.\n${restore}`,
    };
  await startRecord(check);
  return { note: `a new archive: its permalink record starts at ${file}` };
}

/**
 * A record file that passed its schema is not parsed again while it is the
 * same file (same inode, size and time: the ingest replaces it by a rename,
 * an edit in place changes its time). At 1,000 transcripts the record is
 * some 27 MB, and its parse was half of a no-change rebuild. `ownOutput`:
 * the ingest wrote the file itself (see {@link readRecord}).
 */
const PassedSchema = z.object({
  identity: z.string(),
  seeds: z.string().nullable(),
  ownOutput: z.boolean().optional(),
});

const passedFile = (file: string): string => keptPath(cacheDir(), 'record-passed', resolve(file));

async function passedBefore(
  file: string,
): Promise<{ kind: 'passed'; seeds: string | undefined; ownOutput: boolean } | undefined> {
  const identity = fileIdentity(file);
  const kept = identity === undefined ? undefined : await readKept(passedFile(file), PassedSchema);
  return kept && kept.identity === identity
    ? { kind: 'passed', seeds: kept.seeds ?? undefined, ownOutput: kept.ownOutput === true }
    : undefined;
}

/**
 * Notes that the record file, as it is now, passed. The ingest calls it for
 * the record it has just written from a record that passed (`ownOutput`), so
 * the next build's check does not parse it again (~2.5 s at 10,000
 * transcripts), nor the next ingest check it against the schema.
 */
export async function keepPassed(file: string, seeds: string | undefined, ownOutput = false): Promise<void> {
  const identity = fileIdentity(file);
  if (identity !== undefined)
    await writeKept(passedFile(file), { identity, seeds: seeds ?? null, ...(ownOutput ? { ownOutput } : {}) });
}

/**
 * Writes an empty record for a new archive before any content: a first run
 * killed half-way then leaves a record beside its transcripts, and the next
 * run goes on instead of taking them for an archive that lost its record.
 */
async function startRecord(check: RecordCheck): Promise<void> {
  await writeAtomic(join(check.content, RECORD_FILE), emptyRecordText(check.content, check.seeds));
}

/** The record of an archive that has published nothing yet, as its file holds it. */
function emptyRecordText(content: string, seeds: string): string {
  return `${JSON.stringify(keyedRecord(EMPTY_RECORD, seedsKey(content, seeds)), null, 2)}\n`;
}

function hasTranscripts(content: string): boolean {
  try {
    return readdirSync(join(content, 'transcripts')).some((n) => n.endsWith('.mdx'));
  } catch {
    return false;
  }
}

/**
 * The record file as it is now, and how to put it back (for a build that fails
 * after the ingest). A first build that fails leaves an empty record: its
 * transcripts were never published, and the next build is still a first one.
 * The file is held open, not read: the ingest replaces the record by a rename,
 * never in place, so the open file keeps the bytes as they were, read only if
 * the build stops (171 MB at 10,000 transcripts, 0.5-0.75 s to read and as
 * much memory held through the build, for the rare build that fails). A build
 * that succeeds leaves it open until its process ends.
 */
export async function snapshotRecord(content: string, seeds: string): Promise<() => Promise<void>> {
  const file = join(content, RECORD_FILE);
  let fd = ifThere(() => openSync(file, 'r'));
  const identity = fd === undefined ? undefined : statKey(fstatSync(fd));
  return async () => {
    try {
      const now = fileIdentity(file);
      // No file now: the run stopped before writing one, and a missing record stays missing.
      // The very file as it was (an edit in place changes its time): nothing to put back.
      if (now === undefined || now === identity) return;
      await writeAtomic(file, fd === undefined ? emptyRecordText(content, seeds) : readFileSync(fd));
    } finally {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    }
  };
}

/** The record with the seeds folder it belongs to, `seeds` first after the version. */
export function keyedRecord(record: PermalinkRecord, seeds: string): PermalinkRecord {
  const { version, seeds: _owner, ...rest } = record;
  return { version, seeds, ...rest };
}
