/**
 * The build's promise that no published URL breaks: every address in the
 * permalink record must be a page of the new site, with its anchor on it.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCANNER } from '../core/check-links.ts';
import { inPart, type Part } from '../core/search-shards.ts';
import { readPublishedPages } from './record-views-fs.ts';
import { fileIdentity, knownScan, readStatIndex, type StatIndex, writeStatIndex } from './scan-cache-fs.ts';

/** Page identities this check passed last time, each to the digest of the anchors it held. */
const PASSED = 'lost-urls-passed.json';

/**
 * The published addresses the site in `siteDir` no longer answers, as `path#anchor`.
 * When one part of N is built (`part`), only the addresses that part makes are checked:
 * its transcripts (with their language versions' pages), and for the first
 * part the pages about the whole archive.
 * With the site check's cache (`siteCheckCache`), a page file the last check saw
 * (Astro restores unchanged pages as hard links) is not read: its ids come
 * from its scan; and a page file that passed this check last time, for the
 * same anchors, is not even looked up. With the build cache (`recordCache`),
 * the addresses come from the views the ingest kept of the record file it
 * wrote (`record-views-fs.ts`), not from the record itself.
 */
export async function lostUrls(
  contentDir: string,
  siteDir: string,
  { part, siteCheckCache, recordCache }: { part?: Part; siteCheckCache?: string; recordCache?: string } = {},
): Promise<string[]> {
  // The scans the site check keeps, in its reader's folder (check-site.ts).
  const scanCache = siteCheckCache ? join(siteCheckCache, SCANNER) : undefined;
  const lost: string[] = [];
  const ours = (path: string): boolean => {
    if (!part) return true;
    const transcript = /^\/transcripts\/([^/]+)\//.exec(path)?.[1];
    return transcript ? inPart(transcript, part) : part.index === 0;
  };
  // Page by page: each page is read once and its ids collected once, however many of its
  // anchors were published (a transcript of 10,000 turns has 10,000), and not kept after.
  const anchorsByPage = new Map(
    [...(await readPublishedPages(recordCache, contentDir))].filter(([path]) => ours(path)),
  );
  const known = scanCache ? await readStatIndex(scanCache) : {};
  const passedBefore = scanCache ? await readStatIndex(scanCache, PASSED) : {};
  const passed: StatIndex = {};
  for (const [path, anchors] of anchorsByPage) {
    const file = join(siteDir, path, 'index.html');
    const key = fileIdentity(file);
    if (key === undefined) {
      lost.push(...anchors.map(() => path));
      continue;
    }
    const digest = createHash('sha1').update(anchors.join('\n')).digest('hex');
    if (passedBefore[key] === digest) {
      passed[key] = digest;
      continue;
    }
    const scan = scanCache ? await knownScan(key, scanCache, known) : undefined;
    const html = scan ? undefined : await readFile(file).catch(() => undefined);
    if (!scan && html === undefined) {
      lost.push(...anchors.map(() => path));
      continue;
    }
    const ids: ReadonlySet<string | undefined> = scan ? new Set(scan.scan.ids) : idsIn(html ?? Buffer.alloc(0));
    const missing = anchors.filter((anchor) => anchor && !ids.has(anchor));
    for (const anchor of missing) lost.push(`${path}#${anchor}`);
    if (missing.length === 0) passed[key] = digest;
  }
  if (scanCache) await writeStatIndex(scanCache, passed, PASSED);
  return lost;
}

const ID_OPEN = Buffer.from('id="');
const QUOTE = 0x22;
/** Space, tab, line feed, form feed, carriage return: what separates attributes. */
const SPACE = new Set([0x20, 0x09, 0x0a, 0x0c, 0x0d]);

/**
 * The values of every ` id="…"` in a page, found in its bytes: the build
 * writes attributes in double quotes, and text holds no `"` unescaped. A page
 * is not decoded whole (most of this check's time at 1,000 transcripts), only
 * each id.
 */
export function idsIn(html: Buffer): Set<string> {
  const ids = new Set<string>();
  let at = html.indexOf(ID_OPEN);
  while (at !== -1) {
    const start = at + ID_OPEN.length;
    const end = SPACE.has(html[at - 1] ?? 0) ? html.indexOf(QUOTE, start) : -1;
    if (end !== -1) ids.add(html.toString('utf8', start, end));
    at = html.indexOf(ID_OPEN, end === -1 ? at + 1 : end + 1);
  }
  return ids;
}
