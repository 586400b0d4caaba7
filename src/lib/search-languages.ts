/**
 * Pagefind keeps one index per language in each bundle and a search page
 * loads only the one for its own `lang` (`en`): the Chinese, Spanish and
 * Portuguese transcripts of a mixed archive would never be found. The search
 * page therefore also merges every other language of every bundle, each with
 * its own segmentation (a Chinese query is cut into words the way the
 * Chinese text was when it was indexed). Pure.
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

/** The languages of a bundle that a page in `lang` would not load, for merging one by one. */
export function otherLanguages(entry: PagefindEntry, lang: string): string[] {
  const loaded = loadedLanguage(entry, lang);
  return Object.keys(entry.languages)
    .filter((l) => l !== loaded)
    .sort();
}
