/** Every turn of the archive as one CSV, streamed a transcript at a time. */
import type { APIRoute } from 'astro';
import { toCsv, turnRows } from '../../scripts/core/to-data.ts';
import { loadArchive } from '../lib/load-archive.ts';
import { streamedResponse } from '../lib/streamed-response.ts';

export const GET: APIRoute = async () => {
  const archive = await loadArchive();
  function* parts(): Generator<string> {
    yield toCsv([]);
    for (const t of archive.transcripts) {
      const rows = turnRows(t, archive.speakers);
      if (rows.length > 0) yield toCsv(rows, { header: false });
    }
  }
  return streamedResponse(parts(), 'text/csv; charset=utf-8');
};
