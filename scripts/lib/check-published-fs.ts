/**
 * The build's promise that no published URL breaks: every address in the
 * permalink record must be a page of the new site, with its anchor on it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { publishedUrls } from '../core/permalinks/record.ts';
import { readRecord } from '../ingest/write-content-fs.ts';

/** The published addresses the site in `siteDir` no longer answers, as `path#anchor`. */
export async function lostUrls(contentDir: string, siteDir: string): Promise<string[]> {
  const record = await readRecord(contentDir);
  const pages = new Map<string, string | undefined>();
  const lost: string[] = [];
  for (const url of publishedUrls(record)) {
    if (!pages.has(url.path))
      pages.set(url.path, await readFile(join(siteDir, url.path, 'index.html'), 'utf8').catch(() => undefined));
    const html = pages.get(url.path);
    if (html === undefined) lost.push(url.path);
    else if (url.anchor && !html.includes(`id="${url.anchor}"`)) lost.push(`${url.path}#${url.anchor}`);
  }
  return lost;
}
