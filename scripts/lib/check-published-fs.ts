/**
 * The build's promise that no published URL breaks: every address in the
 * permalink record must be a page of the new site, with its anchor on it.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCANNER } from '../core/check-links.ts';
import { publishedUrls } from '../core/permalinks/record.ts';
import { inPart, type Part } from '../core/search-shards.ts';
import { readRecord } from './permalink-record-fs.ts';
import { knownScan, readStatIndex, type StatIndex, statKey, writeStatIndex } from './scan-cache-fs.ts';

/** Page identities this check passed last time, each to the digest of the anchors it held. */
const PASSED = 'lost-urls-passed.json';

/**
 * The published addresses the site in `siteDir` no longer answers, as `path#anchor`.
 * When one part of N is built, only the addresses that part makes are checked:
 * its transcripts (with their language versions' pages), and for the first
 * part the pages about the whole archive.
 * With the site check's cache (`siteCheckCache`), a page file the last check saw
 * (Astro restores unchanged pages as hard links) is not read: its ids come
 * from its scan; and a page file that passed this check last time, for the
 * same anchors, is not even looked up.
 */
export async function lostUrls(
  contentDir: string,
  siteDir: string,
  part?: Part,
  siteCheckCache?: string,
): Promise<string[]> {
  // The scans the site check keeps, in its reader's folder (check-site.ts).
  const scanCache = siteCheckCache ? join(siteCheckCache, SCANNER) : undefined;
  const record = await readRecord(contentDir);
  const lost: string[] = [];
  const ours = (path: string): boolean => {
    if (!part) return true;
    const transcript = /^\/transcripts\/([^/]+)\//.exec(path)?.[1];
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
  const passedBefore = scanCache ? await readStatIndex(scanCache, PASSED) : {};
  const passed: StatIndex = {};
  for (const [path, anchors] of anchorsByPage) {
    const file = join(siteDir, path, 'index.html');
    let key: string | undefined;
    try {
      key = statKey(statSync(file));
    } catch {
      lost.push(...anchors.map(() => path));
      continue;
    }
    const digest = createHash('sha1').update(anchors.join('\n')).digest('hex');
    if (passedBefore[key] === digest) {
      passed[key] = digest;
      continue;
    }
    const scan = scanCache ? await knownScan(key, scanCache, known) : undefined;
    const html = scan ? undefined : await readFile(file, 'utf8').catch(() => undefined);
    if (!scan && html === undefined) {
      lost.push(...anchors.map(() => path));
      continue;
    }
    const ids = new Set<string | undefined>(
      scan ? scan.scan.ids : Array.from(html?.matchAll(/\sid="([^"]*)"/g) ?? [], (m) => m[1]),
    );
    const missing = anchors.filter((anchor) => anchor && !ids.has(anchor));
    for (const anchor of missing) lost.push(`${path}#${anchor}`);
    if (missing.length === 0) passed[key] = digest;
  }
  if (scanCache) await writeStatIndex(scanCache, passed, PASSED);
  return lost;
}
