/**
 * What the search stage needs of one transcript, made from its JSON twin in
 * one go: its search pages (the HTML Pagefind indexes, and each passage's
 * data, keys and length for the passage index, `passage-index-fs.ts`), and
 * the words its turns say, per language, for the vocabulary
 * (`vocabulary-fs.ts`). Pure but for loading a language's stemmer; run in
 * worker threads on a large archive (`analyze-pool-fs.ts`), so what it
 * returns is plain data.
 */
import { wordKeys } from '../../src/lib/passage-index.ts';
import { isSpaceless, type Stem, wordsOf } from '../../src/lib/search-match.ts';
import { type PagefindRecord, recordData, spokenText, type Twin } from '../../src/lib/search-record.ts';
import { stemmerFor } from '../../src/lib/search-stem.ts';
import { pageAddress, searchPages } from '../../src/lib/search-versions.ts';
import { speakerPath } from '../core/urls.ts';

/** Words longer than this are not offered or looked up (hashes, URLs run together). */
const LONGEST = 40;

/** One search page: for Pagefind (`pagefind`) and as a passage (`url`, `data`, `language`, `length`, keys). */
export interface AnalyzedPage {
  pagefind: PagefindRecord;
  url: string;
  /** The passage's file, as the search page reads it (`recordData`). */
  data: string;
  language: string;
  /** Characters of its spoken text, for the weights' length discount. */
  length: number;
  /** The keys its text is filed under (`textKeys`), and how often each occurs. */
  keys: string[];
  counts: number[];
}

/** How many turns of one language say each word, and how many of a version's turns only echo their original's. */
export interface LanguageWords {
  language: string;
  turns: number;
  words: [word: string, turns: number][];
  echoes: [word: string, turns: number][];
}

export interface AnalyzedTwin {
  pages: AnalyzedPage[];
  languages: LanguageWords[];
  /** `[speaker page path, name]` of every speaker, in every version. */
  speakers: [string, string][];
}

/** Stemmers that remember: each distinct word is stemmed once per language in a thread. */
const stemmers = new Map<string, Stem>();

async function stemmer(language: string): Promise<Stem> {
  let stem = stemmers.get(language);
  if (!stem) {
    const base = await stemmerFor(language);
    const seen = new Map<string, string>();
    stem = (word) => {
      let s = seen.get(word);
      if (s === undefined) {
        s = base(word);
        seen.set(word, s);
      }
      return s;
    };
    stemmers.set(language, stem);
  }
  return stem;
}

/** The id of the original's turn a version's turn renders, if any. */
const originalOf = (turn: object): string | undefined =>
  'original' in turn && typeof turn.original === 'string' ? turn.original : undefined;

/**
 * Each spoken paragraph's words (`wordsOf`), made once per transcript: its
 * turns' words and its search pages' keys are read from the same paragraphs,
 * and a text's words are its paragraphs' words in order (paragraphs are
 * joined with white space, where words split anyway).
 */
type ParagraphWords = (spoken: string) => readonly string[];

function paragraphWords(): ParagraphWords {
  const made = new Map<string, readonly string[]>();
  return (spoken) => {
    let words = made.get(spoken);
    if (words === undefined) {
      words = wordsOf(spoken);
      made.set(spoken, words);
    }
    return words;
  };
}

/** The words of each language's turns (see {@link LanguageWords}). */
function turnWords(twin: Twin, wordsIn: ParagraphWords): LanguageWords[] {
  const said = (turn: Twin['turns'][number]) => new Set(turn.paragraphs.flatMap((p) => wordsIn(spokenText(p))));
  // The original's words by turn: a version's turn that says a word its original says only echoes it.
  const originalWords = new Map(twin.turns.map((turn) => [turn.id, said(turn)]));
  return [twin, ...(twin.versions ?? [])].map((text) => {
    const words = new Map<string, number>();
    const echoes = new Map<string, number>();
    for (const turn of text.turns) {
      const heard = text === twin ? (originalWords.get(turn.id) ?? new Set<string>()) : said(turn);
      const original = text === twin ? undefined : originalWords.get(originalOf(turn) ?? '');
      for (const w of heard) {
        if (w.length > LONGEST || isSpaceless(w)) continue;
        words.set(w, (words.get(w) ?? 0) + 1);
        if (original?.has(w)) echoes.set(w, (echoes.get(w) ?? 0) + 1);
      }
    }
    return { language: text.language, turns: text.turns.length, words: [...words], echoes: [...echoes] };
  });
}

/** A transcript's search pages and words, from its JSON twin's text. */
export async function analyzeTwin(json: string): Promise<AnalyzedTwin> {
  const twin = JSON.parse(json) as Twin;
  const wordsIn = paragraphWords();
  const pages: AnalyzedPage[] = [];
  for (const page of searchPages(twin)) {
    const data = recordData(page.record, pageAddress(page.path));
    const { paragraphs } = page.record;
    const keys = wordKeys(paragraphs.flatMap(wordsIn), await stemmer(page.record.language));
    pages.push({
      pagefind: page.pagefind,
      url: data.url,
      data: JSON.stringify(data),
      language: page.record.language,
      // Characters of the paragraphs joined with line breaks.
      length: paragraphs.reduce((sum, p) => sum + p.length, Math.max(0, paragraphs.length - 1)),
      keys: [...keys.keys()],
      counts: [...keys.values()],
    });
  }
  const speakers = [twin, ...(twin.versions ?? [])].flatMap((text) =>
    text.speakers.map((s): [string, string] => [speakerPath(s.slug), s.name]),
  );
  return { pages, languages: turnWords(twin, wordsIn), speakers };
}
