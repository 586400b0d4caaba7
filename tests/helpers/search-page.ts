/** A search page as the search page's script gets it back from Pagefind, read from the HTML it was made from. */
import { parse } from 'node-html-parser';
import type { PageData } from '../../src/lib/search-hits.ts';

/**
 * The page's data as Pagefind gives it: its address (from its path, as
 * Pagefind makes it), its metadata, its text and its filters.
 */
export function asFound(page: { path: string; html: string }): PageData {
  const doc = parse(page.html);
  const meta = Object.fromEntries(
    doc
      .querySelectorAll('[data-pagefind-meta]')
      .map((el) => [
        (el.getAttribute('data-pagefind-meta') ?? '').replace(/\[data-value\]$/, ''),
        el.getAttribute('data-value') ?? '',
      ]),
  );
  const content = doc
    .querySelectorAll('p')
    .map((p) => p.text)
    .join(' ');
  const filters: Record<string, string[]> = {};
  for (const el of doc.querySelectorAll('[data-pagefind-filter]')) {
    const key = (el.getAttribute('data-pagefind-filter') ?? '').replace(/\[data-value\]$/, '');
    filters[key] = [...(filters[key] ?? []), el.getAttribute('data-value') ?? ''];
  }
  return { url: `/${page.path.replace(/index\.html$/, '')}`, meta, content, filters };
}
