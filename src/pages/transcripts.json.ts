/** The manifest of every transcript: `/transcripts.json`. */
import type { APIRoute } from 'astro';
import { TWIN_SCHEMA_VERSION, transcriptToManifestEntry } from '../../scripts/core/to-twin.ts';
import { loadArchive } from '../lib/load-archive.ts';

export const GET: APIRoute = async () => {
  const archive = await loadArchive();
  const body = { schemaVersion: TWIN_SCHEMA_VERSION, transcripts: archive.transcripts.map(transcriptToManifestEntry) };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
