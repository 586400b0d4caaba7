/**
 * The search page's client: Pagefind's JS API, one hit per matching turn,
 * phrase queries, filters with counts, sorting, the whole state in the URL
 * (back and forward restore it), and export of every result as CSV or JSON.
 *
 * Pagefind returns excerpts as HTML with `<mark>` around hits. They are
 * rebuilt here as text nodes and `<mark>` elements only, so no markup from a
 * transcript can reach the page.
 */

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string; location: number };
  /** Word positions in the page's `content` that matched, and Pagefind's score of each. */
  locations?: number[];
  weighted_locations?: { balanced_score: number; location: number }[];
}
interface PagefindData {
  url: string;
  meta: Record<string, string>;
  excerpt: string;
  content: string;
  anchors: { id: string; location: number; text?: string }[];
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  search(
    q: string | null,
    o?: { filters?: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{
    results: PagefindResult[];
    filters: Record<string, Record<string, number>>;
    totalFilters: Record<string, Record<string, number>>;
  } | null>;
  preload(q: string | null, o?: { filters?: PagefindFilters }): Promise<void>;
}

import Papa from 'papaparse';
import { otherLanguages, type PagefindEntry } from '../lib/search-languages.ts';
import { rankTurns, type TurnEvidence } from '../lib/search-rank.ts';
import {
  EXPORT_COLUMNS,
  type ExportRow,
  excerptText,
  FILTERS,
  type FilterName,
  filterKeys,
  hasPhrases,
  highlightTerms,
  joinBuckets,
  LONG_FILTERS,
  type PagefindFilters,
  pagefindOptions,
  parseQuery,
  type SearchState,
  type Sort,
  stateFromUrl,
  stateToUrl,
  turnTexts,
  withHighlight,
} from '../lib/search-state.ts';

const FILTER_LABELS: Record<FilterName, string> = {
  speaker: 'Speaker',
  kind: 'Speaker kind',
  topic: 'Topic',
  year: 'Year',
  language: 'Language',
  format: 'Format',
};
/**
 * Each result's data is a fragment holding its whole transcript's text (~15 KB compressed on
 * average, far more for long ones), so results are fetched a few at a time: the first query
 * stays small and quick, and a reader asks for more.
 */
const FIRST_PAGE = 5;
const MORE_PAGE = 10;
/**
 * Pagefind counts every loaded filter value on each query, and the speaker and
 * topic lists grow with the archive (at 10,000 transcripts, 1.3 MB and ~9,000
 * topics, which made each query several times slower). So they are split
 * into buckets (see search-state.ts) and their full lists load only when a
 * reader asks; filtering by a value loads its bucket alone. The short lists
 * load with the page.
 */
const EAGER_FILTERS: readonly FilterName[] = FILTERS.filter((name) => !LONG_FILTERS.includes(name));
const LIST_LABELS: Partial<Record<FilterName, string>> = { speaker: 'List speakers', topic: 'List topics' };
const loadedFilters = new Set<FilterName>(EAGER_FILTERS);

/** Loads the files of `names` in every shard, so the next query counts their values. */
async function loadFilters(pf: Pagefind, names: readonly FilterName[]): Promise<void> {
  const keys = names.flatMap(filterKeys);
  await pf.preload(null, { filters: Object.fromEntries(keys.map((key) => [key, { any: [] }])) });
  for (const name of names) loadedFilters.add(name);
}

const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const sortSelect = document.getElementById('search-sort') as HTMLSelectElement;
const statusLine = document.getElementById('search-status') as HTMLElement;
const list = document.getElementById('search-results') as HTMLOListElement;
const filterBox = document.getElementById('search-filters') as HTMLElement;
const exportBox = document.getElementById('search-export') as HTMLElement;
// On a phone the filters would push every result below the fold: they start folded there.
if (matchMedia('(max-width: 40rem)').matches)
  (document.getElementById('filters-panel') as HTMLDetailsElement).open = false;
let state: SearchState = stateFromUrl(new URL(location.href));
let generation = 0;

const PAGEFIND_OPTIONS = { excerptLength: 30 };
const base = form.dataset['pagefindBase'] ?? '/pagefind/';

/**
 * The search index comes in shards (see `scripts/core/search-shards.ts`): the
 * primary in `/pagefind/`, the others listed in `/pagefind/shards.json`,
 * merged here so one query searches them all and the filters count across them.
 */
const pagefindPromise: Promise<Pagefind> = import(/* @vite-ignore */ `${base}pagefind.js`).then(
  async (pf: Pagefind) => {
    await pf.options(PAGEFIND_OPTIONS);
    const manifest = (await fetch(`${base}shards.json`)
      .then((r) => (r.ok ? r.json() : { shards: [] }))
      .catch(() => ({ shards: [] }))) as { shards: { dir: string }[] };
    await Promise.all(
      manifest.shards.filter((s) => s.dir !== '').map((s) => pf.mergeIndex(`${base}${s.dir}`, PAGEFIND_OPTIONS)),
    );
    // Each bundle's other languages too (see search-languages.ts). By full URL: Pagefind skips a merge
    // whose path starts like the primary index's, which would leave out the primary's other languages.
    const lang = document.documentElement.lang || 'en';
    const bundles = [...new Set(['', ...manifest.shards.map((s) => s.dir)])];
    await Promise.all(
      bundles.map(async (dir) => {
        const url = new URL(`${base}${dir}`, location.href).href;
        const entry = (await fetch(`${url}pagefind-entry.json`)
          .then((r) => (r.ok ? r.json() : { languages: {} }))
          .catch(() => ({ languages: {} }))) as PagefindEntry;
        await Promise.all(
          otherLanguages(entry, lang).map((language) => pf.mergeIndex(url, { ...PAGEFIND_OPTIONS, language })),
        );
      }),
    );
    // Pagefind counts a filter's values per query only once its files are loaded.
    await loadFilters(pf, EAGER_FILTERS);
    return pf;
  },
);

/** Text and `<mark>` only, from an excerpt Pagefind gave as HTML. */
function excerptNodes(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return [...doc.body.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

type Props = Partial<Pick<HTMLInputElement, 'className' | 'textContent' | 'type' | 'value' | 'name'>> & {
  href?: string;
};

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/** The filter boxes on the page, by `name` and value, so a new search updates counts without replacing them. */
const boxes = new Map<string, { box: HTMLInputElement; count: HTMLSpanElement }>();
let shownKeys = '';

/** A button in place of a long list not loaded yet; pressing it loads the list and moves focus to it. */
function listButton(name: FilterName, label: string): HTMLButtonElement {
  const button = el('button', { type: 'button', className: 'filter-list', textContent: label });
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = 'Loading…';
    try {
      await loadFilters(await pagefindPromise, [name]);
    } catch {
      button.disabled = false;
      button.textContent = `${label}: could not load, try again`;
      return;
    }
    await run('none');
    filterBox.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.focus();
  });
  return button;
}

/**
 * The filters, each value with how many transcripts it would give for the
 * current query. The boxes are built once for a given set of values and then
 * only updated, so the box just clicked keeps its place and keyboard focus.
 */
function renderFilters(
  available: Record<string, Record<string, number>>,
  present: Record<string, Record<string, number>>,
): void {
  const groups = FILTERS.map((name) => {
    // Values the query finds without filters stay listed while filters change; counts follow the filters.
    const chosen = state.filters[name] ?? [];
    const values: Record<string, number> = {};
    // A list not loaded in full has only the buckets of the chosen values: those values alone are listed.
    const listed = loadedFilters.has(name) ? Object.entries(present[name] ?? {}) : [];
    for (const [value, n] of listed) if (n > 0 || chosen.includes(value)) values[value] = 0;
    for (const value of chosen) values[value] = 0;
    for (const value of Object.keys(values)) values[value] = available[name]?.[value] ?? 0;
    const entries = Object.entries(values).sort((a, b) =>
      name === 'year' ? b[0].localeCompare(a[0]) : a[0].localeCompare(b[0]),
    );
    return { name, entries, loaded: loadedFilters.has(name) };
  });
  const keys = JSON.stringify(groups.map((g) => [g.name, g.loaded, g.entries.map(([v]) => v)]));
  if (keys !== shownKeys) {
    shownKeys = keys;
    boxes.clear();
    filterBox.replaceChildren();
    for (const { name, entries, loaded } of groups) {
      const label = LIST_LABELS[name];
      if (loaded ? entries.length === 0 : !label) continue;
      const fieldset = el('fieldset', {}, el('legend', { textContent: FILTER_LABELS[name] }));
      for (const [value] of entries) {
        const box = el('input', { type: 'checkbox', value, name });
        const count = el('span', { className: 'muted' });
        box.addEventListener('change', () => {
          const current = new Set(state.filters[name] ?? []);
          if (box.checked) current.add(value);
          else current.delete(value);
          state = { ...state, filters: { ...state.filters, [name]: [...current] } };
          void run('push');
        });
        fieldset.append(el('label', {}, box, ` ${value} `, count));
        boxes.set(`${name}\u0000${value}`, { box, count });
      }
      if (!loaded && label) fieldset.append(listButton(name, label));
      filterBox.append(fieldset);
    }
  }
  for (const { name, entries } of groups) {
    for (const [value, n] of entries) {
      const entry = boxes.get(`${name}\u0000${value}`);
      if (!entry) continue;
      entry.box.checked = (state.filters[name] ?? []).includes(value);
      entry.count.textContent = `(${n})`;
    }
  }
}

interface Hit {
  page: PagefindData;
  sub: PagefindSubResult;
}

let found: { results: PagefindResult[]; fetched: number; hits: number; phrases: string[] } = {
  results: [],
  fetched: 0,
  hits: 0,
  phrases: [],
};

/** Runs the state's search; `push` records a history entry (a filter, a submitted query), `replace` does not (typing). */
async function run(mode: 'push' | 'replace' | 'none'): Promise<void> {
  const mine = ++generation;
  const url = stateToUrl(new URL(location.href), state);
  if (mode === 'push' && url.href !== location.href) history.pushState(null, '', url);
  if (mode === 'replace') history.replaceState(null, '', url);
  const query = parseQuery(state.q);
  const options = pagefindOptions(state);
  const pagefind = await pagefindPromise;
  if (mine !== generation) return;
  const asked = query.search !== null || Object.keys(options.filters).length > 0;
  const search = asked ? await pagefind.search(query.search, options) : null;
  // Without words, the values to list are those of every transcript (Pagefind counts none unfiltered).
  const all = query.search === null ? ((await pagefind.search(null, {}))?.filters ?? {}) : undefined;
  if (mine !== generation) return;
  renderFilters(joinBuckets(search?.filters ?? all ?? {}), joinBuckets(all ?? search?.totalFilters ?? {}));
  if (!search) {
    list.replaceChildren();
    moreButton.hidden = true;
    exportBox.hidden = true;
    statusLine.textContent = '';
    return;
  }
  list.replaceChildren();
  found = { results: search.results, fetched: 0, hits: 0, phrases: query.phrases };
  exportBox.hidden = search.results.length === 0;
  await showMore(mine, FIRST_PAGE);
}

const moreButton = el('button', { type: 'button', className: 'search-more' });
moreButton.hidden = true;
list.after(moreButton);
moreButton.addEventListener('click', () => void showMore(generation, MORE_PAGE));

/** The turns of a result that answer the state: a chosen speaker's, and containing every phrase. */
function turnHits(page: PagefindData, phrases: readonly string[]): Hit[] {
  const speakers = state.filters.speaker ?? [];
  const texts = phrases.length > 0 ? turnTexts(page.content, page.anchors) : undefined;
  const turns = page.sub_results.filter((s) => {
    if (!s.anchor || !/^t\d+$/.test(s.anchor.id)) return false;
    if (speakers.length > 0 && !speakers.includes(s.title)) return false;
    return !texts || hasPhrases(texts.get(s.anchor.id) ?? '', phrases);
  });
  if (turns.length > 0 || phrases.length > 0) return turns.map((sub) => ({ page, sub }));
  if (parseQuery(state.q).search === null) return browseHits(page, speakers);
  const first = page.sub_results[0];
  return first ? [{ page, sub: first }] : [];
}

/**
 * A batch's turns in the order to show them: by relevance, the turns holding
 * more of the query's words and more densely first (see search-rank.ts);
 * otherwise, and when browsing, in the results' order and reading order.
 */
function ordered(hits: Hit[], pages: readonly PagefindData[]): Hit[] {
  const query = parseQuery(state.q).search;
  if (state.sort !== 'relevance' || query === null || hits.length < 2) return hits;
  const words = new Map(pages.map((p) => [p, p.content.split(/\s+/)]));
  const evidence = hits.map((h): TurnEvidence => {
    const content = words.get(h.page) ?? [];
    const start = h.sub.anchor?.location ?? 0;
    const next = h.page.anchors.map((a) => a.location).filter((l) => l > start);
    return {
      matched: (h.sub.locations ?? []).map((l) => content[l] ?? ''),
      scores: (h.sub.weighted_locations ?? []).map((w) => w.balanced_score),
      length: (next.length > 0 ? Math.min(...next) : content.length) - start,
      page: pages.indexOf(h.page),
      position: h.page.sub_results.indexOf(h.sub),
    };
  });
  return rankTurns(evidence, query.split(' ')).map((i) => hits[i] as Hit);
}

/** Browsing by filters alone: every turn of the page (of the chosen speakers), in order, with its first words. */
function browseHits(page: PagefindData, speakers: readonly string[]): Hit[] {
  const texts = turnTexts(page.content, page.anchors);
  return page.anchors
    .filter((a) => /^t\d+$/.test(a.id) && (speakers.length === 0 || speakers.includes(a.text ?? '')))
    .map((a) => {
      const words = (texts.get(a.id) ?? '').split(' ');
      const excerpt = words.slice(a.text ? a.text.split(' ').length : 0, 30).join(' ');
      const escaped = excerpt.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      return {
        page,
        sub: {
          title: a.text ?? '',
          url: `${page.url}#${a.id}`,
          excerpt: escaped,
          anchor: { id: a.id, location: a.location },
        },
      };
    });
}

/** Fetches the next `n` results' data and appends their turns to the list. */
async function showMore(mine: number, n: number): Promise<void> {
  const batch = found.results.slice(found.fetched, found.fetched + n);
  const pages = await Promise.all(batch.map((r) => r.data()));
  if (mine !== generation) return;
  const hits = pages.flatMap((p) => turnHits(p, found.phrases));
  const items = ordered(hits, pages).map(hitItem);
  list.append(...items);
  found.fetched += pages.length;
  found.hits += items.length;
  const left = found.results.length - found.fetched;
  moreButton.hidden = left <= 0;
  moreButton.textContent = `Show ${Math.min(left, MORE_PAGE)} more ${left === 1 ? 'transcript' : 'transcripts'}`;
  const of = left > 0 ? ` (of ${found.results.length} transcripts found)` : '';
  statusLine.textContent =
    found.hits === 0
      ? left > 0
        ? `No turns match in the first ${found.fetched} of ${found.results.length} transcripts found.`
        : 'No turns match.'
      : `${found.hits} ${found.hits === 1 ? 'turn' : 'turns'} in ${found.fetched} ${found.fetched === 1 ? 'transcript' : 'transcripts'}${of}.`;
}

function hitItem({ page, sub }: Hit): HTMLLIElement {
  return el(
    'li',
    { className: 'search-hit' },
    el(
      'a',
      { href: withHighlight(sub.url, highlightTerms(state.q)), className: 'hit-speaker' },
      sub.anchor ? sub.title : (page.meta['title'] ?? sub.title),
    ),
    el(
      'p',
      { className: 'card-meta' },
      el('span', { textContent: page.meta['title'] ?? '' }),
      ...(page.meta['date'] ? [el('span', { textContent: page.meta['date'] })] : []),
    ),
    el('p', { className: 'hit-excerpt' }, ...excerptNodes(sub.excerpt)),
  );
}

/** Every result (all pages of them), as rows for export. */
async function exportRows(): Promise<ExportRow[]> {
  const pages = await Promise.all(found.results.map((r) => r.data()));
  return pages
    .flatMap((p) => turnHits(p, found.phrases))
    .map(({ page, sub }) => ({
      transcript: page.meta['title'] ?? '',
      date: page.meta['date'] ?? '',
      speaker: sub.anchor ? sub.title : '',
      url: new URL(sub.url, location.href).href,
      excerpt: excerptText(sub.excerpt),
    }));
}

function download(name: string, type: string, text: string): void {
  const link = el('a', { href: URL.createObjectURL(new Blob([text], { type })) });
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}

document.getElementById('export-csv')?.addEventListener('click', async () => {
  const rows = await exportRows();
  download(
    'search-results.csv',
    'text/csv',
    Papa.unparse({ fields: EXPORT_COLUMNS, data: rows.map((r) => EXPORT_COLUMNS.map((c) => r[c])) }),
  );
});
document.getElementById('export-json')?.addEventListener('click', async () => {
  const rows = await exportRows();
  download('search-results.json', 'application/json', `${JSON.stringify({ query: state, results: rows }, null, 2)}\n`);
});

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    state = { ...state, q: input.value };
    void run('replace');
  }, 200);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  state = { ...state, q: input.value };
  void run('push');
});
sortSelect.addEventListener('change', () => {
  state = { ...state, sort: sortSelect.value as Sort };
  void run('push');
});
window.addEventListener('popstate', () => {
  state = stateFromUrl(new URL(location.href));
  showState();
  void run('none');
});

function showState(): void {
  input.value = state.q;
  sortSelect.value = state.sort;
}

showState();
void run('none').catch(() => {
  statusLine.textContent = 'Search could not be loaded. The search index may be missing from this build.';
});
