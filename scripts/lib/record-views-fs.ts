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
import { RECORD_FILE, type RecordBefore, readRecordFile } from './permalink-record-fs.ts';
import { fileIdentity } from './scan-cache-fs.ts';

/** One part of the record's views: its retired pages, and its published pages each with its anchors `\n`-joined (`''` stands for the page itself). */
const ViewsSchema = z.object({
  retired: z.array(RetiredPageSchema),
  published: z.array(z.tuple([z.string(), z.string()])),
});
type Views = z.infer<typeof ViewsSchema>;

const RecordViewsSchema = z.object({
  identity: z.string(),
  /** Each transcript's views, in the record's order: an unchanged entry's are kept as they are. */
  transcripts: z.array(z.tuple([z.string(), ViewsSchema])),
  /** The speakers' and topics'. */
  pages: ViewsSchema,
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

/** The views of a part of the record (transcripts, speakers, topics: the others empty). */
function viewsOf(part: Partial<Pick<PermalinkRecord, 'transcripts' | 'speakers' | 'topics'>>): Views {
  const record = { transcripts: {}, speakers: {}, topics: {}, ...part };
  return {
    retired: retiredPages(record),
    published: [...byPage(publishedUrls(record))].map(([path, anchors]) => [path, anchors.join('\n')]),
  };
}

/**
 * Keeps the views of `record`, which the content folder's record file now
 * holds, unless they are kept for that very file already. A transcript's
 * entry that is the very object read from the file before (`before`, whose
 * views are kept) keeps its views: at 10,000 transcripts, making them all
 * again parsed the whole record (~1 s, and ~3 s with its entries read lazily).
 */
export async function keepRecordViews(
  cacheDir: string,
  content: string,
  record: PermalinkRecord,
  before?: Pick<RecordBefore, 'identity' | 'record'>,
): Promise<void> {
  const file = join(content, RECORD_FILE);
  const identity = fileIdentity(file);
  if (identity === undefined) return;
  const kept = await readKept(viewsFile(cacheDir, file), RecordViewsSchema);
  if (kept?.identity === identity) return;
  const earlier = before && kept?.identity === before.identity ? new Map(kept.transcripts) : new Map<string, Views>();
  const views: RecordViews = {
    identity,
    transcripts: Object.entries(record.transcripts).map(([slug, entry]) => {
      const same = before?.record.transcripts[slug] === entry ? earlier.get(slug) : undefined;
      return [slug, same ?? viewsOf({ transcripts: { [slug]: entry } })];
    }),
    pages: viewsOf({ speakers: record.speakers, topics: record.topics }),
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
  if (kept) return [...kept.transcripts.flatMap(([, views]) => views.retired), ...kept.pages.retired];
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
  if (kept) {
    const pages: PublishedPages = new Map();
    for (const views of [...kept.transcripts.map(([, v]) => v), kept.pages])
      for (const [path, anchors] of views.published)
        pages.set(path, [...(pages.get(path) ?? []), ...anchors.split('\n')]);
    return pages;
  }
  const view = await readRecordFile(content, PublishedViewSchema);
  return view ? byPage(publishedUrls(view)) : new Map();
}
