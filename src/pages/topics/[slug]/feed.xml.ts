/** A topic's Atom feed: transcripts filed under it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedKey } from '../../../../scripts/core/to-feed.ts';
import { feedResponse } from '../../../lib/feed-response.ts';
import { loadArchive } from '../../../lib/load-archive.ts';

export const getStaticPaths = (async () => {
  const archive = await loadArchive();
  return [...archive.topics.values()].map((t) => ({
    params: { slug: t.slug },
    props: { name: t.name },
    // Copied from the last build while the transcripts it lists are unchanged.
    cacheKey: feedKey(t.name, archive.transcriptsByTopic.get(t.slug) ?? []),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string }, { slug: string }> = async ({ params, props, site }) =>
  feedResponse(
    props.name,
    `/topics/${params.slug}/`,
    site,
    (await loadArchive()).transcriptsByTopic.get(params.slug) ?? [],
  );
