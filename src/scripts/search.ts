/**
 * The search page's client. A hit is a turn whose own text holds every word
 * of the query (whole words, or forms with the same stem) and every quoted
 * phrase, and that answers every filter (src/lib/search-match.ts,
 * src/lib/search-hits.ts). The passage index (src/lib/passage-index.ts)
 * finds candidate passages (a transcript, or a part of a long one:
 * src/lib/search-versions.ts) from the lists of the query's rarest words;
 * browsing by filters alone, Pagefind finds them by their filters. Each is
 * checked here before any of its turns is shown. A word found in no turn is
 * caught before any list is read, from the archive's vocabulary
 * (`/search-words/`), which also offers close matches and names speakers a
 * query mentions.
 *
 * Counts are of turns, and are shown once every candidate is checked, so a
 * count always equals the hits that choosing it gives. The whole state lives
 * in the URL (back and forward restore it); every hit exports as CSV or JSON.
 */

interface PagefindResult {
  id: string;
  data(): Promise<PageData>;
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
import {
  candidates,
  checkOrder,
  decodeList,
  NUMBERS_DIR,
  type NumbersFile,
  numbersBucket,
  type PostingsFile,
  passagePath,
  postingsBucket,
  postingsFolder,
  queryKeys,
} from '../lib/passage-index.ts';
import {
  answersFilters,
  batchSize,
  matchingTurns,
  oneHitPerTurn,
  type PageData,
  pageUrl,
  type TurnHit,
  valueCounts,
} from '../lib/search-hits.ts';
import { canAnswer, indexesFor, loadedLanguage, type PagefindEntry } from '../lib/search-languages.ts';
import {
  type ExcerptPart,
  excerptOf,
  formsCount,
  isSpaceless,
  nearBucket,
  nearKeys,
  nearLengths,
  queryWords,
  RARE_TURNS,
  type Stem,
  suggestions,
  usualForms,
  type VocabularyFile,
  type VocabularyManifest,
  vocabularyBucket,
} from '../lib/search-match.ts';
import { idf, lookupWords, rankTurns, type TurnEvidence, type WordRarity } from '../lib/search-rank.ts';
import { languageName } from '../lib/search-record.ts';
import {
  EXPORT_COLUMNS,
  type ExportRow,
  FILTERS,
  type FilterName,
  filterKeys,
  highlightTerms,
  joinBuckets,
  LONG_FILTERS,
  type PagefindFilters,
  pagefindOptions,
  queryPhrases,
  type SearchState,
  type Sort,
  stateFromUrl,
  stateToUrl,
  withHighlight,
} from '../lib/search-state.ts';
import { stemmerFor } from '../lib/search-stem.ts';

const FILTER_LABELS: Record<FilterName, string> = {
  speaker: 'Speaker',
  kind: 'Speaker kind',
  topic: 'Topic',
  year: 'Year',
  language: 'Language',
};
/**
 * Each result's data is a fragment holding its text (a transcript, or a part
 * of a long one: src/lib/search-versions.ts), so candidates are checked a few
 * at a time: until this many hits show (a screenful), then as the reader
 * asks for more.
 */
const FIRST_HITS = 10;
const BATCH = 5;
const MORE_PAGE = 10;
/** At most this many candidates are checked before the reader is asked whether to go on. */
const CHECK_AT_ONCE = 40;
const EAGER_FILTERS: readonly FilterName[] = FILTERS.filter((name) => !LONG_FILTERS.includes(name));
const loadedFilters = new Set<FilterName>(EAGER_FILTERS);

const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const sortSelect = document.getElementById('search-sort') as HTMLSelectElement;
const statusLine = document.getElementById('search-status') as HTMLElement;
const suggestBox = document.getElementById('search-suggest') as HTMLElement;
const list = document.getElementById('search-results') as HTMLOListElement;
const filterBox = document.getElementById('search-filters') as HTMLElement;
const filterCount = document.getElementById('filters-count') as HTMLElement;
const exportBox = document.getElementById('search-export') as HTMLElement;
const panel = document.getElementById('filters-panel') as HTMLDetailsElement;
// On a phone the filters would push every result below the fold: they start folded there.
if (matchMedia('(max-width: 40rem)').matches) panel.open = false;
let state: SearchState = stateFromUrl(new URL(location.href));
/** The reader's languages by name, most preferred first: a turn found in several versions shows in the first. */
const READER_LANGUAGES = [...new Set(navigator.languages.map((tag) => languageName(tag.split('-')[0] ?? tag)))];
let generation = 0;

const base = form.dataset['pagefindBase'] ?? '/pagefind/';
/** The site's root, for the addresses Pagefind and the vocabulary give from it. */
const root = base.replace(/pagefind\/$/, '');
/** A path from the site's root as a link; an index merged by full URL gives full URLs, kept to their path. */
const siteUrl = (path: string): string =>
  /^[a-z]+:/i.test(path) ? new URL(path).pathname : `${root}${path.replace(/^\//, '')}`;

/** Each bundle (the primary index and every shard) with its languages, and the languages merged so far. */
interface Bundle {
  url: string;
  entry: PagefindEntry;
}
const merged = new Set<string>();
let bundles: Bundle[] = [];

/**
 * The primary index in `/pagefind/` and every shard of it, in the page's own
 * language. Other languages merge only when a query can be answered in them
 * (see `languagesFor`).
 */
const pagefindPromise: Promise<Pagefind> = import(/* @vite-ignore */ `${base}pagefind.js`).then(
  async (pf: Pagefind) => {
    await pf.options({});
    const manifest = (await fetch(`${base}shards.json`)
      .then((r) => (r.ok ? r.json() : { shards: [] }))
      .catch(() => ({ shards: [] }))) as { shards: { dir: string }[] };
    const dirs = [...new Set(['', ...manifest.shards.map((s) => s.dir)])];
    bundles = await Promise.all(
      dirs.map(async (dir) => {
        // By full URL: Pagefind skips a merge whose path starts like the primary index's.
        const url = new URL(`${base}${dir}`, location.href).href;
        const entry = (await fetch(`${url}pagefind-entry.json`)
          .then((r) => (r.ok ? r.json() : { languages: {} }))
          .catch(() => ({ languages: {} }))) as PagefindEntry;
        return { url, entry };
      }),
    );
    await Promise.all(manifest.shards.filter((s) => s.dir !== '').map((s) => pf.mergeIndex(`${base}${s.dir}`)));
    const lang = document.documentElement.lang || 'en';
    for (const b of bundles) {
      const own = loadedLanguage(b.entry, lang);
      if (own) merged.add(`${b.url}\u0000${own}`);
    }
    await loadFilters(pf, EAGER_FILTERS);
    return pf;
  },
);

/** Merges the indexes of `languages` in every bundle that has them and has not merged them yet. */
async function mergeLanguages(pf: Pagefind, languages: readonly string[]): Promise<void> {
  const lang = document.documentElement.lang || 'en';
  await Promise.all(
    bundles.flatMap((b) =>
      languages
        .flatMap((code) => indexesFor(b.entry, code, lang))
        .filter((l) => !merged.has(`${b.url}\u0000${l}`))
        .map(async (language) => {
          merged.add(`${b.url}\u0000${language}`);
          await pf.mergeIndex(b.url, { language });
        }),
    ),
  );
}

/** Loads the files of `names` in every shard, so the next query counts their values. */
async function loadFilters(pf: Pagefind, names: readonly FilterName[]): Promise<void> {
  const keys = names.flatMap(filterKeys);
  await pf.preload(null, { filters: Object.fromEntries(keys.map((key) => [key, { any: [] }])) });
  for (const name of names) loadedFilters.add(name);
}

// The vocabulary: which words each language's turns say (see scripts/search/vocabulary-fs.ts).
const NO_VOCABULARY: VocabularyManifest = {
  version: 3,
  buckets: 1,
  near: 1,
  languages: [],
  passages: { count: 0, buckets: {}, numbers: 1 },
};
const vocabularyPromise: Promise<VocabularyManifest> = fetch(siteUrl('/search-words/index.json'))
  .then((r) => (r.ok ? (r.json() as Promise<VocabularyManifest>) : NO_VOCABULARY))
  .catch(() => NO_VOCABULARY);
const files = new Map<string, Promise<unknown>>();
/** A vocabulary file, fetched once; an empty object when it cannot be read. */
function vocabularyFile<T>(path: string): Promise<Partial<T>> {
  let file = files.get(path);
  if (!file) {
    file = fetch(siteUrl(`/search-words/${path}.json`))
      .then((r) => (r.ok ? r.json() : {}))
      .catch(() => ({}));
    files.set(path, file);
  }
  return file as Promise<Partial<T>>;
}

/** The file of the words that begin like `word`: each language's words and the speakers' name words. */
async function wordsFile(word: string): Promise<Partial<VocabularyFile>> {
  const manifest = await vocabularyPromise;
  return vocabularyFile<VocabularyFile>(`words/${vocabularyBucket(word, manifest.buckets)}`);
}

/** How many of a language's turns say `word` or another form of it (0: none; forms are counted apart). */
async function says(code: string, word: string, stem: Stem): Promise<number> {
  return formsCount((await wordsFile(word)).languages?.[code] ?? {}, word, stem);
}

/** Of those, how many are a version's turn whose original says the same form (see `VocabularyFile.echoes`). */
async function echoes(code: string, word: string, stem: Stem): Promise<number> {
  return formsCount((await wordsFile(word)).echoes?.[code] ?? {}, word, stem);
}

/** A language's list of the passages filed under `key` (empty when none is). */
async function postingsOf(language: string, key: string): Promise<Map<number, number>> {
  const buckets = (await vocabularyPromise).passages.buckets[language];
  if (!buckets) return new Map();
  const folder = postingsFolder(language);
  const entry = (await vocabularyFile<PostingsFile>(`${folder}/${postingsBucket(key, buckets)}`))[key];
  if (entry === undefined) return new Map();
  const list: unknown = typeof entry === 'string' ? await vocabularyFile<number[]>(`${folder}/${entry}`) : entry;
  return decodeList(Array.isArray(list) ? (list as number[]) : []);
}

/** A Pagefind result's address as the passage index files it: from the archive's root, whatever the host's path. */
function addressOf(url: string): string {
  const path = new URL(url, location.href).pathname;
  return root !== '/' && path.startsWith(root) ? `/${path.slice(root.length)}` : path;
}

/** The number of the passage at `address` (a Pagefind result's), or -1 when it has none. */
async function numberOf(address: string): Promise<number> {
  const files = (await vocabularyPromise).passages.numbers;
  const file = await vocabularyFile<NumbersFile>(`${NUMBERS_DIR}/${numbersBucket(address, files)}`);
  return file[address] ?? -1;
}

/** A passage's data, as the passage index serves it; an empty passage when it has no number (-1) or cannot be read. */
async function passageData(n: number): Promise<PageData> {
  const none: PageData = { url: '', meta: {}, content: '' };
  if (n < 0) return none;
  try {
    const response = await fetch(siteUrl(`/search-words/${passagePath(n)}`));
    return response.ok ? ((await response.json()) as PageData) : none;
  } catch {
    return none;
  }
}

/**
 * The passages that may hold the query, from the passage index: in each
 * language that can answer it, those filed under every key of every word
 * looked up (`lookup`), in the order to check them.
 */
async function indexedCandidates(
  lookup: readonly string[],
  languages: readonly string[],
  rarity: WordRarity,
  sort: Sort,
): Promise<PagefindResult[]> {
  const scores = new Map<number, number>();
  for (const language of languages) {
    const stem = await stemmerFor(language);
    const words = await Promise.all(
      lookup.map(async (w) => ({
        lists: await Promise.all(queryKeys(w, stem).map((key) => postingsOf(language, key))),
        idf: idf(w, rarity),
      })),
    );
    for (const [n, score] of candidates(words)) scores.set(n, score);
  }
  return checkOrder(scores, sort).map((n) => ({ id: String(n), data: () => passageData(n) }));
}

interface Plan {
  /** Languages whose turns may hold the query: all its words are in their vocabulary, or its script is theirs. */
  languages: string[];
  /** Words that no turn of any language says. */
  missing: string[];
  /** How many turns say each query word, of how many: rarer words weigh more in the ranking. */
  rarity: WordRarity;
}

/** Which languages can answer the query's words, and which words no turn says. */
async function languagesFor(words: readonly string[], chosen: readonly string[]): Promise<Plan> {
  const manifest = await vocabularyPromise;
  const spaced = words.filter((w) => !isSpaceless(w));
  const missing = new Set(spaced);
  const languages: string[] = [];
  const rarity = { turns: 0, holding: {} as Record<string, number> };
  for (const lang of manifest.languages) {
    const named = chosen.includes(lang.name);
    // Browsing by filters alone: every language, or the ones chosen.
    if (words.length === 0) {
      if (named || chosen.length === 0) languages.push(lang.code);
      continue;
    }
    const script = words.some(isSpaceless);
    if (!lang.words) {
      // A language written without spaces has no word list: its own script, or a reader's choice, brings it in.
      if (spaced.length === 0 && (named || script)) languages.push(lang.code);
      continue;
    }
    const stem = await stemmerFor(lang.code);
    const held = await Promise.all(spaced.map((w) => says(lang.code, w, stem)));
    const echoed = await Promise.all(spaced.map((w) => echoes(lang.code, w, stem)));
    rarity.turns += lang.turns;
    spaced.forEach((w, i) => {
      rarity.holding[w] = (rarity.holding[w] ?? 0) + (held[i] ?? 0);
      if (held[i]) missing.delete(w);
    });
    // A Chinese transcript that also says Latin words has a word list: its script still brings it in.
    if (canAnswer({ held, echoed, script, named })) languages.push(lang.code);
  }
  return { languages, missing: [...missing], rarity };
}

/**
 * Close matches from the words every language's turns say (see `nearKeys`):
 * for each missing word, its nearest words; for each word said in only a few
 * turns, the close matches said far more often.
 */
async function closeWords(missing: readonly string[], rarity: WordRarity): Promise<Map<string, string[]>> {
  const manifest = await vocabularyPromise;
  const out = new Map<string, string[]>();
  const rare = Object.entries(rarity.holding).filter(([, n]) => n > 0 && n <= RARE_TURNS);
  for (const [word, held] of [...missing.map((w): [string, number] => [w, 0]), ...rare]) {
    const buckets = [...new Set(nearKeys(word, nearLengths(word)).map((k) => nearBucket(k, manifest.near)))];
    const pooled: Record<string, number> = {};
    for (const file of await Promise.all(buckets.map((b) => vocabularyFile<Record<string, number>>(`near/${b}`))))
      Object.assign(pooled, file);
    const close = held === 0 ? suggestions(word, pooled) : usualForms(word, held, pooled);
    if (close.length > 0) out.set(word, close);
  }
  return out;
}

/** Speakers whose name holds every word of the query. */
async function speakersNamed(words: readonly string[]): Promise<[string, string][]> {
  if (words.length === 0 || words.length > 4) return [];
  const sets = await Promise.all(words.map(async (w) => (await wordsFile(w)).speakers?.[w] ?? []));
  const [first = [], ...rest] = sets;
  return first.filter(([, path]) => rest.every((s) => s.some(([, p]) => p === path)));
}

type Props = Partial<Pick<HTMLInputElement, 'className' | 'textContent' | 'type' | 'value' | 'name' | 'id'>> & {
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
function listButton(name: FilterName): HTMLButtonElement {
  const label = `Show every ${name}`;
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

/** A box that narrows a long list of values to those holding what is typed. */
function pickerSearch(name: FilterName, fieldset: HTMLFieldSetElement): HTMLInputElement {
  const box = el('input', {
    type: 'search',
    className: 'filter-find',
    id: `filter-find-${name}`,
  });
  box.placeholder = `Find a ${name}`;
  box.setAttribute('aria-label', `Find a ${name}`);
  box.addEventListener('input', () => {
    const needle = box.value.trim().toLowerCase();
    for (const label of fieldset.querySelectorAll<HTMLLabelElement>('label.filter-value')) {
      label.hidden = needle !== '' && !(label.textContent ?? '').toLowerCase().includes(needle);
    }
  });
  return box;
}

interface FilterGroup {
  name: FilterName;
  /** Values with their count of hits, or `undefined` where the count is not known. */
  entries: [string, number | undefined][];
  loaded: boolean;
}

/** The filters: each value with how many hits choosing it gives, when that is known. */
function renderFilters(groups: FilterGroup[]): void {
  const keys = JSON.stringify(groups.map((g) => [g.name, g.loaded, g.entries.map(([v]) => v)]));
  if (keys !== shownKeys) {
    shownKeys = keys;
    boxes.clear();
    filterBox.replaceChildren();
    for (const { name, entries, loaded } of groups) {
      const long = LONG_FILTERS.includes(name);
      if (loaded ? entries.length === 0 : !long) continue;
      const fieldset = el(
        'fieldset',
        { className: `filter filter--${name}` },
        el('legend', { textContent: FILTER_LABELS[name] }),
      );
      if (long && entries.length > 8) fieldset.append(pickerSearch(name, fieldset));
      const values = el('div', { className: 'filter-values' });
      for (const [value] of entries) {
        const box = el('input', { type: 'checkbox', value, name });
        const count = el('span', { className: 'filter-count' });
        box.addEventListener('change', () => {
          const current = new Set(state.filters[name] ?? []);
          if (box.checked) current.add(value);
          else current.delete(value);
          state = { ...state, filters: { ...state.filters, [name]: [...current] } };
          void run('push');
        });
        values.append(el('label', { className: 'filter-value' }, box, el('span', { textContent: value }), count));
        boxes.set(`${name}\u0000${value}`, { box, count });
      }
      fieldset.append(values);
      if (!loaded && long) fieldset.append(listButton(name));
      filterBox.append(fieldset);
    }
  }
  for (const { name, entries } of groups) {
    for (const [value, n] of entries) {
      const entry = boxes.get(`${name}\u0000${value}`);
      if (!entry) continue;
      entry.box.checked = (state.filters[name] ?? []).includes(value);
      entry.count.textContent = n === undefined ? '' : String(n);
      entry.count.title = n === undefined ? '' : `${n} ${n === 1 ? 'turn' : 'turns'}`;
    }
  }
  const active = FILTERS.reduce((n, name) => n + (state.filters[name]?.length ?? 0), 0);
  filterCount.textContent = active > 0 ? `(${active} chosen)` : '';
}

const sortValues = (name: FilterName, entries: [string, number | undefined][]): [string, number | undefined][] =>
  entries.sort((a, b) => (name === 'year' ? b[0].localeCompare(a[0]) : a[0].localeCompare(b[0])));

/** Filter values without counts: those of every transcript (before a query), and the chosen ones. */
function archiveGroups(all: Record<string, Record<string, number>>): FilterGroup[] {
  return FILTERS.map((name) => {
    const values = new Set([
      ...(loadedFilters.has(name) ? Object.keys(all[name] ?? {}) : []),
      ...(state.filters[name] ?? []),
    ]);
    return {
      name,
      entries: sortValues(
        name,
        [...values].map((v): [string, undefined] => [v, undefined]),
      ),
      loaded: loadedFilters.has(name),
    };
  });
}

interface Found {
  results: PagefindResult[];
  /** How many candidates are checked. */
  checked: number;
  /** The transcripts the checked candidates are (or are parts of). */
  seen: Set<string>;
  /** The checked candidates' turns that hold the query, before filters. */
  matching: TurnHit[];
  /** Hits shown, in order. */
  shown: TurnHit[];
  words: string[];
  phrases: string[];
  /** With words, candidates are found without filters and every filter is applied here; browsing uses Pagefind's. */
  browsing: boolean;
  rarity: WordRarity;
  all: Record<string, Record<string, number>>;
}
let found: Found | undefined;

const quoted = (q: string): string => `“${q.trim().replace(/\s+/g, ' ')}”`;
const turns = (n: number): string => `${n} ${n === 1 ? 'turn' : 'turns'}`;
const transcripts = (n: number): string => `${n} ${n === 1 ? 'transcript' : 'transcripts'}`;
/** Candidates: a transcript, or a part of a long one. */
const passages = (n: number): string => `${n} ${n === 1 ? 'passage' : 'passages'}`;

/** Runs the state's search; `push` records a history entry (a filter, a submitted query), `replace` does not (typing). */
async function run(mode: 'push' | 'replace' | 'none'): Promise<void> {
  const mine = ++generation;
  statusLine.textContent = 'Searching…';
  const url = stateToUrl(new URL(location.href), state);
  if (mode === 'push' && url.href !== location.href) history.pushState(null, '', url);
  if (mode === 'replace') history.replaceState(null, '', url);
  const words = queryWords(state.q);
  const options = pagefindOptions(state);
  const browsing = words.length === 0;
  const pagefind = await pagefindPromise;
  if (mine !== generation) return;
  const all = (await pagefind.search(null, {}))?.filters ?? {};
  list.replaceChildren();
  suggestBox.replaceChildren();
  suggestBox.hidden = true;
  moreButton.hidden = true;
  exportBox.hidden = true;
  found = undefined;
  if (browsing && Object.keys(options.filters).length === 0) {
    renderFilters(archiveGroups(joinBuckets(all)));
    statusLine.textContent = '';
    return;
  }
  const plan = await languagesFor(words, state.filters.language ?? []);
  if (mine !== generation) return;
  const people = browsing ? [] : await speakersNamed(words);
  if (mine !== generation) return;
  if (people.length > 0) offerSpeakers(people);
  if (plan.missing.length > 0 || (!browsing && plan.languages.length === 0)) {
    const close = await closeWords(plan.missing, { turns: 0, holding: {} });
    if (mine !== generation) return;
    renderFilters(archiveGroups(joinBuckets(all)));
    const absent = plan.missing.map(quoted).join(', ');
    statusLine.textContent =
      plan.missing.length > 0
        ? `No turn holds ${quoted(state.q)}: no turn says ${absent}.`
        : `No turn holds ${quoted(state.q)}.`;
    offerWords(close, words);
    return;
  }
  // A query's words are looked up in the passage index; browsing by filters alone asks Pagefind.
  if (browsing) await mergeLanguages(pagefind, plan.languages);
  if (mine !== generation) return;
  // A word only a few turns say is likely a typo: the hits show, and the usual word is offered beside them.
  const usual = browsing ? new Map<string, string[]>() : await closeWords([], plan.rarity);
  if (mine !== generation) return;
  offerWords(usual, words);
  // Common words are checked in each candidate's turns, not looked up: their lists are the longest.
  const results = browsing
    ? await browsedPassages(pagefind, options)
    : await indexedCandidates(lookupWords(words, plan.rarity), plan.languages, plan.rarity, state.sort);
  if (mine !== generation || !results) return;
  found = {
    results,
    rarity: plan.rarity,
    checked: 0,
    seen: new Set(),
    matching: [],
    shown: [],
    words,
    phrases: queryPhrases(state.q),
    browsing,
    all: joinBuckets(all),
  };
  await check(mine, FIRST_HITS);
}

/** Browsing by filters alone: the passages Pagefind files under them, each read from the passage index by its address. */
async function browsedPassages(
  pagefind: Pagefind,
  options: ReturnType<typeof pagefindOptions>,
): Promise<PagefindResult[] | undefined> {
  const search = await pagefind.search(null, options);
  return search?.results.map((r) => ({
    id: r.id,
    data: async () => passageData(await numberOf(addressOf((await r.data()).url))),
  }));
}

const moreButton = el('button', { type: 'button', className: 'search-more' });
moreButton.hidden = true;
list.after(moreButton);
moreButton.addEventListener('click', () => void check(generation, MORE_PAGE));

/** The stemmer of a language named as the language filter names it (each language is stemmed with its own). */
async function stemOfLanguage(name: string | undefined): Promise<Stem> {
  const language = (await vocabularyPromise).languages.find((l) => l.name === name);
  return stemmerFor(language?.code ?? (document.documentElement.lang || 'en'));
}

/**
 * Checks candidates a batch at a time until `wanted` more hits show or none
 * is left, then shows the hits, the counts and the status. The hits found in
 * one call are ranked together (`ordered`), so a better turn of the fifth
 * transcript checked comes before a weaker one of the first.
 */
async function check(mine: number, wanted: number): Promise<void> {
  const f = found;
  if (!f) return;
  const target = f.shown.length + wanted;
  const limit = f.checked + (Number.isFinite(wanted) ? CHECK_AT_ONCE : f.results.length);
  const fresh: TurnHit[] = [];
  const ranks = new Map<string, number>();
  const held = (): number =>
    oneHitPerTurn(
      [...f.matching, ...fresh].filter((h) => answersFilters(h, state)),
      READER_LANGUAGES,
    ).length;
  const before = f.checked;
  const start = held();
  while (f.checked < Math.min(limit, f.results.length) && held() < target) {
    const had = held();
    const size = batchSize(target - had, had - start, f.checked - before, BATCH);
    const batch = f.results.slice(f.checked, f.checked + size);
    const pages = await Promise.all(batch.map((r) => r.data()));
    if (mine !== generation) return;
    for (const [i, page] of pages.entries()) {
      if (!ranks.has(pageUrl(page))) ranks.set(pageUrl(page), f.checked + i);
      f.seen.add(page.meta['transcript'] ?? pageUrl(page));
      fresh.push(...matchingTurns(page, f.words, f.phrases, await stemOfLanguage(page.filters?.['language']?.[0])));
    }
    f.checked += batch.length;
  }
  f.matching.push(...(await ordered(fresh, ranks, f.rarity)));
  const hits = shownHits(f);
  if (mine !== generation) return;
  for (const hit of hits.slice(f.shown.length)) {
    const stem = await stemOfLanguage(hit.values.language[0]);
    list.append(hitItem(hit, excerptOf(hit.text, f.words, stem)));
    f.shown.push(hit);
  }
  const complete = f.checked >= f.results.length;
  renderFilters(groupsOf(f, complete));
  const left = f.results.length - f.checked;
  moreButton.hidden = complete;
  moreButton.textContent = `Show more hits (${passages(left)} left to check)`;
  exportBox.hidden = hits.length === 0;
  const one = hits.length === 1;
  const holding = f.browsing
    ? `${one ? 'matches' : 'match'} the filters`
    : `${one ? 'holds' : 'hold'} ${quoted(state.q)}`;
  // Language versions of one transcript count as one.
  const inTranscripts = new Set(hits.map((h) => h.transcript ?? h.url)).size;
  statusLine.textContent = complete
    ? hits.length === 0
      ? f.browsing
        ? 'No turn matches the filters.'
        : `No turn holds ${quoted(state.q)}${anyFilter() ? ' with the filters chosen' : ''}.`
      : `${turns(hits.length)} in ${transcripts(inTranscripts)} ${holding}.`
    : `${turns(hits.length)} in the ${transcripts(f.seen.size)} checked so far ${holding}; ${passages(left)} left to check.`;
}

/** The hits to show: the turns that hold the query and answer the filters, each turn once. */
const shownHits = (f: Found): TurnHit[] =>
  oneHitPerTurn(
    f.matching.filter((h) => answersFilters(h, state)),
    READER_LANGUAGES,
  );

const anyFilter = (): boolean => FILTERS.some((name) => (state.filters[name]?.length ?? 0) > 0);

/**
 * The filter lists. Once every candidate is checked, each value shows how
 * many hits choosing it gives. Browsing by filters, Pagefind has already
 * narrowed the transcripts, so only filters with no choice can be counted.
 */
function groupsOf(f: Found, complete: boolean): FilterGroup[] {
  const counts = valueCounts(f.matching, state, FILTERS);
  return FILTERS.map((name) => {
    const chosen = state.filters[name] ?? [];
    const countable = complete && !(f.browsing && chosen.length > 0);
    const values = new Set([...counts[name].keys(), ...chosen]);
    if (f.browsing && chosen.length > 0 && loadedFilters.has(name))
      for (const v of Object.keys(f.all[name] ?? {})) values.add(v);
    const entries = [...values].map((v): [string, number | undefined] => [
      v,
      countable || (complete && chosen.includes(v) && !f.browsing) ? (counts[name].get(v) ?? 0) : undefined,
    ]);
    return { name, entries: sortValues(name, entries), loaded: loadedFilters.has(name) || !f.browsing };
  });
}

/**
 * Turns in the order to show them: by relevance, the query's words as a
 * phrase first, then close together, then by weight (see search-rank.ts);
 * otherwise in the results' order and reading order.
 */
async function ordered(hits: TurnHit[], ranks: Map<string, number>, rarity: WordRarity): Promise<TurnHit[]> {
  if (state.sort !== 'relevance' || found?.browsing || hits.length < 2) return hits;
  const position = new Map<TurnHit, number>();
  let previous = '';
  let at = 0;
  for (const h of hits) {
    at = h.url === previous ? at + 1 : 0;
    previous = h.url;
    position.set(h, at);
  }
  const evidence = await Promise.all(
    hits.map(
      async (h): Promise<TurnEvidence> => ({
        text: h.text,
        stem: await stemOfLanguage(h.values.language[0]),
        page: ranks.get(h.url) ?? 0,
        position: position.get(h) ?? 0,
      }),
    ),
  );
  return rankTurns(evidence, queryWords(state.q), rarity).map((i) => hits[i] as TurnHit);
}

/** A hit: the transcript's title (to the transcript), the speaker (to their page), the date, the excerpt (to the passage). */
function hitItem(hit: TurnHit, excerpt: ExcerptPart[]): HTMLLIElement {
  const passage = withHighlight(`${siteUrl(hit.url)}#${hit.id}`, highlightTerms(state.q));
  const speaker = hit.speakerUrl
    ? el('a', { href: siteUrl(hit.speakerUrl), className: 'hit-speaker', textContent: hit.speaker })
    : el('span', { className: 'hit-speaker', textContent: hit.speaker });
  const meta = el('p', { className: 'hit-meta' }, speaker);
  if (hit.date) {
    const time = el('time', { textContent: hit.date });
    time.dateTime = hit.date;
    meta.append(' · ', time);
  }
  const item = el(
    'li',
    { className: 'search-hit' },
    el('a', { href: siteUrl(hit.url), className: 'hit-title', textContent: hit.title }),
    meta,
    el(
      'a',
      { href: passage, className: 'hit-excerpt' },
      ...excerpt.map((p) => (p.mark ? el('mark', { textContent: p.text }) : document.createTextNode(p.text))),
    ),
  );
  if (hit.also) item.append(alsoIn(hit.also));
  return item;
}

/** "The same turn in Chinese": links to the hit's turn in the transcript's other language versions. */
function alsoIn(also: NonNullable<TurnHit['also']>): HTMLParagraphElement {
  const p = el('p', { className: 'hit-also' }, 'The same turn in ');
  for (const [i, a] of also.entries()) {
    if (i > 0) p.append(', ');
    p.append(el('a', { href: siteUrl(a.url), className: 'hit-also-link', textContent: a.name }));
  }
  return p;
}

/** "Did you mean …": each missing word replaced by its nearest words, as links that search again. */
function offerWords(close: Map<string, string[]>, words: readonly string[]): void {
  if (close.size === 0) return;
  const links: HTMLElement[] = [];
  const seen = new Set<string>();
  for (const [word, options] of close) {
    for (const option of options) {
      const q = words.map((w) => (w === word ? option : w)).join(' ');
      if (seen.has(q)) continue;
      seen.add(q);
      const link = el('a', { href: stateToUrl(new URL(location.href), { ...state, q }).href, textContent: q });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        state = { ...state, q };
        showState();
        void run('push');
      });
      links.push(link);
    }
  }
  suggestBox.append(el('h2', { textContent: 'Did you mean' }), el('ul', {}, ...links.map((l) => el('li', {}, l))));
  suggestBox.hidden = false;
}

/** "Turns by …": a query that names a speaker offers their turns, apart from the text hits. */
function offerSpeakers(people: readonly [string, string][]): void {
  const items = people.slice(0, 3).map(([name]) => {
    const link = el('a', {
      href: stateToUrl(new URL(location.href), { ...state, q: '', filters: { speaker: [name] } }).href,
      textContent: `Turns by ${name}`,
    });
    return el('li', {}, link);
  });
  suggestBox.append(el('h2', { textContent: 'Speakers' }), el('ul', {}, ...items));
  suggestBox.hidden = false;
}

/** Every hit (every candidate checked), as rows for export. */
async function exportRows(): Promise<ExportRow[]> {
  const f = found;
  if (!f) return [];
  await check(generation, Number.POSITIVE_INFINITY);
  const rows: ExportRow[] = [];
  for (const h of shownHits(f)) {
    const stem = await stemOfLanguage(h.values.language[0]);
    rows.push({
      transcript: h.title,
      date: h.date ?? '',
      speaker: h.speaker,
      url: new URL(`${siteUrl(h.url)}#${h.id}`, location.href).href,
      excerpt: excerptOf(h.text, f.words, stem)
        .map((p) => p.text)
        .join(''),
    });
  }
  return rows;
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
// Arriving to type (from `/` on another page, or the menu): the cursor is in the box.
if (state.q === '') input.focus();
void run('none').catch(() => {
  statusLine.textContent = 'Search could not be loaded. The search index may be missing from this build.';
});
