/**
 * Metadata that a transcript carries itself (Markdown front matter) is read
 * leniently: archives put many fields there (`transcript_by`, `categories`,
 * `aliases`…), so only the fields the archive knows are taken, by their
 * common names, and a bad value drops that one field with a warning instead
 * of refusing the transcript. A sidecar metadata file is strict and wins.
 */
import { type Problem, problem } from './problems.ts';
import { type TranscriptMeta, TranscriptMetaSchema } from './schema.ts';

/** Front-matter names for each metadata field, first found wins. */
const FIELDS: Record<keyof TranscriptMeta, readonly string[]> = {
  title: ['title'],
  date: ['date'],
  event: ['event', 'conference'],
  location: ['location', 'place'],
  source: ['source', 'source_url', 'url', 'source_file'],
  language: ['language', 'lang'],
  slug: ['slug'],
  summary: ['summary', 'description'],
  transcriber: ['transcript_by', 'transcribed_by', 'transcriber'],
  media: ['media', 'audio', 'video'],
  speakers: ['speakers', 'speaker'],
  tags: ['tags', 'topics'],
  format: ['format'],
};

export function frontMatterToMeta(
  raw: Record<string, unknown>,
  file: string,
): { meta: TranscriptMeta; problems: Problem[] } {
  const meta: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const [field, names] of Object.entries(FIELDS) as [keyof TranscriptMeta, readonly string[]][]) {
    const name = names.find((n) => raw[n] !== undefined && raw[n] !== null && raw[n] !== '');
    if (name === undefined) continue;
    let value = raw[name];
    if ((field === 'speakers' || field === 'tags') && typeof value === 'string') value = [value];
    if (value instanceof Date) value = value.toISOString().slice(0, 10);
    const single = TranscriptMetaSchema.safeParse({ [field]: value });
    if (single.success) meta[field] = (single.data as Record<string, unknown>)[field];
    else
      problems.push(
        problem(
          'invalid-front-matter',
          file,
          `front matter \`${name}\`: ${single.error.issues[0]?.message ?? 'invalid value'}`,
          1,
        ),
      );
  }
  return { meta: meta as TranscriptMeta, problems };
}

/** `talk.zh.md` → `zh`: the language tag many multilingual archives put in file names. */
export function languageFromFileName(file: string): string | undefined {
  return /\.([a-z]{2}(?:-[A-Za-z]{2,4})?)\.[a-z]+$/.exec(file)?.[1];
}
