/**
 * Loads the collections once per build and derives the index every page
 * shares. The transcripts collection holds cards; their whole records (the
 * turns) are read here from the files, once per build. Astro's
 * `getCollection()` order is not deterministic; the index sorts explicitly.
 */
import { getCollection } from 'astro:content';
import { join } from 'node:path';
import { type ArchiveIndex, buildIndex } from './archive-index.ts';
import { CONTENT_DIR } from './content-dir.ts';
import { readTranscript } from './mdx-record-loader-fs.ts';
import { withResolvedMedia } from './media.ts';

let cached: Promise<ArchiveIndex> | undefined;

export function loadArchive(): Promise<ArchiveIndex> {
  cached ??= (async () => {
    const [transcripts, speakers, topics] = await Promise.all([
      getCollection('transcripts'),
      getCollection('speakers'),
      getCollection('topics'),
    ]);
    const folder = join(CONTENT_DIR, 'transcripts');
    return buildIndex(
      (await Promise.all(transcripts.map((e) => readTranscript(folder, e.id)))).map(withResolvedMedia),
      speakers.map((e) => e.data),
      topics.map((e) => e.data),
    );
  })();
  return cached;
}
