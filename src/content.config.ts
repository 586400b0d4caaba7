/**
 * The content collections the ingest writes (`content/` by default, or the
 * folder the build script passes in ARCHIVE_CONTENT_DIR), validated with the
 * very schemas the ingest used to write them. The MDX files are read as data
 * (see `src/lib/mdx-record-loader-fs.ts`), not compiled into modules.
 */
import { defineCollection } from 'astro:content';
import { SpeakerSchema, TopicSchema, TranscriptSchema } from '../scripts/core/schema.ts';
import { mdxRecords } from './lib/mdx-record-loader-fs.ts';

const base = process.env['ARCHIVE_CONTENT_DIR'] ?? './content';

export const collections = {
  transcripts: defineCollection({ loader: mdxRecords(`${base}/transcripts`), schema: TranscriptSchema }),
  speakers: defineCollection({ loader: mdxRecords(`${base}/speakers`), schema: SpeakerSchema }),
  topics: defineCollection({ loader: mdxRecords(`${base}/topics`), schema: TopicSchema }),
};
