/**
 * Slug rules, the same for transcripts, speakers and topics:
 * 1. transliterate to ASCII (`Ségolène` → `segolene`, `王毅` → `wang-yi`);
 * 2. lower-case; every run of anything but `a-z0-9` becomes one hyphen;
 * 3. no hyphen at either end.
 * A slug is a pure function of its text, so rebuilding the same input gives
 * the same URLs.
 */
import { slugify as transliterate } from 'transliteration';

export function toSlug(text: string): string {
  return transliterate(text, { lowercase: true, separator: '-', trim: true })
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The slug of a file path: its name without folders and extension. */
export function fileSlug(path: string): string {
  const name = path.split(/[\\/]/).at(-1) ?? path;
  return toSlug(name.replace(/\.[^.]+$/, ''));
}
