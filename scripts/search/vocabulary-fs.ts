/**
 * The archive's vocabulary for the search page, written to `/search-words/`:
 * in `words/`, per language, every word its turns say with how many turns
 * say it, and the speakers by each word of their name, split into files by
 * the word's first letters; in `near/`, the words offered as close matches,
 * filed by their first and second letters and length (`src/lib/search-match.ts`).
 * The page reads the file of each query word to tell at once that a word is
 * in no turn, to merge another language's index only when that language has
 * the words, and to name speakers; a word in no turn reads its few `near/`
 * files to offer the archive's closest words.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { VOCABULARY_DIR } from '../../src/lib/passage-index.ts';
import {
  bucketCount,
  MIN_OFFERED,
  nearBucket,
  nearKeys,
  type VocabularyFile,
  type VocabularyManifest,
  vocabularyBucket,
  wordsOf,
} from '../../src/lib/search-match.ts';
import { languageName, type Twin } from '../../src/lib/search-record.ts';
import { pruneKept } from '../lib/build-cache-fs.ts';
import { MANIFEST_FILE, readManifestEntries } from '../lib/data-files-fs.ts';
import { analysisFiles, analysisOf } from './analysis-cache-fs.ts';
import { analyzedInOrder } from './analyze-pool-fs.ts';
import type { AnalyzedTwin } from './analyze-twin.ts';
import { type PackedTwin, Terms } from './packed-twin.ts';
import { passStoreDir, passStoreWriter, readPassStore, readPassStoreAhead } from './pass-store-fs.ts';
import { passageIndexWriter, readNumbersAhead } from './passage-index-fs.ts';

/** The folders of the words (and speakers) by their first letters, and of the close matches. */
const WORDS = 'words';
const NEAR = 'near';

/** Whether the pass's store may be used: only beside the published index it was made for (its passages' texts are there). */
const storeUsable = (publishedIndex: string): boolean => existsSync(join(publishedIndex, 'index.json'));

/**
 * Starts reading the pass's store that {@link writeVocabulary} with these
 * `keptDir` and `published` reads, when it reads one (see `readKeptAhead`),
 * and the published passages' numbers by address.
 */
export function readStoreAhead(keptDir: string, published: string): void {
  const index = join(published, VOCABULARY_DIR);
  if (!storeUsable(index)) return;
  readPassStoreAhead(passStoreDir(keptDir));
  void readNumbersAhead(index);
}

/** Every transcript's JSON twin in a built site (`/transcripts/<slug>.json`). */
export async function siteTwins(site: string): Promise<string[]> {
  const dir = join(site, 'transcripts');
  return (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(dir, e.name))
    .sort();
}

/** A transcript's JSON twin and its date (`0000` when undated): the passage index numbers passages in date order. */
interface DatedTwin {
  date: string;
  file: string;
}

/** The order passages are numbered in: by date (undated first), then by the twin's path. */
const byDate = (a: DatedTwin, b: DatedTwin): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0;

/**
 * The twins `twinFiles` of `site` in date order, each date from the site's
 * manifest (`/transcripts.json`), read from the twin itself only when the
 * manifest does not list it.
 */
async function inDateOrder(site: string, twinFiles: readonly string[]): Promise<string[]> {
  const listed = existsSync(join(site, MANIFEST_FILE)) ? await readManifestEntries(site) : [];
  const dates = new Map(listed.map((e) => [e.slug, e.date]));
  const dated: DatedTwin[] = [];
  for (const file of twinFiles) {
    const known = dates.get(basename(file, '.json'));
    const date = known !== undefined ? known : (JSON.parse(await readFile(file, 'utf8')) as Twin).date;
    dated.push({ date: date ?? '0000', file });
  }
  return dated.sort(byDate).map((d) => d.file);
}

/** A twin as the vocabulary's pass read it: its file and its analysis (search pages, words). */
export interface ReadTwin {
  file: string;
  analyzed: PackedTwin;
}

/** How many turns say each word, by the word's term number. */
type Counts = (number | undefined)[];

/** Adds `n[i]` to `counts[ids[i]]` for each `i`. */
function addCounts(counts: Counts, ids: Uint32Array, n: Uint32Array): void {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    counts[id] = (counts[id] ?? 0) + (n[i] as number);
  }
}

/** `counts` as `[word, turns]`, for the words said. */
function named(counts: Counts, terms: Terms): Map<string, number> {
  const out = new Map<string, number>();
  counts.forEach((n, id) => {
    if (n !== undefined) out.set(terms.strings[id] as string, n);
  });
  return out;
}

/**
 * Writes the vocabulary and the passage index of the transcripts whose twins
 * are `twinFiles`, replacing any before. Each twin is read and analyzed once
 * (in worker threads on a large archive, `analyze-pool-fs.ts`), or read back
 * from the folder of kept analyses `keptDir` when given and it holds the
 * twin's (`analysis-cache-fs.ts`); `each` is given the analyses too (the
 * search stage makes Pagefind's pages from them). A passage file the
 * published site `published` holds with the same bytes is linked from it.
 */
export async function writeVocabulary(
  site: string,
  twinFiles: readonly string[],
  { each, keptDir, published }: { each?: (read: ReadTwin) => void; keptDir?: string; published?: string } = {},
): Promise<VocabularyManifest & { linked: number; stored: number }> {
  const counted = new Map<string, { turns: number; words: Counts; echoes: Counts }>();
  const people = new Map<string, string>();
  const dir = join(site, VOCABULARY_DIR);
  const dated = await inDateOrder(site, twinFiles);
  await rm(dir, { recursive: true, force: true });
  const kept = keptDir === undefined ? undefined : await analysisFiles(keptDir, dated);
  const publishedIndex = published === undefined ? undefined : join(published, VOCABULARY_DIR);
  const storeDir = keptDir === undefined ? undefined : passStoreDir(keptDir);
  const store =
    storeDir !== undefined && publishedIndex !== undefined && storeUsable(publishedIndex)
      ? await readPassStore(storeDir)
      : undefined;
  const terms = new Terms(store?.terms);
  const passageIndex = await passageIndexWriter(dir, terms, publishedIndex);
  const keyOf = (i: number): string => basename(kept?.[i] ?? '', '.json');
  const storing =
    storeDir === undefined ? undefined : await passStoreWriter(storeDir, terms, store ? { from: store } : {});
  let fromStore = 0;
  const stored = (i: number): PackedTwin | undefined => {
    const twin = store?.twin(keyOf(i));
    if (twin) fromStore++;
    return twin;
  };
  let i = 0;
  for await (const analyzed of analyzedInOrder(dated, terms, kept ? { kept, stored } : {})) {
    const file = dated[i] as string;
    const keptFile = kept?.[i];
    // A stored page's text, when no published file holds it: from the twin's own analysis.
    let again: Promise<AnalyzedTwin> | undefined;
    const remake = async (page: number): Promise<string> => {
      again ??= analysisOf(file, keptFile);
      const data = (await again).pages[page]?.data;
      if (data === undefined) throw new Error(`${file}: its analysis has no search page ${page + 1}`);
      return data;
    };
    await passageIndex.add(analyzed.pages, remake);
    await storing?.add(keyOf(i), analyzed);
    i++;
    each?.({ file, analyzed });
    for (const [path, name] of analyzed.speakers) people.set(path, name);
    // Each language version's words count in its own language.
    for (const { language: code, turns, words, wordTurns, echoes, echoTurns } of analyzed.languages) {
      let language = counted.get(code);
      if (!language) {
        language = { turns: 0, words: [], echoes: [] };
        counted.set(code, language);
      }
      language.turns += turns;
      addCounts(language.words, words, wordTurns);
      addCounts(language.echoes, echoes, echoTurns);
    }
  }
  const passages = await passageIndex.finish();
  if (keptDir !== undefined && kept) await pruneKept(keptDir, kept);
  await storing?.finish((n) => passageIndex.identity(n));
  const languages = [...counted]
    .map(
      ([code, l]) => [code, { turns: l.turns, words: named(l.words, terms), echoes: named(l.echoes, terms) }] as const,
    )
    .sort((a, b) => a[0].localeCompare(b[0]));
  const total = languages.reduce((n, [, l]) => n + l.words.size, 0);
  const buckets = bucketCount(total);
  // Words offered as close matches, every language pooled: those said in at least MIN_OFFERED turns.
  const offered = new Map<string, number>();
  for (const [, { words }] of languages) for (const [w, n] of words) offered.set(w, (offered.get(w) ?? 0) + n);
  for (const [w, n] of offered) if (n < MIN_OFFERED) offered.delete(w);
  const near = bucketCount(2 * offered.size);
  const manifest: VocabularyManifest = { version: 3, buckets, near, languages: [], passages };
  const files: VocabularyFile[] = Array.from({ length: buckets }, () => ({ languages: {}, speakers: {} }));
  for (const [code, { turns, words, echoes }] of languages) {
    // A language written without spaces has no word list: its words are not cut the way Pagefind cuts them.
    const spaced = words.size > 0;
    manifest.languages.push({ code, name: languageName(code), turns, words: spaced });
    for (const [w, n] of [...words].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const file = files[vocabularyBucket(w, buckets)];
      if (!file) continue;
      const counts = file.languages[code] ?? {};
      file.languages[code] = counts;
      counts[w] = n;
      const echoed = echoes.get(w);
      if (echoed === undefined) continue;
      const all = file.echoes ?? {};
      file.echoes = all;
      const own = all[code] ?? {};
      all[code] = own;
      own[w] = echoed;
    }
  }
  // Speakers by each word of their name, for "turns by …" when a query names one.
  for (const [path, name] of [...people].sort((a, b) => a[1].localeCompare(b[1]) || (a[0] < b[0] ? -1 : 1))) {
    for (const w of new Set(wordsOf(name))) {
      const file = files[vocabularyBucket(w, buckets)];
      if (!file) continue;
      const named = file.speakers[w] ?? [];
      file.speakers[w] = named;
      named.push([name, path]);
    }
  }
  const nearFiles: Record<string, number>[] = Array.from({ length: near }, () => ({}));
  for (const [w, n] of [...offered].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    for (const key of nearKeys(w)) {
      const file = nearFiles[nearBucket(key, near)];
      if (file) file[w] = n;
    }
  }
  await mkdir(join(dir, WORDS), { recursive: true });
  await mkdir(join(dir, NEAR), { recursive: true });
  await Promise.all([
    ...files.map((f, i) => writeFile(join(dir, WORDS, `${i}.json`), JSON.stringify(f))),
    ...nearFiles.map((f, i) => writeFile(join(dir, NEAR, `${i}.json`), JSON.stringify(f))),
  ]);
  await writeFile(join(dir, 'index.json'), `${JSON.stringify(manifest)}\n`);
  return { ...manifest, linked: passageIndex.linked(), stored: fromStore };
}
