/**
 * The build's promise that no published URL breaks: every address in the
 * permalink record must be a page of the new site, with its anchor on it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { publishedUrls } from '../core/permalinks/record.ts';
import { inPart, type Part } from '../core/search-shards.ts';
import { readRecord } from '../ingest/write-content-fs.ts';
import { knownScan, readStatIndex } from './scan-cache-fs.ts';

/**
 * The published addresses the site in `siteDir` no longer answers, as `path#anchor`.
 * When one part of N is built, only the addresses that part makes are checked:
 * its transcripts, and for the first part the pages about the whole archive.
 * With the site check's cache (`scanCache`), a page file the last check saw
 * (Astro restores unchanged pages as hard links) is not read: its ids come
 * from its scan.
 */
export async function lostUrls(
  contentDir: string,
  siteDir: string,
  part?: Part,
  scanCache?: string,
): Promise<string[]> {
  const record = await readRecord(contentDir);
  const lost: string[] = [];
  const ours = (path: string): boolean => {
    if (!part) return true;
    const transcript = /^\/transcripts\/([^/]+)\/$/.exec(path)?.[1];
    return transcript ? inPart(transcript, part) : part.index === 0;
  };
  // Page by page: each page is read once and its ids collected once, however many of its
  // anchors were published (a transcript of 10,000 turns has 10,000), and not kept after.
  const anchorsByPage = new Map<string, (string | undefined)[]>();
  for (const url of publishedUrls(record).filter((u) => ours(u.path))) {
    const anchors = anchorsByPage.get(url.path) ?? [];
    anchorsByPage.set(url.path, anchors);
    anchors.push(url.anchor);
  }
  const known = scanCache ? await readStatIndex(scanCache) : {};
  for (const [path, anchors] of anchorsByPage) {
    const file = join(siteDir, path, 'index.html');
    const scan = scanCache ? await knownScan(file, scanCache, known).catch(() => undefined) : undefined;
    const html = scan ? undefined : await readFile(file, 'utf8').catch(() => undefined);
    if (!scan && html === undefined) {
      lost.push(...anchors.map(() => path));
      continue;
    }
    const ids = new Set<string | undefined>(
      scan ? scan.scan.ids : Array.from(html?.matchAll(/\sid="([^"]*)"/g) ?? [], (m) => m[1]),
    );
    for (const anchor of anchors) if (anchor && !ids.has(anchor)) lost.push(`${path}#${anchor}`);
  }
  return lost;
}
