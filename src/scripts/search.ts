/**
 * The search page's client: Pagefind's JS API, one hit per matching turn,
 * filters by speaker and topic, the query kept in the URL (`?q=`).
 *
 * Pagefind returns excerpts as HTML with `<mark>` around hits. They are
 * rebuilt here as text nodes and `<mark>` elements only, so no markup from a
 * transcript can reach the page.
 */

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string };
}
interface PagefindData {
  url: string;
  meta: Record<string, string>;
  excerpt: string;
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
type Filters = Record<string, string[]>;
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  search(
    q: string | null,
    o?: { filters?: Record<string, { any: string[] }> },
  ): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const FILTER_LABELS: Record<string, string> = { speaker: 'Speaker', topic: 'Topic' };
/**
 * Each result's data is a fragment holding its whole transcript's text (~15 KB compressed on
 * average, far more for long ones), so results are fetched a few at a time: the first query
 * stays small and quick, and a reader asks for more.
 */
const FIRST_PAGE = 5;
const MORE_PAGE = 10;

const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const statusLine = document.getElementById('search-status') as HTMLElement;
const list = document.getElementById('search-results') as HTMLOListElement;
const filterBox = document.getElementById('search-filters') as HTMLElement;
const selected: Filters = {};
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

async function renderFilters(pagefind: Pagefind): Promise<void> {
  const available = await pagefind.filters();
  filterBox.replaceChildren();
  for (const [name, values] of Object.entries(available)) {
    const entries = Object.entries(values).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (entries.length === 0) continue;
    const fieldset = el('fieldset', {}, el('legend', { textContent: FILTER_LABELS[name] ?? name }));
    for (const [value, count] of entries) {
      const box = el('input', { type: 'checkbox', value, name: `filter-${name}` });
      box.checked = selected[name]?.includes(value) ?? false;
      box.addEventListener('change', () => {
        const current = new Set(selected[name] ?? []);
        if (box.checked) current.add(value);
        else current.delete(value);
        selected[name] = [...current];
        void run();
      });
      fieldset.append(
        el('label', {}, box, ` ${value} `, el('span', { className: 'muted', textContent: `(${count})` })),
      );
    }
    filterBox.append(fieldset);
  }
}

async function run(): Promise<void> {
  const query = input.value.trim();
  const mine = ++generation;
  const url = new URL(location.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);

  const activeFilters = Object.fromEntries(
    Object.entries(selected)
      .filter(([, values]) => values.length > 0)
      .map(([name, values]) => [name, { any: values }]),
  );
  if (!query && Object.keys(activeFilters).length === 0) {
    list.replaceChildren();
    moreButton.hidden = true;
    statusLine.textContent = '';
    return;
  }
  statusLine.textContent = 'Searching…';
  const pagefind = await pagefindPromise;
  const search = await pagefind.search(query || null, { filters: activeFilters });
  if (mine !== generation || !search) return;
  list.replaceChildren();
  shown = { results: search.results, count: 0, turns: 0 };
  await showMore(mine, FIRST_PAGE);
}

let shown: { results: PagefindResult[]; count: number; turns: number } = { results: [], count: 0, turns: 0 };
const moreButton = el('button', { type: 'button', className: 'search-more' });
moreButton.hidden = true;
list.after(moreButton);
moreButton.addEventListener('click', () => void showMore(generation, MORE_PAGE));

/** Fetches the next `n` results' data and appends their turns to the list. */
async function showMore(mine: number, n: number): Promise<void> {
  const batch = shown.results.slice(shown.count, shown.count + n);
  const pages = await Promise.all(batch.map((r) => r.data()));
  if (mine !== generation) return;
  const items = hitItems(pages, selected['speaker'] ?? []);
  list.append(...items);
  shown.count += pages.length;
  shown.turns += items.length;
  const left = shown.results.length - shown.count;
  moreButton.hidden = left <= 0;
  moreButton.textContent = `Show ${Math.min(left, MORE_PAGE)} more ${left === 1 ? 'transcript' : 'transcripts'}`;
  const of = left > 0 ? ` (of ${shown.results.length} transcripts found)` : '';
  statusLine.textContent =
    shown.turns === 0
      ? 'No turns match.'
      : `${shown.turns} ${shown.turns === 1 ? 'turn' : 'turns'} in ${shown.count} ${shown.count === 1 ? 'transcript' : 'transcripts'}${of}.`;
}

/** One list item per matching turn (or per page, when no turn matched on its own). */
function hitItems(pages: readonly PagefindData[], speakers: readonly string[]): HTMLLIElement[] {
  const items: HTMLLIElement[] = [];
  for (const page of pages) {
    const turns = page.sub_results.filter((s) => s.anchor && (speakers.length === 0 || speakers.includes(s.title)));
    for (const hit of turns.length > 0 ? turns : page.sub_results.slice(0, 1)) {
      items.push(
        el(
          'li',
          { className: 'search-hit' },
          el(
            'a',
            { href: hit.url, className: 'hit-speaker' },
            hit.anchor ? hit.title : (page.meta['title'] ?? hit.title),
          ),
          el(
            'p',
            { className: 'card-meta' },
            el('span', { textContent: page.meta['title'] ?? '' }),
            ...(page.meta['date'] ? [el('span', { textContent: page.meta['date'] })] : []),
          ),
          el('p', { className: 'hit-excerpt' }, ...excerptNodes(hit.excerpt)),
        ),
      );
    }
  }
  return items;
}

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => void run(), 200);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  void run();
});

const initial = new URL(location.href).searchParams.get('q');
if (initial) input.value = initial;
void pagefindPromise.then(renderFilters).catch(() => {
  statusLine.textContent = 'Search could not be loaded. The search index may be missing from this build.';
});
if (initial) void run();

export {};
