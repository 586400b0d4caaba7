/**
 * The search page's state and query syntax, pure so it can be tested
 * without a browser:
 * - a query is words and `"quoted phrases"`; Pagefind gets every word (it
 *   finds and ranks candidate transcripts), and a turn is a hit only when it
 *   holds every word (search-match.ts) and each phrase, word for word (case
 *   and punctuation aside);
 * - the query, filters and sort live in the URL: `?q=…&speaker=…&year=2024&sort=newest`.
 */

import { fnv1a } from '../../scripts/core/search-shards.ts';

export const FILTERS = ['speaker', 'kind', 'topic', 'year', 'language'] as const;
export type FilterName = (typeof FILTERS)[number];
export type Sort = 'relevance' | 'newest' | 'oldest';

/**
 * Filters with a value list that grows with the archive (at 10,000
 * transcripts, 2,400 speakers and 9,000 topics). Pagefind keeps each filter in
 * one file per shard and counts every loaded value on each query, so these are
 * split into `FILTER_BUCKETS` filters by a hash of the value (`topic-7`): a
 * search for one topic loads one bucket, and the whole list loads only when a
 * reader asks for it.
 */
export const LONG_FILTERS: readonly FilterName[] = ['speaker', 'topic'];
export const FILTER_BUCKETS = 16;

/** The Pagefind filter that holds `value` of filter `name`: the name itself, or its bucket for a long list. */
export function filterKey(name: FilterName, value: string): string {
  return LONG_FILTERS.includes(name) ? `${name}-${fnv1a(value) % FILTER_BUCKETS}` : name;
}

/** Every Pagefind filter that makes up filter `name`. */
export function filterKeys(name: FilterName): string[] {
  return LONG_FILTERS.includes(name) ? Array.from({ length: FILTER_BUCKETS }, (_, i) => `${name}-${i}`) : [name];
}

/** Pagefind's counts per filter, with each long filter's buckets put back together under its name. */
export function joinBuckets(counts: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [key, values] of Object.entries(counts)) {
    const bucketOf = /^(.+)-\d+$/.exec(key)?.[1] as FilterName | undefined;
    const name = bucketOf && LONG_FILTERS.includes(bucketOf) ? bucketOf : key;
    out[name] = { ...out[name], ...values };
  }
  return out;
}

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterName, string[]>>;
  sort: Sort;
}

/** The phrases a turn must contain: each quoted stretch of two words or more (a quoted single word is a word). */
export function queryPhrases(q: string): string[] {
  return [...q.matchAll(/"([^"]+)"/g)].map((m) => (m[1] ?? '').trim()).filter((p) => p.includes(' '));
}

/**
 * What to mark on the page a hit leads to: each quoted phrase whole, and each
 * other word, as Pagefind's own highlighting takes them (`?highlight=` once per term).
 */
export function highlightTerms(q: string): string[] {
  const phrases = [...q.matchAll(/"([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/\s+/g, ' ').trim());
  const words = q
    .replace(/"[^"]*"/g, ' ')
    .split(/[\s"]+/)
    .filter((w) => w !== '');
  return [...new Set([...phrases, ...words].filter((t) => t !== ''))];
}

/** A hit's link with the terms to mark on arrival, before its `#turn` anchor. */
export function withHighlight(url: string, terms: readonly string[]): string {
  if (terms.length === 0) return url;
  const hash = url.indexOf('#');
  const [path, anchor] = hash === -1 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  const query = terms.map((t) => `highlight=${encodeURIComponent(t)}`).join('&');
  return `${path}${path.includes('?') ? '&' : '?'}${query}${anchor}`;
}

/** Lower case, every run of non-letters one space, padded: the form phrases are compared in. */
export const fold = (text: string): string =>
  ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/** Whether `text` holds every phrase as consecutive words. */
export function hasPhrases(text: string, phrases: readonly string[]): boolean {
  const folded = fold(text);
  return phrases.every((p) => folded.includes(fold(p)));
}

export function stateFromUrl(url: URL): SearchState {
  const filters: SearchState['filters'] = {};
  for (const name of FILTERS) {
    const values = url.searchParams.getAll(name).filter((v) => v !== '');
    if (values.length > 0) filters[name] = values;
  }
  const sort = url.searchParams.get('sort');
  return {
    q: url.searchParams.get('q') ?? '',
    filters,
    sort: sort === 'newest' || sort === 'oldest' ? sort : 'relevance',
  };
}

/** The URL for a state, keeping the page's path. Empty parts are left out, so `/search/` is the empty state. */
export function stateToUrl(base: URL, state: SearchState): URL {
  const url = new URL(base.pathname, base);
  if (state.q.trim()) url.searchParams.set('q', state.q.trim());
  for (const name of FILTERS) for (const v of state.filters[name] ?? []) url.searchParams.append(name, v);
  if (state.sort !== 'relevance') url.searchParams.set('sort', state.sort);
  return url;
}

/** A Pagefind filter expression: filters by key (values: any of), and `all` of compound ones. */
export type PagefindFilters = Record<string, { any: string[] } | PagefindFilters[]>;

/**
 * Pagefind's `filters` and `sort` options for a state. Values of one filter
 * are alternatives (any of them), filters combine (all of them); a long
 * filter whose values fall in several buckets is `any` of its buckets.
 */
export function pagefindOptions(state: SearchState): {
  filters: PagefindFilters;
  sort?: Record<string, 'asc' | 'desc'>;
} {
  const filters: PagefindFilters = {};
  const compound: PagefindFilters[] = [];
  for (const name of FILTERS) {
    const values = state.filters[name] ?? [];
    if (values.length === 0) continue;
    const byKey = new Map<string, string[]>();
    for (const value of values) {
      const key = filterKey(name, value);
      byKey.set(key, [...(byKey.get(key) ?? []), value]);
    }
    const parts = [...byKey].map(([key, any]) => ({ [key]: { any } }));
    if (parts.length === 1) Object.assign(filters, parts[0]);
    else compound.push({ any: parts });
  }
  if (compound.length > 0) filters['all'] = compound;
  return state.sort === 'relevance'
    ? { filters }
    : { filters, sort: { date: state.sort === 'newest' ? 'desc' : 'asc' } };
}

export interface ExportRow {
  transcript: string;
  date: string;
  speaker: string;
  url: string;
  excerpt: string;
}

export const EXPORT_COLUMNS: (keyof ExportRow)[] = ['transcript', 'date', 'speaker', 'url', 'excerpt'];
