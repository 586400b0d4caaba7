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
