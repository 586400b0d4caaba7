/**
 * The pages Pagefind indexes for a transcript, made from its JSON twin:
 * - each language version gets pages of its own, at its own address and in
 *   its own language (so Pagefind segments and stems it as that language),
 *   and every page says where each of its turns is in the other versions,
 *   so a hit in one language offers the same turn in the others; all
 *   versions name the transcript they belong to, so counts of transcripts
 *   treat them as one;
 * - a long transcript is indexed in parts of whole turns (`partsOf`), each a
 *   page of its own: a hit loads its part's text, not the whole transcript's.
 *   Every part names the page its turns are on (`page` metadata), so a hit
 *   still links to the turn on the transcript's page. Pure.
 */
import {
  languageName,
  type PagefindRecord,
  pagefindRecord,
  type SearchRecord,
  searchRecord,
  spokenText,
  type Twin,
} from './search-record.ts';

/** One language of a twin as a twin of its own. */
type LanguageTwin = Omit<Twin, 'schemaVersion' | 'prevails' | 'versions'>;

/** Another version of a hit's transcript: its language's name, its page, and each turn's id there by this page's turn id. */
export type Alternate = [name: string, url: string, turns: Record<string, string>];

/**
 * About how many characters of spoken text one search page holds. Pagefind
 * gives a result's whole text when the page's script checks it, so this
 * bounds what a hit costs to load (about a third of it, compressed); each
 * page also costs a few bytes in the index every search loads first, so
 * parts are not made smaller than they need to be.
 */
export const PART_CHARS = 16_000;

/** How many characters of spoken text a turn has. */
const sizeOf = (turn: { paragraphs: readonly string[] }): number =>
  turn.paragraphs.reduce((n, p) => n + spokenText(p).length, 0);

/**
 * A page's turns in runs of whole turns, in reading order, each of at most
 * `size` characters of spoken text (a longer turn is a run of its own: a hit
 * is a whole turn, so a turn is never cut).
 */
export function partsOf<T extends { paragraphs: readonly string[] }>(turns: readonly T[], size = PART_CHARS): T[][] {
  const parts: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const turn of turns) {
    const n = sizeOf(turn);
    if (current.length > 0 && chars + n > size) {
      parts.push(current);
      current = [];
      chars = 0;
    }
    current.push(turn);
    chars += n;
  }
  if (current.length > 0 || parts.length === 0) parts.push(current);
  return parts;
}

/** A language twin cut down to some of its turns, with the speakers and topics of those turns only. */
function withTurns(l: LanguageTwin, turns: LanguageTwin['turns']): LanguageTwin {
  const ids = new Set(turns.map((t) => t.id));
  const speakers = new Set(turns.flatMap((t) => (t.speaker ? [t.speaker] : [])));
  return {
    ...l,
    turns,
    speakers: l.speakers.filter((s) => speakers.has(s.slug)),
    topics: l.topics.flatMap((t) => {
      const own = t.turns.filter((id) => ids.has(id));
      return own.length === 0 ? [] : [{ ...t, turns: own }];
    }),
  };
}

/** One search page: its path relative to the site, the record Pagefind indexes, and its search record. */
export interface SearchPage {
  path: string;
  pagefind: PagefindRecord;
  record: SearchRecord;
}

/** The search pages of a transcript: the original's first, then each version's, each in parts. */
export function searchPages(twin: Twin, size = PART_CHARS): SearchPage[] {
  // A twin written before language versions were added to schema 2 has no `versions`.
  const versions = twin.versions ?? [];
  const languages: LanguageTwin[] = [twin, ...versions];
  // Each language's turn id by the original's turn id, and back.
  const fromOriginal = languages.map((_, i) => {
    if (i === 0) return new Map(twin.turns.map((t) => [t.id, t.id]));
    const map = new Map<string, string>();
    for (const turn of versions[i - 1]?.turns ?? [])
      if (turn.original !== null && !map.has(turn.original)) map.set(turn.original, turn.id);
    return map;
  });
  // Every turn of a version to the original's, the second part of a split turn included.
  const toOriginal = languages.map((_, i) =>
    i === 0
      ? new Map(twin.turns.map((t) => [t.id, t.id]))
      : new Map((versions[i - 1]?.turns ?? []).flatMap((t) => (t.original === null ? [] : [[t.id, t.original]]))),
  );
  return languages.flatMap((l, i) => {
    const dir = l.url.replace(/^\//, '');
    return partsOf(l.turns, size).map((turns, k) => {
      const alternates: Alternate[] = languages.flatMap((other, j) => {
        if (j === i) return [];
        const there: Record<string, string> = {};
        for (const turn of turns) {
          const original = toOriginal[i]?.get(turn.id);
          const id = original === undefined ? undefined : fromOriginal[j]?.get(original);
          if (id !== undefined) there[turn.id] = id;
        }
        return [[languageName(other.language), other.url, there]];
      });
      const extra: Record<string, string> = {
        ...(k === 0 ? {} : { page: l.url }),
        ...(versions.length === 0
          ? {}
          : {
              transcript: twin.url,
              alternates: JSON.stringify(alternates),
              ...(twin.prevails ? { prevails: languageName(twin.prevails) } : {}),
            }),
      };
      const page: Twin = { ...twin, ...withTurns(l, turns), versions: [] };
      const record = searchRecord(page, extra);
      const path = `${dir}${k === 0 ? '' : `search-part-${k + 1}/`}index.html`;
      return { path, pagefind: pagefindRecord(record, pageAddress(path)), record };
    });
  });
}

/** The other versions a search page offers (its `alternates` metadata); none when it has none or it is unreadable. */
export function alternatesOf(meta: Record<string, string>): Alternate[] {
  try {
    const parsed = JSON.parse(meta['alternates'] ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as Alternate[]) : [];
  } catch {
    return [];
  }
}

/** A search page's address, as Pagefind makes it from the page's path (`transcripts/a/index.html` → `/transcripts/a/`). */
export const pageAddress = (path: string): string => `/${path.replace(/index\.html$/, '')}`;
