/**
 * Long name lists split for browsing: by the first letter of each slug (slugs
 * are ASCII, so a Chinese name files under its pinyin initial), digits
 * together, anything else last. Pure: tested without Astro.
 */

export interface LetterGroup<T> {
  /** `a` … `z`, `0-9`, or `other`: the URL segment of the group's page. */
  key: string;
  /** What a reader sees: `A`, `0–9`, `Other`. */
  label: string;
  items: T[];
}

function letterOf(slug: string): string {
  const c = slug.charAt(0);
  if (c >= 'a' && c <= 'z') return c;
  if (c >= '0' && c <= '9') return '0-9';
  return 'other';
}

const LABELS: Record<string, string> = { '0-9': '0–9', other: 'Other' };

/** Groups in alphabetical order, digits and others last; items sorted by `name` within a group. */
export function byLetter<T extends { slug: string; name: string }>(items: Iterable<T>): LetterGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = letterOf(item.slug);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  const rank = (key: string) => (key === 'other' ? 2 : key === '0-9' ? 1 : 0);
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, list]) => ({
      key,
      label: LABELS[key] ?? key.toUpperCase(),
      items: list.sort((a, b) => a.name.localeCompare(b.name)),
    }));
}

/** The `limit` items with the highest `count`, ties by name: the short list an index page leads with. */
export function mostFrequent<T extends { name: string }>(
  items: Iterable<T>,
  count: (item: T) => number,
  limit: number,
): T[] {
  return [...items].sort((a, b) => count(b) - count(a) || a.name.localeCompare(b.name)).slice(0, limit);
}
