/**
 * Which pages the sitemap lists: not the pages the archive retired (their
 * tombstones and redirects, language versions included), nor the 404 page.
 * Pure: the retired pages are read once per build, not once per page.
 */
import type { RetiredPage } from '../../scripts/core/permalinks/record.ts';

export function sitemapFilter(retired: readonly RetiredPage[]): (page: string) => boolean {
  const paths = new Set(retired.map((p) => `/${p.section}/${p.slug}/${p.language ? `${p.language}/` : ''}`));
  return (page) => {
    const path = new URL(page).pathname;
    return !paths.has(path) && !path.endsWith('/404/');
  };
}
