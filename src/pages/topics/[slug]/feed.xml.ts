/** A topic's Atom feed: transcripts filed under it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../lib/feed-response.ts';
import { loadArchive } from '../../../lib/load-archive.ts';

export const getStaticPaths = (async () =>
  [...(await loadArchive()).topics.values()].map((t) => ({
    params: { slug: t.slug },
    props: { name: t.name },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string }, { slug: string }> = async ({ params, props, site }) =>
  feedResponse(
    props.name,
    `/topics/${params.slug}/`,
    site,
    (await loadArchive()).transcriptsByTopic.get(params.slug) ?? [],
  );
