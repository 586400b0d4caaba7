/**
 * The permalink record's file, read and written without parsing or making
 * again the transcripts' entries an ingest leaves as they were. The file is
 * `JSON.stringify(record, null, 2)` and a newline, byte for byte.
 *
 * At 10,000 transcripts the record is 171 MB, almost all of it the
 * transcripts' turns, and an edit or an added transcript changes one entry
 * (reconciliation copies an entry it changes and keeps the very object of
 * one it leaves as it was). Parsing the whole file took ~3 s of such an
 * ingest, and making its text again and writing it ~4 s. {@link readOwnRecord}
 * finds each entry's bytes in the file and parses an entry's nested values
 * only when they are first read; {@link recordChunks} writes the bytes of
 * every entry that is still the very object read, and stringifies the others.
 */
import { Buffer } from 'node:buffer';
import type { PermalinkRecord, TranscriptRecord } from './record.ts';

/** Each transcript entry's bytes as its file holds them, by the entry object read from them. */
export type EntryBytes = ReadonlyMap<object, Uint8Array>;

/** Indentation of a transcript's entry: the record, `transcripts`, the entry. */
const ENTRY_INDENT = '    ';
const TRANSCRIPTS_OPEN = '\n  "transcripts": {\n';
/** Where a transcript's entry ends, and where the transcripts end. */
const ENTRY_CLOSE = `\n${ENTRY_INDENT}}`;
const TRANSCRIPTS_CLOSE = '\n  }';
/** A key of an entry itself: lines inside its values are indented further, and a JSON string holds no line break. */
const ENTRY_KEY = '\n      "';
/** Around an entry's number, a placeholder for its text while the record is stringified (JSON writes it `\\u0000`). */
const PLACEHOLDER = '\u0000';
/** A placeholder as stringified, where a transcript's entry stands: `    "<slug>": "\\u0000<n>\\u0000"`. */
const PLACED = /^( {4}"(?:[^"\\\n]|\\.)*": )"\\u0000(\d+)\\u0000"/gm;

/**
 * The record in `bytes`, a file in the layout {@link recordChunks} writes,
 * with each transcript entry's bytes: `undefined` for any other layout (the
 * caller parses such a file whole). An entry opens on a line
 * `    "<slug>": {` and closes at the first line `    }`; its own keys are on
 * lines indented six spaces. Its values that are numbers, strings or `null`
 * are parsed at once, its objects and arrays when first read. The record is
 * not checked against its schema: for the ingest's own file, written from a
 * record that passed it.
 */
export function readOwnRecord(bytes: Buffer): { record: PermalinkRecord; entries: EntryBytes } | undefined {
  const open = bytes.indexOf(TRANSCRIPTS_OPEN);
  if (open < 0 || bytes.indexOf(TRANSCRIPTS_OPEN, open + 1) >= 0) return undefined;
  const transcripts: Record<string, TranscriptRecord> = {};
  const entries = new Map<object, Uint8Array>();
  let at = open + TRANSCRIPTS_OPEN.length;
  let closed = -1;
  while (closed < 0) {
    const lineEnd = bytes.indexOf('\n', at);
    const head = lineEnd < 0 ? '' : bytes.toString('utf8', at, lineEnd);
    if (!head.startsWith(`${ENTRY_INDENT}"`) || !head.endsWith('": {')) return undefined;
    const slug = parsed(head.slice(ENTRY_INDENT.length, -': {'.length));
    const close = bytes.indexOf(ENTRY_CLOSE, lineEnd);
    if (typeof slug !== 'string' || close < 0) return undefined;
    const end = close + ENTRY_CLOSE.length;
    const text = bytes.subarray(lineEnd - 1, end);
    const entry = lazyEntry(text);
    if (!entry) return undefined;
    transcripts[slug] = entry;
    entries.set(entry, text);
    const after = bytes.toString('latin1', end, end + TRANSCRIPTS_CLOSE.length);
    if (after.startsWith(',\n')) at = end + 2;
    else if (after === TRANSCRIPTS_CLOSE) closed = end;
    else return undefined;
  }
  // The record around its transcripts, which stand empty in it while it is parsed.
  const frame = parsed(
    `${bytes.toString('utf8', 0, open + TRANSCRIPTS_OPEN.length - 1)}${bytes.toString('utf8', closed)}`,
  ) as PermalinkRecord | undefined;
  if (typeof frame !== 'object' || frame === null || typeof frame.transcripts !== 'object') return undefined;
  frame.transcripts = transcripts;
  return { record: frame, entries };
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** An entry from its bytes (`{` to `}`), its objects and arrays parsed when first read; `undefined` if not in the layout. */
function lazyEntry(text: Buffer): TranscriptRecord | undefined {
  const entry: Record<string, unknown> = {};
  const last = text.length - ENTRY_CLOSE.length;
  let at = text.indexOf(ENTRY_KEY);
  while (at >= 0 && at < last) {
    const keyStart = at + ENTRY_KEY.length - 1;
    const colon = text.indexOf('": ', keyStart);
    const key = colon < 0 ? undefined : parsed(text.toString('utf8', keyStart, colon + 1));
    const next = text.indexOf(ENTRY_KEY, at + 1);
    const valueEnd = next >= 0 && next < last ? next - 1 : last;
    if (typeof key !== 'string' || (valueEnd !== last && text[valueEnd] !== 0x2c)) return undefined;
    const value = text.subarray(colon + 3, valueEnd);
    if (value[0] === 0x7b || value[0] === 0x5b) lazily(entry, key, value);
    else {
      const scalar = parsed(value.toString('utf8'));
      if (scalar === undefined) return undefined;
      own(entry, key, scalar);
    }
    at = next;
  }
  return Object.keys(entry).length > 0 ? (entry as TranscriptRecord) : undefined;
}

/** `entry[key] = value` as JSON.parse makes it: an own property, whatever the key. */
function own(entry: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(entry, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Defines `key` on `entry` as the JSON in `value`, parsed when first read and kept then (or set). */
function lazily(entry: Record<string, unknown>, key: string, value: Buffer): void {
  Object.defineProperty(entry, key, {
    enumerable: true,
    configurable: true,
    get() {
      const v: unknown = JSON.parse(value.toString('utf8'));
      own(entry, key, v);
      return v;
    },
    set: (v: unknown) => own(entry, key, v),
  });
}

/**
 * The file of `record`: `JSON.stringify(record, null, 2)` and a newline, as
 * pieces of bytes, each entry that is still the very object read from
 * `earlier` as its bytes there. The record is stringified in one call with each such
 * entry as a numbered placeholder string, and the text is then cut at the
 * placeholders: a placeholder is found only where a transcript's entry
 * stands (a key indented four spaces, in the layout of {@link readOwnRecord}),
 * where the record holds objects, never strings.
 */
export function recordChunks(record: PermalinkRecord, earlier: EntryBytes = new Map()): Uint8Array[] {
  const texts: Uint8Array[] = [];
  const transcripts: Record<string, unknown> = {};
  for (const [slug, entry] of Object.entries(record.transcripts)) {
    const text = earlier.get(entry);
    if (text === undefined) transcripts[slug] = entry;
    else transcripts[slug] = `${PLACEHOLDER}${texts.push(text) - 1}${PLACEHOLDER}`;
  }
  const json = JSON.stringify({ ...record, transcripts }, null, 2);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const placed of json.matchAll(PLACED)) {
    const [whole, head, n] = placed as unknown as [string, string, string];
    chunks.push(Buffer.from(`${json.slice(from, placed.index)}${head}`), texts[Number(n)] as Uint8Array);
    from = placed.index + whole.length;
  }
  chunks.push(Buffer.from(`${json.slice(from)}\n`));
  return chunks;
}

/** {@link recordChunks} as one text. */
export function recordText(record: PermalinkRecord, earlier: EntryBytes = new Map()): string {
  return Buffer.concat(recordChunks(record, earlier)).toString('utf8');
}

/**
 * Whether `chunks` ({@link recordChunks}) hold exactly `bytes`, without
 * joining them: an entry's bytes taken from `bytes` at their own place are
 * not compared again.
 */
export function sameBytes(chunks: readonly Uint8Array[], bytes: Uint8Array): boolean {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  for (const piece of chunks) {
    const same =
      piece.buffer === bytes.buffer && piece.byteOffset === bytes.byteOffset + at
        ? at + piece.byteLength <= file.length
        : file.subarray(at, at + piece.byteLength).equals(piece);
    if (!same) return false;
    at += piece.byteLength;
  }
  return at === file.length;
}

/**
 * The record without its transcripts' entries, their slugs in order in their
 * place: what {@link recordChunks} writes besides the entries.
 */
function recordFrame(record: PermalinkRecord): string {
  return JSON.stringify({ ...record, transcripts: Object.keys(record.transcripts) });
}

/**
 * Whether {@link recordChunks} would write `record` as the very file `read`
 * was read from ({@link readOwnRecord}): every transcript entry is the object
 * read under its slug, and the rest of the record is unchanged. At 10,000
 * transcripts an edit that leaves the record as it was saves making its
 * 171 MB again and comparing it with the file's.
 */
export function unchangedRecord(record: PermalinkRecord, read: PermalinkRecord): boolean {
  return (
    Object.entries(record.transcripts).every(([slug, entry]) => read.transcripts[slug] === entry) &&
    recordFrame(record) === recordFrame(read)
  );
}
