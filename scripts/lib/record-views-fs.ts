/**
 * What the site and the published-address check read of the permalink
 * record, kept in the build cache by the record file's identity (device,
 * inode, size, time). The ingest makes them from the record it has just
 * written; a reader whose record file is no longer that very file (edited
 * by hand, or written by another cache's ingest) reads the record itself.
 * At 10,000 transcripts the record is 171 MB: parsed, it cost the site ~1.2 s
 * of each build for its retired pages, and the published-address check ~2 s.
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';
import {
  type PermalinkRecord,
  type PublishedUrl,
  PublishedViewSchema,
  publishedUrls,
  type RetiredPage,
  RetiredPageSchema,
  RetiredViewSchema,
  retiredPages,
} from '../core/permalinks/record.ts';
import { keptPath, readKept, writeKept } from './build-cache-fs.ts';
import { RECORD_FILE, readRecordFile } from './permalink-record-fs.ts';
import { fileIdentity } from './scan-cache-fs.ts';

const RecordViewsSchema = z.object({
  identity: z.string(),
  retired: z.array(RetiredPageSchema),
  /** Each published page's address and its published anchors, `\n`-joined (`''` stands for the page itself). */
  published: z.array(z.tuple([z.string(), z.string()])),
});
type RecordViews = z.infer<typeof RecordViewsSchema>;

/** Each published page, with its anchors in the record's order (`''`: the page itself). */
export type PublishedPages = Map<string, string[]>;

const viewsFile = (cacheDir: string, record: string): string => keptPath(cacheDir, 'record-views', resolve(record));

function byPage(urls: readonly PublishedUrl[]): PublishedPages {
  const pages: PublishedPages = new Map();
  for (const { path, anchor } of urls) {
    const anchors = pages.get(path) ?? [];
    pages.set(path, anchors);
    anchors.push(anchor ?? '');
  }
  return pages;
}

/**
 * Keeps the views of `record`, which the content folder's record file now
 * holds, unless they are kept for that very file already.
 */
export async function keepRecordViews(cacheDir: string, content: string, record: PermalinkRecord): Promise<void> {
  const file = join(content, RECORD_FILE);
  const identity = fileIdentity(file);
  if (identity === undefined || (await keptViews(cacheDir, file))?.identity === identity) return;
  const views: RecordViews = {
    identity,
    retired: retiredPages(record),
    published: [...byPage(publishedUrls(record))].map(([path, anchors]) => [path, anchors.join('\n')]),
  };
  await writeKept(viewsFile(cacheDir, file), views);
}

async function keptViews(cacheDir: string | undefined, file: string): Promise<RecordViews | undefined> {
  if (cacheDir === undefined) return undefined;
  const identity = fileIdentity(file);
  const kept = identity === undefined ? undefined : await readKept(viewsFile(cacheDir, file), RecordViewsSchema);
  return kept && kept.identity === identity ? kept : undefined;
}

/**
 * The record's retired pages (none without a record), for the site's
 * tombstones and redirects; from the views kept in `cacheDir` when they are
 * the record file's.
 */
export async function readRetiredPages(cacheDir: string | undefined, content: string): Promise<RetiredPage[]> {
  const file = join(content, RECORD_FILE);
  const kept = await keptViews(cacheDir, file);
  if (kept) return kept.retired;
  const view = await readRecordFile(content, RetiredViewSchema);
  return view ? retiredPages(view) : [];
}

/**
 * Every published page with its anchors (none without a record), for the
 * published-address check; from the views kept in `cacheDir` when they are
 * the record file's.
 */
export async function readPublishedPages(cacheDir: string | undefined, content: string): Promise<PublishedPages> {
  const file = join(content, RECORD_FILE);
  const kept = await keptViews(cacheDir, file);
  if (kept) return new Map(kept.published.map(([path, anchors]) => [path, anchors.split('\n')]));
  const view = await readRecordFile(content, PublishedViewSchema);
  return view ? byPage(publishedUrls(view)) : new Map();
}
