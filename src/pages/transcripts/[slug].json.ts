/** The machine-readable twin of each transcript: `/transcripts/<slug>.json`. */

import { getCollection } from 'astro:content';
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Transcript } from '../../../scripts/core/schema.ts';
import { transcriptToTwin } from '../../../scripts/core/to-twin.ts';
import { pageKey } from '../../lib/archive-index.ts';
import { loadArchive } from '../../lib/load-archive.ts';
import { buildsTranscript } from '../../lib/page-part.ts';

export const getStaticPaths = (async () => {
  const archive = await loadArchive();
  const entries = await getCollection('transcripts');
  return entries
    .filter((entry) => buildsTranscript(entry.data.slug))
    .map((entry) => ({
      params: { slug: entry.data.slug },
      props: { t: entry.data },
      cacheKey: pageKey(archive, entry.data, String(entry.digest ?? ''), false),
    }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ t: Transcript }> = async ({ props }) => {
  const archive = await loadArchive();
  return new Response(`${JSON.stringify(transcriptToTwin(props.t, archive.speakers, archive.topics), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
