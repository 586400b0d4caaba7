/**
 * Citations of a transcript, or of one turn in it, in the six formats people
 * paste into papers and reference managers: APA, MLA, Chicago (notes and
 * bibliography style), BibTeX, RIS and CSL-JSON. Pure, and shared by the
 * build (static citation on each page) and the browser (per-turn "Cite").
 *
 * A turn's citation names its speaker as author; a transcript's names no
 * author (a transcript has many speakers) and is cited by title. Names are
 * written as the archive has them: no first/last split is guessed.
 */
import { MONTHS } from './dates.ts';

export interface CiteTarget {
  /** The transcript's title. */
  title: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; absent when the source does not say. */
  date?: string;
  /** The address to cite: absolute when the site's address is known. */
  url: string;
  /** The archive's name, as publisher. */
  archive: string;
  language?: string;
  /** Who transcribed the recording, credited after the title. */
  transcriber?: string;
  /** For one turn: who spoke, and the turn's id. */
  speaker?: string;
  turn?: string;
}

export type CiteFormat = 'apa' | 'mla' | 'chicago' | 'bibtex' | 'ris' | 'csl-json';

export const CITE_FORMATS: { id: CiteFormat; label: string }[] = [
  { id: 'apa', label: 'APA' },
  { id: 'mla', label: 'MLA' },
  { id: 'chicago', label: 'Chicago' },
  { id: 'bibtex', label: 'BibTeX' },
  { id: 'ris', label: 'RIS' },
  { id: 'csl-json', label: 'CSL-JSON' },
];

const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

function dateParts(date: string | undefined): number[] {
  return date ? date.split('-').map(Number) : [];
}

function turnTitle(t: CiteTarget): string {
  return t.turn ? `${t.title}, turn ${t.turn}` : t.title;
}

function apa(t: CiteTarget): string {
  const [y, m, d] = dateParts(t.date);
  const when = y
    ? [String(y), m ? MONTHS[m - 1] : undefined, d ? String(d) : undefined]
        .filter(Boolean)
        .join(', ')
        .replace(/, (\d+)$/, ' $1')
    : 'n.d.';
  const who = t.speaker ? `${t.speaker}. ` : '';
  const by = t.transcriber ? `; transcribed by ${t.transcriber}` : '';
  return `${who}(${when}). ${turnTitle(t)} [Transcript${by}]. ${t.archive}. ${t.url}`;
}

function mla(t: CiteTarget): string {
  const [y, m, d] = dateParts(t.date);
  const when = y ? `${[d, m ? MLA_MONTHS[m - 1] : undefined, y].filter(Boolean).join(' ')}, ` : '';
  const who = t.speaker ? `${t.speaker}. ` : '';
  const by = t.transcriber ? `Transcribed by ${t.transcriber}, ` : '';
  return `${who}“${turnTitle(t)}.” ${by}${t.archive}, ${when}${t.url}.`;
}

function chicago(t: CiteTarget): string {
  const [y, m, d] = dateParts(t.date);
  const when = y ? `${[m ? MONTHS[m - 1] : undefined, d ? `${d},` : undefined, y].filter(Boolean).join(' ')}. ` : '';
  const who = t.speaker ? `${t.speaker}. ` : '';
  const by = t.transcriber ? ` Transcribed by ${t.transcriber}.` : '';
  return `${who}“${turnTitle(t)}.” Transcript.${by} ${t.archive}, ${when}${t.url}.`;
}

/** BibTeX's special characters, escaped; names in double braces stay as written. */
function tex(text: string): string {
  return text.replace(/[\\{}%&$#_~^]/g, (c) =>
    c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : c === '^' ? '\\textasciicircum{}' : `\\${c}`,
  );
}

/** A citation key from the address: `transcript-archive:000-b208c8174473c045-t2`. */
export function citeKey(t: CiteTarget): string {
  const slug = /\/transcripts\/([^/]+)\//.exec(t.url)?.[1] ?? 'transcript';
  return `${slug}${t.turn ? `-${t.turn}` : ''}`;
}

function bibtex(t: CiteTarget): string {
  const [y, m] = dateParts(t.date);
  const fields: [string, string][] = [
    ['title', `{${tex(turnTitle(t))}}`],
    ...(t.speaker ? ([['author', `{${tex(t.speaker)}}`]] as [string, string][]) : []),
    ...(y ? ([['year', String(y)]] as [string, string][]) : []),
    ...(m ? ([['month', String(m)]] as [string, string][]) : []),
    ['howpublished', `{${tex(t.archive)}}`],
    ['url', t.url],
    ['note', t.transcriber ? `{Transcript, transcribed by ${tex(t.transcriber)}}` : '{Transcript}'],
  ];
  return `@misc{${citeKey(t)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
}

function ris(t: CiteTarget): string {
  const [y, m, d] = dateParts(t.date);
  const lines = [
    'TY  - GEN',
    `TI  - ${turnTitle(t)}`,
    ...(t.speaker ? [`AU  - ${t.speaker}`] : []),
    ...(y
      ? [
          `PY  - ${y}`,
          `DA  - ${[y, m ? String(m).padStart(2, '0') : '', d ? String(d).padStart(2, '0') : ''].join('/')}`,
        ]
      : []),
    `PB  - ${t.archive}`,
    `UR  - ${t.url}`,
    ...(t.language ? [`LA  - ${t.language}`] : []),
    t.transcriber ? `N1  - Transcript, transcribed by ${t.transcriber}` : 'N1  - Transcript',
    'ER  - ',
  ];
  return lines.join('\n');
}

export function toCsl(t: CiteTarget): Record<string, unknown> {
  const parts = dateParts(t.date);
  return {
    id: citeKey(t),
    type: 'speech',
    title: turnTitle(t),
    ...(t.speaker ? { author: [{ literal: t.speaker }] } : {}),
    ...(parts.length > 0 ? { issued: { 'date-parts': [parts] } } : {}),
    publisher: t.archive,
    genre: 'Transcript',
    ...(t.transcriber ? { note: `Transcribed by ${t.transcriber}` } : {}),
    URL: t.url,
    ...(t.language ? { language: t.language } : {}),
  };
}

export function cite(t: CiteTarget, format: CiteFormat): string {
  switch (format) {
    case 'apa':
      return apa(t);
    case 'mla':
      return mla(t);
    case 'chicago':
      return chicago(t);
    case 'bibtex':
      return bibtex(t);
    case 'ris':
      return ris(t);
    case 'csl-json':
      return JSON.stringify([toCsl(t)], null, 2);
  }
}
