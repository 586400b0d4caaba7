/**
 * Fills in the sizes on the `/data/` page: Astro renders it before the bulk
 * downloads exist (they are written after it, from the twins), so each size
 * is a placeholder, `<span data-size-of="archive.csv">…</span>`, set here from
 * the file in the site. The page is replaced through a new file, never
 * written in place (the cache module's atomic write): Astro's incremental build
 * may have restored it as a hard link to its cache.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatBytes } from '../core/text.ts';
import { writeAtomic } from './build-cache-fs.ts';

export const DATA_PAGE = join('data', 'index.html');

export async function fillDownloadSizes(site: string): Promise<void> {
  const page = join(site, DATA_PAGE);
  const html = await readFile(page, 'utf8').catch(() => undefined);
  if (html === undefined) return;
  const sizes = new Map<string, string>();
  for (const [, name] of html.matchAll(/data-size-of="([^"]+)"/g)) {
    if (!name || sizes.has(name) || name.includes('..')) continue;
    const s = await stat(join(site, name)).catch(() => undefined);
    sizes.set(name, s ? formatBytes(s.size) : 'not in this build');
  }
  const filled = html.replace(
    /(<span data-size-of="([^"]+)"[^>]*>)[^<]*(<\/span>)/g,
    (_, open: string, name: string, close: string) => `${open}${sizes.get(name) ?? ''}${close}`,
  );
  if (filled === html) return;
  await writeAtomic(page, filled);
}
