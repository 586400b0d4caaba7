/**
 * Atom feeds of transcripts: the archive's, a speaker's, a topic's. An
 * entry is published on the transcript's own date (or, without one, when the
 * archive first published it) and updated when the archive last corrected it
 * (never an invented date); ids are tag URIs, stable wherever the site is hosted.
 * Titles and summaries are text: metadata is never markup in a feed reader.
 */
import { createHash } from 'node:crypto';
import { Feed } from 'feed';
import { escapeHtml } from './render-paragraph.ts';
import type { Transcript } from './schema.ts';
import { plural } from './text.ts';
import { transcriptPath } from './urls.ts';

/** What a feed shows of a transcript: its card and how many turns it has (a record or the site's outline). */
export type FeedTranscript = Pick<
  Transcript,
  'slug' | 'title' | 'date' | 'published' | 'updated' | 'words' | 'summary'
> & {
  turns: readonly unknown[];
};

export interface FeedInput {
  title: string;
  /** Path of the page the feed is about, and of the feed itself. */
  path: string;
  feedPath: string;
  /** The site's address, when known: links become absolute. */
  site?: string;
  transcripts: readonly FeedTranscript[];
}

const EPOCH = '1970-01-01';
/** A day as a date: `2024`, `2024-09` and `2024-09-05` each stand for their first day. */
const day = (date: string | undefined): Date => new Date(`${`${date ?? EPOCH}-01-01`.slice(0, 10)}T00:00:00Z`);
const tag = (published: string | undefined, path: string): string =>
  `tag:transcript-archive,${published ?? EPOCH}:${path}`;

/** Without the site's address, links are made against this reserved name, then made relative (valid in Atom). */
const PLACEHOLDER = 'https://site.invalid';

/** The transcripts a feed lists: the 50 last updated. */
export function feedEntries<T extends FeedTranscript>(transcripts: readonly T[]): T[] {
  return [...transcripts]
    .sort((a, b) => (b.updated ?? EPOCH).localeCompare(a.updated ?? EPOCH) || a.slug.localeCompare(b.slug))
    .slice(0, 50);
}

/** What an entry of a feed shows of its transcript. */
function entryDescription(t: FeedTranscript): string {
  return `${t.date ? `${t.date}. ` : ''}${plural(t.turns.length, 'turn')}, ${plural(t.words, 'word')}.${t.summary ? ` ${t.summary}` : ''}`;
}

/**
 * Everything a feed of `title` listing `transcripts` depends on, besides the
 * site's address: equal keys, equal feed (the incremental build's cache key).
 */
export function feedKey(title: string, transcripts: readonly FeedTranscript[]): string {
  const shown = feedEntries(transcripts).map((t) => [
    t.slug,
    t.title,
    t.date,
    t.published,
    t.updated,
    entryDescription(t),
  ]);
  return createHash('sha256')
    .update(JSON.stringify([title, shown]))
    .digest('hex');
}

export function transcriptsFeed(input: FeedInput): string {
  const base = input.site ?? PLACEHOLDER;
  const link = (path: string): string => new URL(path, base).href;
  const entries = feedEntries(input.transcripts);
  const updated = entries[0]?.updated;
  const feed = new Feed({
    id: tag(undefined, input.feedPath),
    title: input.title,
    link: link(input.path),
    feedLinks: { atom: link(input.feedPath) },
    updated: day(updated),
    generator: 'transcript-archive',
  });
  for (const t of entries) {
    // The `feed` package writes entry titles and summaries as `type="html"`: they are given as
    // HTML escaped from the text, so a reader shows `<img onerror=…>` in metadata as those characters.
    feed.addItem({
      id: tag(t.published, transcriptPath(t.slug)),
      title: escapeHtml(t.title),
      link: link(transcriptPath(t.slug)),
      date: day(t.updated),
      // When it was said, where the source says; else when this archive first published it.
      published: day(t.date ?? t.published),
      description: escapeHtml(entryDescription(t)),
    });
  }
  const xml = feed.atom1();
  return input.site ? xml : xml.replaceAll(PLACEHOLDER, '');
}
