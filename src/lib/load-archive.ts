/**
 * Loads the collections once per build and derives the index every page
 * shares. Astro's `getCollection()` order is not deterministic; the index
 * sorts explicitly.
 */
import { getCollection } from 'astro:content';
import { type ArchiveIndex, buildIndex } from './archive-index.ts';

let cached: Promise<ArchiveIndex> | undefined;

export function loadArchive(): Promise<ArchiveIndex> {
  cached ??= (async () => {
    const [transcripts, speakers, topics] = await Promise.all([
      getCollection('transcripts'),
      getCollection('speakers'),
      getCollection('topics'),
    ]);
    return buildIndex(
      transcripts.map((e) => e.data),
      speakers.map((e) => e.data),
      topics.map((e) => e.data),
    );
  })();
  return cached;
}
