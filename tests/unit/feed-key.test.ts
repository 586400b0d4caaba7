/**
 * A feed's cache key for the incremental build: it changes whenever the feed
 * would, and not when a transcript the feed does not list changes.
 */
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../../scripts/core/schema.ts';
import { feedKey, transcriptsFeed } from '../../scripts/core/to-feed.ts';

const transcript = (i: number, extra: Partial<Transcript> = {}): Transcript =>
  ({
    slug: `t-${i}`,
    title: `Briefing ${i}`,
    date: '2024-05-01',
    published: '2024-05-02',
    updated: `2024-06-${String((i % 28) + 1).padStart(2, '0')}`,
    turns: [],
    words: 100 + i,
    ...extra,
  }) as unknown as Transcript;

const feed = (ts: Transcript[]) =>
  transcriptsFeed({ title: 'Topic', path: '/topics/x/', feedPath: '/topics/x/feed.xml', transcripts: ts });

describe('feed key', () => {
  const all = Array.from({ length: 60 }, (_, i) => transcript(i));

  it('changes with what the feed shows', () => {
    const retitled = all.map((t, i) => (i === 27 ? { ...t, title: 'Renamed' } : t));
    expect(feed(retitled)).not.toBe(feed(all));
    expect(feedKey('Topic', retitled)).not.toBe(feedKey('Topic', all));
    expect(feedKey('Renamed topic', all)).not.toBe(feedKey('Topic', all));
  });

  it('stays when only a transcript the feed leaves out changes', () => {
    // The feed lists the 50 last updated of 60: t-0, updated on the 1st, is among the ten it leaves out.
    const oldest = all.map((t, i) => (i === 0 ? { ...t, words: 999 } : t));
    expect(feed(oldest)).toBe(feed(all));
    expect(feedKey('Topic', oldest)).toBe(feedKey('Topic', all));
  });
});
