/**
 * The content collections the ingest writes (`content/` by default, or the
 * folder the build script passes in ARCHIVE_CONTENT_DIR), validated with the
 * very schemas the ingest writes them with. The MDX files are read as data
 * (see `src/lib/mdx-record-loader-fs.ts`), not compiled into modules.
 */
import { defineCollection } from 'astro:content';
import { RetiredPageSchema } from '../scripts/core/permalinks/record.ts';
import { SpeakerSchema, TopicSchema, TranscriptEntrySchema } from '../scripts/core/schema.ts';
import { CONTENT_DIR as base } from './lib/content-dir.ts';
import { mdxRecords } from './lib/mdx-record-loader-fs.ts';
import { retiredPagesLoader } from './lib/retired-loader-fs.ts';

export const collections = {
  /** Each transcript's slug and languages: pages read the rest from its outline or its file (`loadArchive`). */
  transcripts: defineCollection({
    loader: mdxRecords(`${base}/transcripts`, 'paragraphs', 'transcript-entry'),
    schema: TranscriptEntrySchema,
  }),
  /** A speaker's body is the registry's biography, in Markdown: rendered with micromark's safe defaults. */
  speakers: defineCollection({ loader: mdxRecords(`${base}/speakers`, 'markdown'), schema: SpeakerSchema }),
  topics: defineCollection({ loader: mdxRecords(`${base}/topics`), schema: TopicSchema }),
  /** Pages published once and no longer live: tombstones and redirects, from the permalink record. */
  retired: defineCollection({ loader: retiredPagesLoader(base), schema: RetiredPageSchema }),
};
