/**
 * The permalink record's file text: `JSON.stringify(record, null, 2)` and a
 * newline, byte for byte, made without stringifying again the transcripts'
 * entries that the file read before already holds as text.
 *
 * At 10,000 transcripts the record is 171 MB, almost all of it the
 * transcripts' turns; an edit changes one entry (reconciliation copies an
 * entry it changes and leaves the others as they were read), and stringifying
 * the whole record again took ~1.6 s of the ingest. {@link entryTexts} finds
 * each entry's text in the file it was parsed from; {@link recordText} uses
 * it for an entry that is still the very object parsed from that text, and
 * stringifies every other entry.
 */
import type { PermalinkRecord } from './record.ts';

/** Each transcript entry's text as its file holds it, by the entry object parsed from that text. */
export type EntryTexts = ReadonlyMap<object, string>;

/** Indentation of a transcript's entry: the record, `transcripts`, the entry. */
const ENTRY_INDENT = '    ';
const TRANSCRIPTS_OPEN = '\n  "transcripts": {\n';
/** Around an entry's number, a placeholder for its text while the record is stringified (JSON writes it `\\u0000`). */
const PLACEHOLDER = '\u0000';
/** A placeholder as stringified, where a transcript's entry stands: `    "<slug>": "\\u0000<n>\\u0000"`. */
const PLACED = /^( {4}"(?:[^"\\\n]|\\.)*": )"\\u0000(\d+)\\u0000"/gm;

/**
 * Each of `record`'s transcript entries with its text in `text`, the file
 * `record` was parsed from. It reads the layout {@link recordText} writes:
 * an entry opens on a line `    "<slug>": {` and closes at the first line
 * `    }` (lines inside it are indented further, and a JSON string holds no
 * line break). Text in any other layout gives no entries, never wrong ones.
 */
export function entryTexts(text: string, record: PermalinkRecord): EntryTexts {
  const out = new Map<object, string>();
  const open = text.indexOf(TRANSCRIPTS_OPEN);
  if (open < 0 || text.indexOf(TRANSCRIPTS_OPEN, open + 1) >= 0) return out;
  let at = open + TRANSCRIPTS_OPEN.length;
  const found = new Map<string, string>();
  for (;;) {
    const lineEnd = text.indexOf('\n', at);
    const head = lineEnd < 0 ? '' : text.slice(at, lineEnd);
    if (!head.startsWith(`${ENTRY_INDENT}"`) || !head.endsWith('": {')) return out;
    let slug: unknown;
    try {
      slug = JSON.parse(head.slice(ENTRY_INDENT.length, -': {'.length));
    } catch {
      return out;
    }
    const close = text.indexOf(`\n${ENTRY_INDENT}}`, lineEnd);
    if (typeof slug !== 'string' || close < 0) return out;
    const end = close + ENTRY_INDENT.length + 2;
    found.set(slug, text.slice(lineEnd - 1, end));
    if (text.startsWith(',\n', end)) at = end + 2;
    else if (text.startsWith('\n  }', end)) break;
    else return out;
  }
  for (const [slug, entry] of Object.entries(record.transcripts)) {
    const entryText = found.get(slug);
    if (entryText !== undefined) out.set(entry, entryText);
  }
  return out;
}

/**
 * `JSON.stringify(record, null, 2)` and a newline, taking the text of a
 * transcript entry from `earlier` when it holds that very entry object. The
 * record is stringified in one call with each such entry as a numbered
 * placeholder string, and the placeholders are then replaced by the texts: a
 * placeholder is found only where a transcript's entry stands (a key indented
 * four spaces, in the layout of {@link entryTexts}), where the record holds
 * objects, never strings.
 */
export function recordText(record: PermalinkRecord, earlier: EntryTexts = new Map()): string {
  const texts: string[] = [];
  const transcripts: Record<string, unknown> = {};
  for (const [slug, entry] of Object.entries(record.transcripts)) {
    const text = earlier.get(entry);
    if (text === undefined) transcripts[slug] = entry;
    else transcripts[slug] = `${PLACEHOLDER}${texts.push(text) - 1}${PLACEHOLDER}`;
  }
  const json = JSON.stringify({ ...record, transcripts }, null, 2);
  if (texts.length === 0) return `${json}\n`;
  return `${json.replace(PLACED, (_, head: string, n: string) => `${head}${texts[Number(n)]}`)}\n`;
}

/**
 * The record without its transcripts' entries, their slugs in order in their
 * place: what {@link recordText} writes besides the entries' texts.
 */
export function recordFrame(record: PermalinkRecord): string {
  return JSON.stringify({ ...record, transcripts: Object.keys(record.transcripts) });
}

/**
 * Whether {@link recordText} would write `record` as the very text `earlier`
 * and `frame` were read from: every transcript entry is an object parsed from
 * that text, and the rest of the record is unchanged. At 10,000 transcripts
 * an edit that leaves the record as it was saves making its 171 MB of text
 * and comparing it with the file's.
 */
export function unchangedRecord(record: PermalinkRecord, earlier: EntryTexts, frame: string): boolean {
  return Object.values(record.transcripts).every((entry) => earlier.has(entry)) && recordFrame(record) === frame;
}
