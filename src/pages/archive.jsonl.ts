/** The whole archive as JSON Lines: one JSON twin per line, newest first. */
import type { APIRoute } from 'astro';
import { transcriptToTwin } from '../../scripts/core/to-twin.ts';
import { loadArchive } from '../lib/load-archive.ts';

export const GET: APIRoute = async () => {
  const archive = await loadArchive();
  const lines = archive.transcripts.map((t) => JSON.stringify(transcriptToTwin(t, archive.speakers, archive.topics)));
  return new Response(lines.length > 0 ? `${lines.join('\n')}\n` : '', {
    headers: { 'Content-Type': 'application/jsonl; charset=utf-8' },
  });
};
