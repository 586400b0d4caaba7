/** Every turn of the archive as one CSV. */
import type { APIRoute } from 'astro';
import { toCsv, turnRows } from '../../scripts/core/to-data.ts';
import { loadArchive } from '../lib/load-archive.ts';

export const GET: APIRoute = async () => {
  const archive = await loadArchive();
  return new Response(toCsv(archive.transcripts.flatMap((t) => turnRows(t, archive.speakers))), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
