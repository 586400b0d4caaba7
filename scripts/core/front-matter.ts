/**
 * Metadata that a transcript carries itself (Markdown front matter) is read
 * leniently: archives put many fields there (`transcript_by`, `categories`,
 * `aliases`…), so only the fields the archive knows are taken, by their
 * common names, and a bad value drops that one field with a warning instead
 * of refusing the transcript. A sidecar metadata file is strict and wins.
 */
import { distance } from 'fastest-levenshtein';
import { closestKey } from './parse-yaml.ts';
import { type Problem, problem } from './problems.ts';
import { type TranscriptMeta, TranscriptMetaSchema } from './schema.ts';

/** Front-matter names for each metadata field, first found wins. */
export const FIELDS: Record<keyof TranscriptMeta, readonly string[]> = {
  title: ['title'],
  date: ['date'],
  show: ['show', 'podcast', 'series'],
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
  translationOf: ['translationOf', 'translation_of'],
  original: ['original'],
  translator: ['translator', 'translation_by', 'translated_by'],
  prevails: ['prevails'],
};

/**
 * @param lines the line of each key in the file, for the problems; line 1 when not given.
 */
export function frontMatterToMeta(
  raw: Record<string, unknown>,
  file: string,
  lines: Readonly<Record<string, number>> = {},
): { meta: TranscriptMeta; problems: Problem[] } {
  const meta: Record<string, unknown> = {};
  const problems: Problem[] = [];
  // Archives keep many keys of their own here; only a near miss of a known one (`langauge`) is worth a word.
  const names = new Set(Object.values(FIELDS).flat());
  for (const key of Object.keys(raw)) {
    if (names.has(key)) continue;
    const near = closestKey(key, Object.keys(FIELDS), FIELDS);
    if (near && closeSlip(key, near as keyof TranscriptMeta)) {
      problems.push(
        problem(
          'invalid-front-matter',
          file,
          `front matter: unknown key \`${key}\`: did you mean \`${near}\`?`,
          lines[key] ?? 1,
        ),
      );
    }
  }
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
          lines[name] ?? 1,
        ),
      );
  }
  return { meta: meta as TranscriptMeta, problems };
}

/** The front matter block at the top of a text (fences included), or '' when it has none. */
export function frontMatterBlock(text: string): string {
  return /^\uFEFF?---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text)?.[0] ?? '';
}

/**
 * The line of each top-level key of a file's front matter (`key:` at the
 * start of a line between the opening `---` and the closing one).
 */
export function frontMatterLines(text: string): Record<string, number> {
  const lines: Record<string, number> = {};
  const all = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (all[0]?.trim() !== '---') return lines;
  for (let i = 1; i < all.length; i++) {
    const line = all[i] ?? '';
    if (line.trim() === '---' || line.trim() === '...') break;
    const key = /^([^\s#:'"][^:]*?)\s*:(?:\s|$)/.exec(line)?.[1];
    if (key !== undefined && lines[key] === undefined) lines[key] = i + 1;
  }
  return lines;
}

/**
 * A slip rather than a key of the archive's own: a known name written another
 * way (`sourceUrl` for `source_url`), or one edit away (two in a key of six letters or more).
 */
function closeSlip(key: string, known: keyof TranscriptMeta): boolean {
  const fold = (k: string) => k.toLowerCase().replace(/[-_\s]/g, '');
  const names = FIELDS[known].map(fold);
  const slips = fold(key).length >= 6 ? 2 : fold(key).length >= 4 ? 1 : 0;
  return names.includes(fold(key)) || names.some((n) => distance(fold(key), n) <= slips);
}

/** `talk.zh.md` → `zh`: the language tag many multilingual archives put in file names. */
export function languageFromFileName(file: string): string | undefined {
  return /\.([a-z]{2}(?:-[A-Za-z]{2,4})?)\.[a-z]+$/.exec(file)?.[1];
}
