/**
 * The build's check that no published address breaks, on the seed archive's
 * permalink record and a site made to answer it: a page gone and an anchor
 * gone are each reported, and nothing else is.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSite } from '../../scripts/check-site.ts';
import { SCANNER } from '../../scripts/core/check-links.ts';
import { type PermalinkRecord, publishedUrls } from '../../scripts/core/permalinks/record.ts';
import { readOwnRecord, recordText } from '../../scripts/core/permalinks/record-text.ts';
import { lostUrls } from '../../scripts/lib/check-published-fs.ts';
import { readRecord } from '../../scripts/lib/permalink-record-fs.ts';
import { keepRecordViews, readPublishedPages, readRetiredPages } from '../../scripts/lib/record-views-fs.ts';
import { fileIdentity } from '../../scripts/lib/scan-cache-fs.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lost-urls-'));
  await cp('content/permalinks.json', join(dir, 'content', 'permalinks.json'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A site whose pages hold every published anchor, but for the ones left out. */
async function writeSite(site: string, leaveOut: { page?: string; anchor?: string }): Promise<void> {
  const byPage = new Map<string, string[]>();
  for (const url of publishedUrls(await readRecord(join(dir, 'content')))) {
    const ids = byPage.get(url.path) ?? [];
    byPage.set(url.path, ids);
    if (url.anchor && url.anchor !== leaveOut.anchor) ids.push(url.anchor);
  }
  for (const [path, ids] of byPage) {
    if (path === leaveOut.page) continue;
    await mkdir(join(site, path), { recursive: true });
    const body = ids.map((id) => `<section id="${id}" data-id="x"><p>…</p></section>`).join('\n');
    await writeFile(join(site, path, 'index.html'), `<!doctype html><main>${body}</main>`);
  }
}

/** Makes the site check's scan of `page` (by its bytes' hash) lack the id `id`. */
function plantScanWithout(scans: string, page: string, id: string): void {
  const hash = createHash('sha1').update(readFileSync(page)).digest('hex');
  const scan = join(scans, SCANNER, hash.slice(0, 2), `${hash}.json`);
  const real = JSON.parse(readFileSync(scan, 'utf8')) as { ids: string[] };
  writeFileSync(scan, JSON.stringify({ ...real, ids: real.ids.filter((i) => i !== id) }));
}

describe('lost published addresses', () => {
  it('finds none on a site that answers every address', async () => {
    await writeSite(join(dir, 'whole'), {});
    expect(await lostUrls(join(dir, 'content'), join(dir, 'whole'))).toEqual([]);
  });

  it('names a missing anchor and a missing page', async () => {
    const transcript = publishedUrls(await readRecord(join(dir, 'content'))).find((u) => u.anchor === 't3');
    expect(transcript).toBeDefined();
    const speaker = '/speakers/qi-yanjun/';
    await writeSite(join(dir, 'broken'), { page: speaker, anchor: 't3' });
    expect(await lostUrls(join(dir, 'content'), join(dir, 'broken'))).toEqual([`${transcript?.path}#t3`, speaker]);
  });

  it("takes a page's ids from the site check's scan when the check saw that very file, and reads a new file", async () => {
    const site = join(dir, 'scanned');
    const scans = join(dir, 'scans');
    await writeSite(site, {});
    await checkSite(site, scans);
    const transcript = publishedUrls(await readRecord(join(dir, 'content'))).find((u) => u.anchor === 't3');
    const page = join(site, transcript?.path ?? '', 'index.html');
    // The scan of the page's bytes is made to lack t3: a check that used it reports t3 lost, one that read the page does not.
    plantScanWithout(scans, page, 't3');
    expect(await lostUrls(join(dir, 'content'), site, { siteCheckCache: scans })).toEqual([`${transcript?.path}#t3`]);
    // The same bytes in a new file (as Astro writes a page it renders): read, so nothing is lost.
    const bytes = readFileSync(page);
    await rm(page);
    await writeFile(page, bytes);
    expect(await lostUrls(join(dir, 'content'), site, { siteCheckCache: scans })).toEqual([]);
  });

  it('does not look up a page that passed for the same anchors, and checks it again when one is added', async () => {
    const site = join(dir, 'passed');
    const scans = join(dir, 'passed-scans');
    await writeSite(site, {});
    await checkSite(site, scans);
    expect(await lostUrls(join(dir, 'content'), site, { siteCheckCache: scans })).toEqual([]);
    const transcript = publishedUrls(await readRecord(join(dir, 'content'))).find((u) => u.anchor === 't3');
    const page = join(site, transcript?.path ?? '', 'index.html');
    // Its scan now lacks t3: a check that looked the page up would report t3.
    plantScanWithout(scans, page, 't3');
    expect(await lostUrls(join(dir, 'content'), site, { siteCheckCache: scans })).toEqual([]);
    // An anchor published since (a quote, say) changes what the page must hold: it is looked up again.
    const record = JSON.parse(readFileSync(join(dir, 'content', 'permalinks.json'), 'utf8')) as {
      transcripts: Record<string, { anchors: string[] }>;
    };
    const slug = transcript?.path.split('/')[2] ?? '';
    record.transcripts[slug]?.anchors.push('q-new');
    await mkdir(join(dir, 'content-more'), { recursive: true });
    await writeFile(join(dir, 'content-more', 'permalinks.json'), JSON.stringify(record));
    expect(await lostUrls(join(dir, 'content-more'), site, { siteCheckCache: scans })).toEqual([
      `${transcript?.path}#t3`,
      `${transcript?.path}#q-new`,
    ]);
  });
});

describe('through the views the ingest keeps of the record file it wrote', () => {
  it('names the same lost addresses and retired pages as the record, and reads the record once it changed', async () => {
    const content = join(dir, 'content-views');
    const cache = join(dir, 'views-cache');
    await cp(join(dir, 'content'), content, { recursive: true });
    await keepRecordViews(cache, content, await readRecord(content));
    const site = join(dir, 'views-site');
    await writeSite(site, { page: '/speakers/qi-yanjun/', anchor: 't3' });
    const fromRecord = await lostUrls(content, site);
    expect(fromRecord.length).toBe(2);
    expect(await lostUrls(content, site, { recordCache: cache })).toEqual(fromRecord);
    expect(await readRetiredPages(cache, content)).toEqual(await readRetiredPages(undefined, content));
    // Edited by hand after the views were kept: the speaker retired on purpose, and an anchor published.
    // The record itself is read: the new anchor is lost, the speaker retired.
    const file = join(content, 'permalinks.json');
    const record = JSON.parse(readFileSync(file, 'utf8')) as {
      speakers: Record<string, { status: string }>;
      transcripts: Record<string, { anchors: string[] }>;
    };
    const speaker = record.speakers['qi-yanjun'];
    const transcript = fromRecord[0]?.split('#')[0] ?? '';
    const slug = transcript.split('/')[2] ?? '';
    if (!speaker || !record.transcripts[slug]) throw new Error('the seed record has changed');
    speaker.status = 'removed';
    record.transcripts[slug]?.anchors.push('q-new');
    await writeFile(file, JSON.stringify(record));
    const lost = await lostUrls(content, site, { recordCache: cache });
    expect(lost).toEqual(await lostUrls(content, site));
    expect(lost).toContain(`${transcript}#q-new`);
    expect((await readRetiredPages(cache, content)).map((p) => p.id)).toContain('speakers/qi-yanjun');
  });

  it('keeps the views of entries the ingest left as they were, and makes the others again', async () => {
    const content = join(dir, 'content-incremental');
    const cache = join(dir, 'incremental-cache');
    const file = join(content, 'permalinks.json');
    await mkdir(content, { recursive: true });
    const seed = JSON.parse(readFileSync(join(dir, 'content', 'permalinks.json'), 'utf8')) as PermalinkRecord;
    const [slug, entry] = Object.entries(seed.transcripts)[0] ?? [];
    if (!slug || !entry) throw new Error('the seed record has no transcript');
    const first: PermalinkRecord = {
      ...seed,
      transcripts: {
        ...seed.transcripts,
        [`${slug}-b`]: entry,
        [`${slug}-c`]: { ...entry, status: 'moved', movedTo: slug },
      },
    };
    await writeFile(file, recordText(first));
    await keepRecordViews(cache, content, first);
    const identity = fileIdentity(file) ?? '';
    const read = readOwnRecord(readFileSync(file));
    if (!read) throw new Error('the record was not read back as the ingest reads its own');
    // As an ingest changes it: an anchor published, a transcript removed, one added; the others the objects read.
    const next: PermalinkRecord = { ...read.record, transcripts: { ...read.record.transcripts } };
    next.transcripts[slug] = { ...entry, anchors: [...entry.anchors, 'q-new'] };
    next.transcripts[`${slug}-b`] = { ...entry, status: 'removed' };
    next.transcripts[`${slug}-d`] = entry;
    await rm(file);
    await writeFile(file, recordText(next, read.entries));
    await keepRecordViews(cache, content, next, { identity, record: read.record });
    expect(await readRetiredPages(cache, content)).toEqual(await readRetiredPages(undefined, content));
    const sorted = (pages: Map<string, string[]>) =>
      [...pages].map(([path, anchors]) => [path, [...anchors].sort()]).sort();
    const kept = sorted(await readPublishedPages(cache, content));
    expect(kept).toEqual(sorted(await readPublishedPages(undefined, content)));
    expect(kept).toContainEqual([`/transcripts/${slug}-d/`, expect.arrayContaining(['', ...entry.anchors])]);
    expect(kept.find(([path]) => path === `/transcripts/${slug}/`)?.[1]).toContain('q-new');
  });
});
