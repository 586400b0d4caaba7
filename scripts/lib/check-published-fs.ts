/**
 * The build's promise that no published URL breaks: every address in the
 * permalink record must be a page of the new site, with its anchor on it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { publishedUrls } from '../core/permalinks/record.ts';
import { inPart, type Part } from '../core/search-shards.ts';
import { readRecord } from '../ingest/write-content-fs.ts';

/**
 * The published addresses the site in `siteDir` no longer answers, as `path#anchor`.
 * When one part of N is built, only the addresses that part makes are checked:
 * its transcripts, and for the first part the pages about the whole archive.
 */
export async function lostUrls(contentDir: string, siteDir: string, part?: Part): Promise<string[]> {
  const record = await readRecord(contentDir);
  const pages = new Map<string, string | undefined>();
  const lost: string[] = [];
  const ours = (path: string): boolean => {
    if (!part) return true;
    const transcript = /^\/transcripts\/([^/]+)\/$/.exec(path)?.[1];
    return transcript ? inPart(transcript, part) : part.index === 0;
  };
  for (const url of publishedUrls(record).filter((u) => ours(u.path))) {
    if (!pages.has(url.path))
      pages.set(url.path, await readFile(join(siteDir, url.path, 'index.html'), 'utf8').catch(() => undefined));
    const html = pages.get(url.path);
    if (html === undefined) lost.push(url.path);
    else if (url.anchor && !html.includes(`id="${url.anchor}"`)) lost.push(`${url.path}#${url.anchor}`);
  }
  return lost;
}
