/**
 * The content collections the ingest writes (`content/` by default, or the
 * folder the build script passes in ARCHIVE_CONTENT_DIR), validated with the
 * very schemas the ingest used to write them.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { PermalinkRecordSchema, RetiredPageSchema, retiredPages } from '../scripts/core/permalinks/record.ts';
import { SpeakerSchema, TopicSchema, TranscriptSchema } from '../scripts/core/schema.ts';

const base = process.env['ARCHIVE_CONTENT_DIR'] ?? './content';

export const collections = {
  transcripts: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${base}/transcripts` }),
    schema: TranscriptSchema,
  }),
  speakers: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${base}/speakers` }),
    schema: SpeakerSchema,
  }),
  topics: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${base}/topics` }),
    schema: TopicSchema,
  }),
  /** Pages published once and no longer live: tombstones and redirects, from the permalink record. */
  retired: defineCollection({
    loader: file(`${base}/permalinks.json`, {
      parser: (text) => retiredPages(PermalinkRecordSchema.parse(JSON.parse(text))),
    }),
    schema: RetiredPageSchema,
  }),
};
