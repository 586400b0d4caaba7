/**
 * Citations of a transcript, or of one turn in it, in the formats people
 * paste into papers and reference managers: APA 7, MLA 9, Chicago 17
 * (notes and bibliography: the bibliography entry and the note), BibTeX, RIS
 * and CSL-JSON. Pure, and shared by the build (static citation on each page)
 * and the browser (per-turn "Cite", the access date).
 *
 * - Authors are the speakers (`cite-names.ts` writes their names): a turn's
 *   speaker, or a transcript's principal speakers. A role (`Moderator`) is
 *   not an author: a turn spoken by one names it after the title. Without an
 *   author, the title leads, as each style says.
 * - The date is the transcript's, or "n.d." (APA); MLA and Chicago leave it out.
 * - The publisher is the archive; the URL is absolute when the site's address is set.
 * - The access date (the day of citing) is given where the style wants one:
 *   MLA always (a transcript can be corrected), Chicago when there is no
 *   date, BibTeX `urldate`, RIS `Y2`, CSL `accessed`; APA never (an archived work).
 * - A turn's citation can carry the quoted words: APA and MLA put them
 *   before the entry with the in-text citation, Chicago's note after them;
 *   the machine formats keep them in a note field.
 */
import { apaName, type CiteName, invertedName, listNames, shortName, structuredName } from './cite-names.ts';
import { MONTHS } from './dates.ts';

export type { CiteName } from './cite-names.ts';

export interface CiteTarget {
  /** The transcript's title. */
  title: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; absent when the source does not say. */
  date?: string;
  /** The address to cite: absolute when the site's address is known. */
  url: string;
  /** The archive's name: the website cited, and the publisher unless `publisher` says otherwise. */
  archive: string;
  /** Who publishes the archive, when not the archive itself (archive.config.yaml `publisher:`). */
  publisher?: string;
  language?: string;
  /** Who transcribed the recording, credited after the title. */
  transcriber?: string;
  /** Who the work is by: a turn's speaker, or a transcript's principal speakers (roles are left to `role`). */
  authors?: CiteName[];
  /** For one turn: its id. */
  turn?: string;
  /** For a turn: where it starts in the recording (`12:03`, `1:02:03`), when the transcript has times. */
  at?: string;
  /** For a turn spoken by a role (`Moderator`), which is not an author: the role. */
  role?: string;
  /** For a turn: the words quoted from it. */
  quote?: string;
  /** The day of citing (`YYYY-MM-DD`); absent at build time, filled in by the browser. */
  accessed?: string;
}

export type CiteFormat = 'apa' | 'mla' | 'chicago' | 'chicago-note' | 'bibtex' | 'ris' | 'csl-json';

export const CITE_FORMATS: { id: CiteFormat; label: string }[] = [
  { id: 'apa', label: 'APA' },
  { id: 'mla', label: 'MLA' },
  { id: 'chicago', label: 'Chicago (bibliography)' },
  { id: 'chicago-note', label: 'Chicago (note)' },
  { id: 'bibtex', label: 'BibTeX' },
  { id: 'ris', label: 'RIS' },
  { id: 'csl-json', label: 'CSL-JSON' },
];

const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

function dateParts(date: string | undefined): number[] {
  return date ? date.split('-').map(Number) : [];
}

/** `September 5, 2024`, `September 2024`, `2024`. */
function monthDayYear(date: string): string {
  const [y, m, d] = dateParts(date);
  return [m ? MONTHS[m - 1] : undefined, d ? `${d},` : undefined, y].filter(Boolean).join(' ');
}

/** `5 Sept. 2024`, `Sept. 2024`, `2024`. */
function dayMonthYear(date: string): string {
  const [y, m, d] = dateParts(date);
  return [d, m ? MLA_MONTHS[m - 1] : undefined, y].filter(Boolean).join(' ');
}

/** The title cited: the transcript's, with the turn (and the role that spoke it). */
function citedTitle(t: CiteTarget): string {
  if (!t.turn) return t.title;
  return `${t.title}, turn ${t.turn}${t.at ? ` at ${t.at}` : ''}${t.role ? ` (${t.role})` : ''}`;
}

/** Ends a sentence without doubling a full stop (`Qi, Y.` stays, `Reuters` gets one). */
const stop = (text: string): string => (/[.?!]$/.test(text) ? text : `${text}.`);

const authorsOf = (t: CiteTarget): CiteName[] => t.authors ?? [];
const publisherOf = (t: CiteTarget): string => t.publisher ?? t.archive;
/** The publisher when it differs from the website's name (MLA names it only then). */
const otherPublisher = (t: CiteTarget): string | undefined =>
  t.publisher && t.publisher !== t.archive ? t.publisher : undefined;

function apaAuthors(names: readonly CiteName[]): string {
  return listNames(names.map(apaName), '&');
}

/** MLA and Chicago bibliography: the first author inverted, the others as they are. */
function invertedAuthors(names: readonly CiteName[], etAlAfter: number): string {
  const [first, ...rest] = names;
  if (!first) return '';
  const lead = invertedName(first);
  if (names.length > etAlAfter) return `${lead}, et al`;
  if (rest.length === 0) return lead;
  const others = rest.map((n) => n.name);
  const separator = lead.includes(',') || others.length > 1 ? ', ' : ' ';
  return `${lead}${separator}${others.length > 1 ? `${others.slice(0, -1).join(', ')}, ` : ''}and ${others.at(-1)}`;
}

function apaDate(date: string | undefined): string {
  const [y, m, d] = dateParts(date);
  if (!y) return 'n.d.';
  return [String(y), m ? `${MONTHS[m - 1]}${d ? ` ${d}` : ''}` : undefined].filter(Boolean).join(', ');
}

function apa(t: CiteTarget): string {
  const names = authorsOf(t);
  const when = `(${apaDate(t.date)}).`;
  const title = `${citedTitle(t)} [Transcript${t.transcriber ? `; transcribed by ${t.transcriber}` : ''}].`;
  const lead = names.length > 0 ? `${stop(apaAuthors(names))} ${when} ${title}` : `${title} ${when}`;
  const entry = `${lead} ${stop(publisherOf(t))} ${t.url}`;
  if (!t.quote) return entry;
  // APA puts a recording's time stamp where a page number would go.
  return `“${bare(t.quote)}” (${inText(t, names, ' & ')}, ${dateParts(t.date)[0] ?? 'n.d.'}${t.at ? `, ${t.at}` : ''}).\n\n${entry}`;
}

/** A quotation before a parenthetical citation leaves its closing full stop or comma to the sentence. */
const bare = (quote: string): string => quote.replace(/[.,;:]$/, '');

/** Who an in-text citation names: one or two family names, the first with "et al.", or the title. */
function inText(t: CiteTarget, names: readonly CiteName[], and: string): string {
  if (names.length === 0) return `“${t.title}”`;
  if (names.length > 2) return `${shortName(names[0] as CiteName)} et al.`;
  return names.map(shortName).join(and);
}

function mla(t: CiteTarget): string {
  const names = authorsOf(t);
  const parts = [
    names.length > 0 ? stop(invertedAuthors(names, 2)) : undefined,
    `“${citedTitle(t)}.”`,
    t.transcriber ? `Transcribed by ${t.transcriber},` : undefined,
    `${t.archive},${otherPublisher(t) ? ` ${otherPublisher(t)},` : ''}${t.date ? ` ${dayMonthYear(t.date)},` : ''} ${t.url}.`,
    t.accessed ? `Accessed ${dayMonthYear(t.accessed)}.` : undefined,
  ];
  const entry = parts.filter(Boolean).join(' ');
  if (!t.quote) return entry;
  // MLA cites a time in a recording in place of a page.
  return `“${bare(t.quote)}” (${inText(t, names, ' and ')}${t.at ? ` ${t.at}` : ''}).\n\n${entry}`;
}

/** Chicago's date, or its access date when the work has none. */
function chicagoWhen(t: CiteTarget, accessed: string): string | undefined {
  if (t.date) return monthDayYear(t.date);
  return t.accessed ? `${accessed} ${monthDayYear(t.accessed)}` : undefined;
}

function chicago(t: CiteTarget): string {
  const names = authorsOf(t);
  const when = chicagoWhen(t, 'Accessed');
  return [
    names.length > 0 ? stop(invertedAuthors(names, 10)) : undefined,
    `“${citedTitle(t)}.”`,
    'Transcript.',
    t.transcriber ? `Transcribed by ${t.transcriber}.` : undefined,
    when && t.date ? `${t.archive}, ${when}.` : `${t.archive}.`,
    when && !t.date ? `${when}.` : undefined,
    `${t.url}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** A Chicago note names people in their own order: `Mark Russinovich`, `Qi Yanjun`. */
function chicagoNote(t: CiteTarget): string {
  const names = authorsOf(t).map((n) => n.name);
  const who = names.length > 3 ? `${names[0]} et al.` : listNames(names);
  const when = chicagoWhen(t, 'accessed');
  const note = [
    who ? `${who},` : undefined,
    `“${citedTitle(t)},”`,
    t.transcriber ? `transcript, transcribed by ${t.transcriber},` : 'transcript,',
    `${t.archive},`,
    when ? `${when},` : undefined,
    `${t.url}.`,
  ]
    .filter(Boolean)
    .join(' ');
  return t.quote ? `“${t.quote}”¹\n\n1. ${note}` : `1. ${note}`;
}

/** BibTeX's special characters, escaped. */
function tex(text: string): string {
  return text.replace(/[\\{}%&$#_~^]/g, (c) =>
    c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : c === '^' ? '\\textasciicircum{}' : `\\${c}`,
  );
}

/** A citation key from the address: `000-b208c8174473c045-t2`. */
export function citeKey(t: CiteTarget): string {
  const slug = /\/transcripts\/([^/]+)\//.exec(t.url)?.[1] ?? 'transcript';
  return `${slug}${t.turn ? `-${t.turn}` : ''}`;
}

/** A BibTeX name: `Qi, Yanjun`; an organisation in braces, so it is never split. */
function bibName(n: CiteName): string {
  const s = structuredName(n);
  return 'literal' in s ? `{${tex(s.literal)}}` : `${tex(s.family)}, ${tex(s.given)}`;
}

function quoteNote(t: CiteTarget): string {
  const kind = t.transcriber ? `Transcript, transcribed by ${t.transcriber}` : 'Transcript';
  return t.quote ? `${kind}. Quoted: “${t.quote}”` : kind;
}

function bibtex(t: CiteTarget): string {
  const [y, m] = dateParts(t.date);
  const names = authorsOf(t);
  const fields: [string, string][] = [
    ['title', `{${tex(citedTitle(t))}}`],
    ...(names.length > 0 ? ([['author', names.map(bibName).join(' and ')]] as [string, string][]) : []),
    ...(y ? ([['year', String(y)]] as [string, string][]) : []),
    ...(m ? ([['month', String(m)]] as [string, string][]) : []),
    ['publisher', `{${tex(publisherOf(t))}}`],
    ['howpublished', `{${tex(t.archive)}}`],
    ['url', t.url],
    ...(t.accessed ? ([['urldate', t.accessed]] as [string, string][]) : []),
    ...(t.language ? ([['language', t.language]] as [string, string][]) : []),
    ['note', `{${tex(quoteNote(t))}}`],
  ];
  return `@misc{${citeKey(t)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
}

const risDate = (date: string): string => {
  const [y, m, d] = dateParts(date);
  return [y, m ? String(m).padStart(2, '0') : '', d ? String(d).padStart(2, '0') : ''].join('/');
};

function ris(t: CiteTarget): string {
  const [y] = dateParts(t.date);
  const lines = [
    'TY  - GEN',
    `TI  - ${citedTitle(t)}`,
    ...authorsOf(t).map((n) => {
      const s = structuredName(n);
      return `AU  - ${'literal' in s ? s.literal : `${s.family}, ${s.given}`}`;
    }),
    ...(y && t.date ? [`PY  - ${y}`, `DA  - ${risDate(t.date)}`] : []),
    `PB  - ${publisherOf(t)}`,
    `UR  - ${t.url}`,
    ...(t.accessed ? [`Y2  - ${risDate(t.accessed)}`] : []),
    ...(t.language ? [`LA  - ${t.language}`] : []),
    `N1  - ${quoteNote(t)}`,
    'ER  - ',
  ];
  return lines.join('\n');
}

export function toCsl(t: CiteTarget): Record<string, unknown> {
  const parts = dateParts(t.date);
  const names = authorsOf(t);
  return {
    id: citeKey(t),
    type: 'speech',
    title: citedTitle(t),
    ...(names.length > 0 ? { author: names.map(structuredName) } : {}),
    ...(parts.length > 0 ? { issued: { 'date-parts': [parts] } } : {}),
    publisher: publisherOf(t),
    ...(otherPublisher(t) ? { 'container-title': t.archive } : {}),
    genre: 'Transcript',
    URL: t.url,
    ...(t.accessed ? { accessed: { 'date-parts': [dateParts(t.accessed)] } } : {}),
    ...(t.language ? { language: t.language } : {}),
    ...(t.quote || t.transcriber
      ? {
          note: [t.transcriber ? `Transcribed by ${t.transcriber}` : '', t.quote ? `Quoted: “${t.quote}”` : '']
            .filter(Boolean)
            .join('. '),
        }
      : {}),
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
    case 'chicago-note':
      return chicagoNote(t);
    case 'bibtex':
      return bibtex(t);
    case 'ris':
      return ris(t);
    case 'csl-json':
      return JSON.stringify([toCsl(t)], null, 2);
  }
}

/** A turn's citation target: the transcript's, with the turn's speaker as author (or as a role), its address and its time. */
export function turnTarget(
  transcript: CiteTarget,
  turn: { id: string; url: string; speaker: CiteName | undefined; quote?: string; at?: string },
): CiteTarget {
  const { authors: _, role: __, quote: ___, at: ____, ...base } = transcript;
  const speaker = turn.speaker;
  return {
    ...base,
    url: turn.url,
    turn: turn.id,
    ...(speaker && speaker.kind !== 'role' ? { authors: [speaker] } : {}),
    ...(speaker?.kind === 'role' ? { role: speaker.name } : {}),
    ...(turn.quote ? { quote: turn.quote } : {}),
    ...(turn.at ? { at: turn.at } : {}),
  };
}

/** The words a citation quotes: white space folded, cut after `max` words with an ellipsis (an omission, as styles mark it). */
export function quoteOf(text: string, max = 40): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  return words.length <= max ? words.join(' ') : `${words.slice(0, max).join(' ')} …`;
}
