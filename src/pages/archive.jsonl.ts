/** The whole archive as JSON Lines: one JSON twin per line, newest first, streamed. */
import type { APIRoute } from 'astro';
import { transcriptToTwin } from '../../scripts/core/to-twin.ts';
import { loadArchive } from '../lib/load-archive.ts';
import { streamedResponse } from '../lib/streamed-response.ts';

export const GET: APIRoute = async () => {
  const archive = await loadArchive();
  function* lines(): Generator<string> {
    for (const t of archive.transcripts)
      yield `${JSON.stringify(transcriptToTwin(t, archive.speakers, archive.topics))}\n`;
  }
  return streamedResponse(lines(), 'application/jsonl; charset=utf-8');
};
