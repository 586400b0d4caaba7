/**
 * Which pages this build makes when the archive is built in parts on
 * several machines (`npm run build -- --part K/N`, passed in ARCHIVE_PART):
 * each part makes its own transcripts' pages and twins, and part 1 also the
 * pages about the whole archive (lists, speakers, topics). Without a part,
 * every page.
 */
import { inPart, type Part, parsePart } from '../../scripts/core/search-shards.ts';

const value = process.env['ARCHIVE_PART'];
const parsed = value === undefined ? undefined : parsePart(value);
const part: Part | undefined = parsed && !('error' in parsed) ? parsed : undefined;

/** Whether this build makes the page of the transcript `slug`. */
export function buildsTranscript(slug: string): boolean {
  return inPart(slug, part);
}

/** Whether this build makes the pages about the whole archive. */
export const buildsArchivePages: boolean = !part || part.index === 0;
