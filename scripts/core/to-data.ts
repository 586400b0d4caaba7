/**
 * The archive as data beside the JSON twins: a plain-text twin and a CSV of
 * turns per transcript, and bulk downloads (JSON Lines of twins, CSV of every
 * turn). Column names and order are part of the documented schema
 * (`TWIN_SCHEMA_VERSION`); columns are only ever added at the end.
 */
import Papa from 'papaparse';
import type { Speaker, Transcript } from './schema.ts';
import { formatClock, transcriptPath, turnPath } from './urls.ts';

export const TURN_COLUMNS = [
  'transcript',
  'title',
  'date',
  'turn',
  'url',
  'speaker',
  'speaker_name',
  'label',
  'start',
  'text',
] as const;

type Names = ReadonlyMap<string, Speaker>;

export function turnRows(t: Transcript, speakers: Names): Record<(typeof TURN_COLUMNS)[number], string>[] {
  return t.turns.map((turn) => ({
    transcript: t.slug,
    title: t.title,
    date: t.date ?? '',
    turn: turn.id,
    url: turnPath(t.slug, turn.id),
    speaker: turn.speaker,
    speaker_name: speakers.get(turn.speaker)?.name ?? turn.label,
    label: turn.label,
    start: turn.start === undefined ? '' : String(turn.start),
    text: turn.paragraphs.join('\n\n'),
  }));
}

/**
 * CSV with a header row, every field quoted where needed, CRLF line ends (RFC
 * 4180). `header: false` gives the rows alone, to append to a CSV begun with
 * `toCsv([])` (the header by itself).
 */
export function toCsv(rows: readonly Record<string, string>[], options: { header?: boolean } = {}): string {
  const data = rows.map((r) => TURN_COLUMNS.map((c) => r[c] ?? ''));
  const csv = Papa.unparse({ fields: [...TURN_COLUMNS], data }, { newline: '\r\n', header: options.header ?? true });
  // Papa ends a header with no rows in a line break of its own; every other CSV ends in one added here.
  return `${csv.replace(/\r\n$/, '')}\r\n`;
}

/** A CSV's rows without its header line (the header's fields hold no line break). */
export function csvRows(csv: string): string {
  const end = csv.indexOf('\r\n');
  return end === -1 ? '' : csv.slice(end + 2);
}

/** A JSON document (pretty-printed or not) as one line of JSON Lines. */
export function jsonLine(json: string): string {
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
