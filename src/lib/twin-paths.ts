/**
 * The static paths of a transcript's twins (`.json`, `.txt`, `.csv`): one per
 * transcript this build makes (all, or one part's), each with the cache key
 * Astro's incremental build uses to copy an unchanged twin from the last build.
 */
import { getCollection } from 'astro:content';
import type { Transcript } from '../../scripts/core/schema.ts';
import { pageKey, transcriptOf } from './archive-index.ts';
import { loadArchive } from './load-archive.ts';
import { buildsTranscript } from './page-part.ts';

export async function twinPaths(): Promise<{ params: { slug: string }; props: { t: Transcript }; cacheKey: string }[]> {
  const archive = await loadArchive();
  const entries = await getCollection('transcripts');
  return entries
    .filter((entry) => buildsTranscript(entry.data.slug))
    .map((entry) => ({
      params: { slug: entry.data.slug },
      props: { t: transcriptOf(archive, entry.data.slug) },
      cacheKey: pageKey(archive, entry.data, String(entry.digest ?? ''), false),
    }));
}
