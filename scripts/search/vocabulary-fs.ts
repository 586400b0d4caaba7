/**
 * The archive's vocabulary for the search page, written to `/search-words/`:
 * per language, every word its turns say with how many turns say it, split
 * into files by the word's first letters (`src/lib/search-match.ts`). The
 * page reads the files of a query's words to tell at once that a word is in
 * no turn (and to offer close matches instead), and to merge another
 * language's index only when that language has the words.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  bucketCount,
  isSpaceless,
  type VocabularyManifest,
  vocabularyBucket,
  wordsOf,
} from '../../src/lib/search-match.ts';
import { languageName, spokenText, type Twin } from '../../src/lib/search-record.ts';
import { speakerPath } from '../core/urls.ts';

export const VOCABULARY_DIR = 'search-words';
/** The folder of speakers by name word, beside the languages' folders (no language code is this long). */
const PEOPLE = 'speakers';

/** Words longer than this are not offered or looked up (hashes, URLs run together). */
const LONGEST = 40;

/** Every transcript's JSON twin in a built site (`/transcripts/<slug>.json`). */
export async function siteTwins(site: string): Promise<string[]> {
  const dir = join(site, 'transcripts');
  return (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(dir, e.name))
    .sort();
}

/** Writes the vocabulary of the transcripts whose twins are `twinFiles`, replacing any before. */
export async function writeVocabulary(site: string, twinFiles: readonly string[]): Promise<VocabularyManifest> {
  const byLanguage = new Map<string, { turns: number; words: Map<string, number> }>();
  const people = new Map<string, string>();
  for (const file of twinFiles) {
    const twin = JSON.parse(await readFile(file, 'utf8')) as Twin;
    // Each language version's words count in its own language.
    for (const text of [twin, ...(twin.versions ?? [])]) {
      for (const s of text.speakers) people.set(speakerPath(s.slug), s.name);
      let language = byLanguage.get(text.language);
      if (!language) {
        language = { turns: 0, words: new Map() };
        byLanguage.set(text.language, language);
      }
      for (const turn of text.turns) {
        language.turns++;
        const words = new Set(wordsOf(turn.paragraphs.map(spokenText).join(' ')));
        for (const w of words) {
          if (w.length <= LONGEST && !isSpaceless(w)) language.words.set(w, (language.words.get(w) ?? 0) + 1);
        }
      }
    }
  }
  const largest = Math.max(0, ...[...byLanguage.values()].map((l) => l.words.size));
  const buckets = bucketCount(largest);
  const dir = join(site, VOCABULARY_DIR);
  await rm(dir, { recursive: true, force: true });
  const manifest: VocabularyManifest = { version: 1, buckets, languages: [] };
  for (const [code, { turns, words }] of [...byLanguage].sort((a, b) => a[0].localeCompare(b[0]))) {
    // A language written without spaces has no word list: its words are not cut the way Pagefind cuts them.
    const spaced = [...words.keys()].length > 0;
    manifest.languages.push({ code, name: languageName(code), turns, words: spaced });
    if (!spaced) continue;
    const files: Record<string, number>[] = Array.from({ length: buckets }, () => ({}));
    for (const [w, n] of [...words].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const file = files[vocabularyBucket(w, buckets)];
      if (file) file[w] = n;
    }
    await mkdir(join(dir, code), { recursive: true });
    await Promise.all(files.map((f, i) => writeFile(join(dir, code, `${i}.json`), JSON.stringify(f))));
  }
  // Speakers by each word of their name, for "turns by …" when a query names one.
  const byWord: Record<string, [string, string][]>[] = Array.from({ length: buckets }, () => ({}));
  for (const [path, name] of [...people].sort((a, b) => a[1].localeCompare(b[1]))) {
    for (const w of new Set(wordsOf(name))) {
      const file = byWord[vocabularyBucket(w, buckets)];
      if (file) file[w] = [...(file[w] ?? []), [name, path]];
    }
  }
  await mkdir(join(dir, PEOPLE), { recursive: true });
  await Promise.all(byWord.map((f, i) => writeFile(join(dir, PEOPLE, `${i}.json`), JSON.stringify(f))));
  await writeFile(join(dir, 'index.json'), `${JSON.stringify(manifest)}\n`);
  return manifest;
}
