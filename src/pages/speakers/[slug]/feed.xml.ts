/** A speaker's Atom feed: transcripts in which they speak. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedKey } from '../../../../scripts/core/to-feed.ts';
import { feedResponse } from '../../../lib/feed-response.ts';
import { loadArchive } from '../../../lib/load-archive.ts';

export const getStaticPaths = (async () => {
  const archive = await loadArchive();
  return [...archive.speakers.values()].map((s) => ({
    params: { slug: s.slug },
    props: { name: s.name },
    // Copied from the last build while the transcripts it lists are unchanged.
    cacheKey: feedKey(s.name, archive.transcriptsBySpeaker.get(s.slug) ?? []),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string }, { slug: string }> = async ({ params, props, site }) =>
  feedResponse(
    props.name,
    `/speakers/${params.slug}/`,
    site,
    (await loadArchive()).transcriptsBySpeaker.get(params.slug) ?? [],
  );
