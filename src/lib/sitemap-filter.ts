/**
 * Which pages the sitemap lists: not the pages the archive retired (their
 * tombstones and redirects, language versions included), nor the 404 page.
 * Pure: the retired pages are asked for once, when the first page is
 * filtered (the build's last step), not once per page.
 */
import type { RetiredPage } from '../../scripts/core/permalinks/record.ts';

export function sitemapFilter(retired: () => readonly RetiredPage[]): (page: string) => boolean {
  let paths: ReadonlySet<string> | undefined;
  return (page) => {
    paths ??= new Set(retired().map((p) => `/${p.section}/${p.slug}/${p.language ? `${p.language}/` : ''}`));
    const path = new URL(page).pathname;
    return !paths.has(path) && !path.endsWith('/404/');
  };
}
