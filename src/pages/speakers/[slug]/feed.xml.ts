/** A speaker's Atom feed: transcripts in which they speak. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../lib/feed-response.ts';
import { loadArchive } from '../../../lib/load-archive.ts';

export const getStaticPaths = (async () =>
  [...(await loadArchive()).speakers.values()].map((s) => ({
    params: { slug: s.slug },
    props: { name: s.name },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string }, { slug: string }> = async ({ params, props, site }) =>
  feedResponse(
    props.name,
    `/speakers/${params.slug}/`,
    site,
    (await loadArchive()).transcriptsBySpeaker.get(params.slug) ?? [],
  );
