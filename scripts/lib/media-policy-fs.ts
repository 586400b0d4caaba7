/**
 * The host's header file (`_headers`, from `public/`) with the archive's
 * recording origins in its Content-Security-Policy. A browser enforces the
 * header's policy and the page's `<meta>` policy both, so the header allows
 * every origin the archive plays from, and each page's own policy narrows it
 * to that page's recording (scripts/core/csp.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { headerPolicy } from '../core/csp.ts';
import { playerSources } from '../core/urls.ts';
import { writeAtomic } from './build-cache-fs.ts';

/** Rewrites `<site>/_headers` from the media of `<site>/transcripts.json`; returns the origins it allowed. */
export async function writeMediaPolicy(site: string): Promise<string[]> {
  const file = join(site, '_headers');
  const headers = await readFile(file, 'utf8').catch(() => undefined);
  const manifest = await readFile(join(site, 'transcripts.json'), 'utf8').catch(() => undefined);
  if (headers === undefined || manifest === undefined) return [];
  const { transcripts } = JSON.parse(manifest) as { transcripts: { media?: string | null }[] };
  const sources = [...new Set(transcripts.flatMap((t) => playerSources(t.media)))].sort();
  if (sources.length === 0) return [];
  const policy = headerPolicy(sources);
  const next = headers.replace(/^(\s+Content-Security-Policy: ).*$/m, (_, lead: string) => `${lead}${policy}`);
  if (next === headers) return sources;
  // Astro may have linked this file from the last build: replace it, never write through the link.
  await writeAtomic(file, next);
  return sources;
}
