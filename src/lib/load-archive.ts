/**
 * Loads the collections once per build and derives the index every page
 * shares, from the transcripts' outlines (the content loader hands them over;
 * see `outline-store-fs.ts`). Pages that show a transcript's text read its
 * whole record with {@link wholeTranscript}, once per build. Astro's
 * `getCollection()` order is not deterministic; the index sorts explicitly.
 */
import { getCollection } from 'astro:content';
import { join } from 'node:path';
import type { Transcript } from '../../scripts/core/schema.ts';
import { type ArchiveIndex, buildIndex } from './archive-index.ts';
import { CONTENT_DIR } from './content-dir.ts';
import { readTranscript } from './mdx-record-loader-fs.ts';
import { withResolvedMedia } from './media.ts';
import { takeOutlines } from './outline-store-fs.ts';
import { outlineOf } from './transcript-outline.ts';

const FOLDER = join(CONTENT_DIR, 'transcripts');

let cached: Promise<ArchiveIndex> | undefined;

export function loadArchive(): Promise<ArchiveIndex> {
  cached ??= (async () => {
    const [transcripts, speakers, topics] = await Promise.all([
      getCollection('transcripts'),
      getCollection('speakers'),
      getCollection('topics'),
    ]);
    const ids = transcripts.map((e) => e.id);
    // Without the loader's outlines (a loader run elsewhere), they are made from the records.
    const outlines =
      takeOutlines(FOLDER, ids) ?? (await Promise.all(ids.map(async (id) => outlineOf(await wholeTranscript(id)))));
    return buildIndex(
      outlines.map(withResolvedMedia),
      speakers.map((e) => e.data),
      topics.map((e) => e.data),
    );
  })();
  return cached;
}

const wholes = new Map<string, Promise<Transcript>>();

/** A transcript's whole record, turns and text included, with its recording's address resolved. */
export function wholeTranscript(slug: string): Promise<Transcript> {
  let whole = wholes.get(slug);
  if (!whole) {
    whole = readTranscript(FOLDER, slug).then(withResolvedMedia);
    wholes.set(slug, whole);
  }
  return whole;
}
