/**
 * What a transcript's preamble says about it: the `Key: value` header lines
 * (`President: Ronald Reagan`, `Date: October 7, 1984`, `Title: …`) and a
 * dateline (`March 7, 1962`) before the first turn. The parser keeps these
 * lines as preamble, never as a turn; this reads them as metadata, of lower
 * rank than a sidecar or front matter:
 *
 * - a date, from a `Date:` line or a line that is a date (a dateline), when
 *   the whole date is written out (chrono-node reads it; a year or a month
 *   alone gives none);
 * - a title, from a `Title:` line, or a short first line that reads as a
 *   title and stands over or before a dateline (`The President's News Conference`);
 * - a location, from a `Location:`/`Place:` line;
 * - who holds a role: `President: Ronald Reagan` makes the transcript's
 *   `THE PRESIDENT.` Ronald Reagan (see resolve-speaker.ts).
 */
import * as chrono from 'chrono-node';
import { foldName } from './slugs.ts';

export interface HeaderFacts {
  date?: string;
  title?: string;
  location?: string;
  /** Role (folded) → the name the header gives for it. */
  holders: Map<string, string>;
}

/** A header is the top of a file: lines further down are the transcript's own. */
const HEADER_LINES = 8;
const PAIR = /^(\p{L}[\p{L} .'’-]{0,30}?)\s*[:：]\s*(\S.{0,119})$/u;
const DATE_KEYS = /^(?:date|dated|recorded|held|delivered|broadcast|aired)$/i;
const TITLE_KEYS = /^(?:title|subject)$/i;
const PLACE_KEYS = /^(?:location|place|venue|where)$/i;
/** A person's name as a header writes it: two to five capitalised words (`Ronald Reagan`, `Walter F. Mondale`). */
const NAME_VALUE = /^\p{Lu}[\p{L}'’-]*\.?(?:\s+(?:\p{Lu}[\p{L}'’-]*\.?|de|van|von|der|da|di|la|le|bin|al)){1,4}$/u;

/** The ISO date a text writes out in full (day, month and year), with where it stands in the text. */
export function fullDateIn(text: string): { date: string; index: number; length: number } | undefined {
  const found = chrono.strict.parse(text)[0];
  if (!found) return undefined;
  const s = found.start;
  if (!s.isCertain('year') || !s.isCertain('month') || !s.isCertain('day')) return undefined;
  const y = s.get('year');
  const m = s.get('month');
  const d = s.get('day');
  if (y === null || m === null || d === null) return undefined;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return { date: `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`, index: found.index, length: found.text.length };
}

/** A line that reads as a title: short, no sentence inside, not ending like a sentence. */
function titleShaped(line: string): boolean {
  return (
    line.length >= 4 && line.length <= 100 && !/[.!?;,]$/.test(line) && !/[.!?]\s/.test(line) && /\p{Lu}/u.test(line)
  );
}

/** A dateline: a short line that ends in a full date (`March 7, 1962`, `WASHINGTON, March 7, 1962`). */
function dateline(line: string): ReturnType<typeof fullDateIn> {
  const dated = line.length <= 120 ? fullDateIn(line) : undefined;
  return dated && dated.index <= 60 && /^[\s.)]*$/.test(line.slice(dated.index + dated.length)) ? dated : undefined;
}

/** The facts the lines before a transcript's first turn give. */
export function headerFacts(preamble: readonly string[]): HeaderFacts {
  const facts: HeaderFacts = { holders: new Map() };
  const lines = preamble
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, HEADER_LINES);
  for (const [i, line] of lines.entries()) {
    const pair = PAIR.exec(line);
    if (pair?.[1] && pair[2]) {
      const key = pair[1].trim();
      const value = pair[2].trim();
      if (DATE_KEYS.test(key)) {
        const date = fullDateIn(value)?.date;
        if (date) facts.date ??= date;
      } else if (TITLE_KEYS.test(key)) facts.title ??= value;
      else if (PLACE_KEYS.test(key)) facts.location ??= value;
      else if (NAME_VALUE.test(value)) facts.holders.set(foldName(key), value);
      continue;
    }
    const dated = dateline(line);
    if (dated) {
      facts.date ??= dated.date;
      // `The President's News Conference March 7, 1962`: the words before the date are the title.
      const before = line.slice(0, dated.index).trim();
      if (i === 0 && titleShaped(before)) facts.title ??= before;
    } else if (i === 0 && titleShaped(line) && lines[1] !== undefined && dateline(lines[1])) {
      // A first line over a dateline is the title: `Presidential Debate in Philadelphia` / `September 23, 1976`.
      facts.title ??= line;
    }
  }
  return facts;
}
