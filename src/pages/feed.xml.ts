/** The archive's Atom feed: transcripts as they are published and corrected. */
import type { APIRoute } from 'astro';
import { feedResponse } from '../lib/feed-response.ts';
import { ARCHIVE_NAME } from '../lib/format.ts';
import { loadArchive } from '../lib/load-archive.ts';

export const GET: APIRoute = async ({ site }) =>
  feedResponse(ARCHIVE_NAME, '/', site, (await loadArchive()).transcripts);
