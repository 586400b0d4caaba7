/**
 * The content collections the ingest writes (`content/` by default, or the
 * folder the build script passes in ARCHIVE_CONTENT_DIR), validated with the
 * very schemas the ingest used to write them.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
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
};
