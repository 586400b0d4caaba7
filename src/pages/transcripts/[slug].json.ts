/** The machine-readable twin of each transcript: `/transcripts/<slug>.json`. */

import type { APIRoute, GetStaticPaths } from 'astro';
import type { Transcript } from '../../../scripts/core/schema.ts';
import { transcriptToTwin } from '../../../scripts/core/to-twin.ts';
import { loadArchive } from '../../lib/load-archive.ts';
import { twinPaths } from '../../lib/twin-paths.ts';

export const getStaticPaths = twinPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ t: Transcript }> = async ({ props }) => {
  const archive = await loadArchive();
  return new Response(`${JSON.stringify(transcriptToTwin(props.t, archive.speakers, archive.topics), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
