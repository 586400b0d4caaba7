/**
 * Pagefind keeps one index per language in each bundle and a search page
 * loads only the one for its own `lang` (`en`): the Chinese, Spanish and
 * Portuguese transcripts of a mixed archive would never be found. The search
 * page therefore merges another language's index of every bundle when a query
 * can be answered in that language, each with its own segmentation (Chinese
 * queries are cut into words as Chinese text was). Pure.
 */

/** A bundle's `pagefind-entry.json`, as far as languages go. */
export interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

/**
 * The language index Pagefind loads for a page in `lang`: the exact one, else
 * the one of its base language (`zh` for `zh-CN`), else the largest (as
 * Pagefind's `findIndex` does).
 */
export function loadedLanguage(entry: PagefindEntry, lang: string): string | undefined {
  const languages = Object.entries(entry.languages);
  if (entry.languages[lang]) return lang;
  const base = lang.split('-')[0] ?? lang;
  if (entry.languages[base]) return base;
  return languages.sort((a, b) => b[1].page_count - a[1].page_count)[0]?.[0];
}

/**
 * The indexes of a bundle that hold transcripts in `code` (a twin's language
 * tag; Pagefind keys its indexes by the page's `lang`, lower case), other than
 * the one the page loads itself.
 */
export function indexesFor(entry: PagefindEntry, code: string, lang: string): string[] {
  const loaded = loadedLanguage(entry, lang);
  const wanted = code.toLowerCase();
  return Object.keys(entry.languages)
    .filter((l) => l !== loaded && l.toLowerCase() === wanted)
    .sort();
}

/** What a language's vocabulary says of a query, for `canAnswer`. */
export interface LanguageEvidence {
  /** Per query word written with spaces: how many of the language's turns say it (any form). */
  held: readonly number[];
  /** Of those, how many are a version's turn whose original turn says the same word. */
  echoed: readonly number[];
  /** The query has words of a script written without spaces (Chinese), which no word list holds. */
  script: boolean;
  /** The reader chose this language in the language filter. */
  named: boolean;
}

/**
 * Whether a language's index joins a query (for a language with a word
 * list): every query word is said in it, and either the query's script or the
 * reader's choice brings it in, or one of its turns says a word its original
 * turn does not. A version's turn whose every query word is said by its
 * original's turn too is found as the original's hit (the same turn, shown
 * once, offering the other version), so that language's index is not needed.
 */
export function canAnswer({ held, echoed, script, named }: LanguageEvidence): boolean {
  if (!held.every((n) => n > 0)) return false;
  if (script || named) return true;
  return held.some((n, i) => n > (echoed[i] ?? 0));
}
