/**
 * Language versions in search: each version gets a search page of its own,
 * at its own address and in its own language (so Pagefind segments and
 * stems it as that language), and every search page says where each of its
 * turns is in the other versions, so a hit in one language offers the same
 * turn in the others. All versions name the transcript they belong to, so
 * counts of transcripts treat them as one. Pure.
 */
import { languageName, searchRecordHtml, type Twin, tag } from './search-record.ts';

/** One language of a twin as a twin of its own. */
type LanguageTwin = Omit<Twin, 'schemaVersion' | 'prevails' | 'versions'>;

/** Another version of a hit's transcript: its language's name, its page, and each turn's id there by this page's turn id. */
export type Alternate = [name: string, url: string, turns: Record<string, string>];

/** The search pages of a transcript: the original's first, then each version's; `path` is relative to the site. */
export function searchPages(twin: Twin): { path: string; html: string }[] {
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
  return languages.map((l, i) => {
    const alternates: Alternate[] = languages.flatMap((other, j) => {
      if (j === i) return [];
      const turns: Record<string, string> = {};
      for (const turn of l.turns) {
        const original = toOriginal[i]?.get(turn.id);
        const there = original === undefined ? undefined : fromOriginal[j]?.get(original);
        if (there !== undefined) turns[turn.id] = there;
      }
      return [[languageName(other.language), other.url, turns]];
    });
    const extra =
      versions.length === 0
        ? []
        : [tag('meta', 'transcript', twin.url), tag('meta', 'alternates', JSON.stringify(alternates))];
    const page: Twin = { ...twin, ...l, versions: [] };
    return { path: `${l.url.replace(/^\//, '')}index.html`, html: searchRecordHtml(page, extra) };
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
