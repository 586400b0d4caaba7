/** Each transcript's turns as CSV: `/transcripts/<slug>.csv`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Transcript } from '../../../scripts/core/schema.ts';
import { toCsv, turnRows } from '../../../scripts/core/to-data.ts';
import { loadArchive } from '../../lib/load-archive.ts';
import { twinPaths } from '../../lib/twin-paths.ts';

export const getStaticPaths = twinPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ t: Transcript }> = async ({ props }) => {
  const archive = await loadArchive();
  return new Response(toCsv(turnRows(props.t, archive.speakers)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
