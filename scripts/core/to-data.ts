/**
 * The archive as data beside the JSON twins: a plain-text twin and a CSV of
 * turns per transcript, and bulk downloads (JSON Lines of twins, CSV of every
 * turn). Column names and order are part of the documented schema
 * (`TWIN_SCHEMA_VERSION`); columns are only ever added at the end.
 */
import Papa from 'papaparse';
import type { Speaker, Transcript } from './schema.ts';
import { formatClock, transcriptPath } from './urls.ts';

/** A transcript's CSV, `/transcripts/<slug>.csv`: one row per turn, nothing repeated that is the transcript's. */
export const TURN_COLUMNS = ['turn', 'speaker', 'speaker_name', 'label', 'start', 'text'] as const;

/** `/archive.csv.gz`: every turn of the archive, each row led by its transcript's slug, title and date. */
export const ARCHIVE_COLUMNS = ['transcript', 'title', 'date', ...TURN_COLUMNS] as const;
const LEAD_COLUMNS = ['transcript', 'title', 'date'] as const;

type Names = ReadonlyMap<string, Speaker>;
type Row<C extends readonly string[]> = Partial<Record<C[number], string>>;

export function turnRows(t: Transcript, speakers: Names): Row<typeof TURN_COLUMNS>[] {
  return t.turns.map((turn) => ({
    turn: turn.id,
    speaker: turn.speaker,
    speaker_name: speakers.get(turn.speaker)?.name ?? turn.label,
    label: turn.label,
    start: turn.start === undefined ? '' : String(turn.start),
    text: turn.paragraphs.join('\n\n'),
  }));
}

/**
 * CSV with a header row of `columns` (a transcript's by default), every field
 * quoted where needed, CRLF line ends (RFC 4180). `header: false` gives the
 * rows alone, to append to a CSV begun with a header by itself (`toCsv([])`).
 */
export function toCsv<C extends readonly string[] = typeof TURN_COLUMNS>(
  rows: readonly Row<C>[],
  options: { header?: boolean; columns?: C } = {},
): string {
  const columns: readonly string[] = options.columns ?? TURN_COLUMNS;
  const data = rows.map((r) => columns.map((c) => (r as Record<string, string | undefined>)[c] ?? ''));
  const csv = Papa.unparse({ fields: [...columns], data }, { newline: '\r\n', header: options.header ?? true });
  // Papa ends a header with no rows in a line break of its own; every other CSV ends in one added here.
  return csv === '' ? '' : `${csv.replace(/\r\n$/, '')}\r\n`;
}

/**
 * A transcript's CSV as rows of the archive's CSV (no header): each turn led
 * by the transcript's slug, title and date. A CSV as {@link toCsv} writes it
 * (a field is quoted, its quotes doubled, when it holds a quote, a comma or a
 * line break; every row ends in CRLF) has its rows found in its text, each
 * led by the three fields written the same way: the bytes parsing it and
 * writing it again would give, at a fraction of the time (Papa's parse took
 * most of the downloads' time). A CSV whose rows cannot be found so (a quote
 * left open, a last row without its CRLF) is parsed and written again.
 */
export function archiveRows(csv: string, transcript: { slug: string; title: string; date: string | null }): string {
  const lead = { transcript: transcript.slug, title: transcript.title, date: transcript.date ?? '' };
  const rows = csvRows(csv);
  if (rows === undefined) return archiveRowsParsed(csv, lead);
  const fields = toCsv([lead], { header: false, columns: LEAD_COLUMNS }).slice(0, -'\r\n'.length);
  return rows
    .slice(1)
    .filter((row) => row !== '')
    .map((row) => `${fields},${row}\r\n`)
    .join('');
}

/** The rows of a CSV whose every row ends in CRLF, as written; `undefined` when its quotes or ends are not so. */
function csvRows(csv: string): string[] | undefined {
  const rows: string[] = [];
  let quote = csv.indexOf('"');
  let at = 0;
  for (let i = 0; i < csv.length; ) {
    const end = csv.indexOf('\r\n', i);
    if (end < 0) return undefined;
    if (quote >= 0 && quote < end) {
      // A quoted field: its end is the next quote (a doubled quote ends it and opens it again).
      const close = csv.indexOf('"', quote + 1);
      if (close < 0) return undefined;
      i = close + 1;
      quote = csv.indexOf('"', i);
      continue;
    }
    rows.push(csv.slice(at, end));
    i = at = end + 2;
  }
  return at === csv.length ? rows : undefined;
}

function archiveRowsParsed(csv: string, lead: Row<typeof LEAD_COLUMNS>): string {
  const parsed = Papa.parse<Row<typeof TURN_COLUMNS>>(csv, { header: true, skipEmptyLines: true });
  return toCsv(
    parsed.data.map((row) => ({ ...lead, ...row })),
    { header: false, columns: ARCHIVE_COLUMNS },
  );
}

/** A JSON document (pretty-printed or not) as one line of JSON Lines; one already on one line is taken as it is. */
export function jsonLine(json: string): string {
  const end = json.indexOf('\n');
  if (end === -1 || end === json.length - 1) return end === -1 ? `${json}\n` : json;
  return `${JSON.stringify(JSON.parse(json))}\n`;
}

/** The transcript as plain text: a header, then each turn under its speaker, id and time in the recording. */
export function transcriptToText(t: Transcript, speakers: Names): string {
  const head = [
    t.title,
    `Date: ${t.date ?? 'not stated in the source'}`,
    ...(t.sourceUrl ? [`Source: ${t.sourceUrl}`] : []),
    ...(t.media ? [`Recording: ${t.media}`] : []),
    `Permanent address: ${transcriptPath(t.slug)}`,
  ];
  const body = t.turns.map(
    (turn) =>
      `${speakers.get(turn.speaker)?.name ?? (turn.label || 'Unattributed')} [${turn.id}${turn.start === undefined ? '' : ` at ${formatClock(turn.start)}`}]:\n${turn.paragraphs.join('\n\n')}`,
  );
  const closing = [...t.credits, ...t.notes];
  return `${[head.join('\n'), ...(t.preamble.length > 0 ? [t.preamble.join('\n\n')] : []), ...body, ...(closing.length > 0 ? [closing.join('\n')] : [])].join('\n\n')}\n`;
}
