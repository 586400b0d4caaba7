/**
 * Slug rules, the same for transcripts, speakers and topics:
 * 1. transliterate to ASCII (`Ségolène` → `segolene`, `王毅` → `wang-yi`);
 * 2. lower-case; every run of anything but `a-z0-9` becomes one hyphen;
 * 3. no hyphen at either end.
 * A transcript's slug is its metadata `slug`, else its file path (see {@link fileSlug}).
 * A slug is a pure function of its text, so rebuilding the same input gives
 * the same URLs.
 */
import { slugify as transliterate } from 'transliteration';

export function toSlug(text: string): string {
  return transliterate(text, { lowercase: true, separator: '-', trim: true })
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The slug of a file: its path inside the seeds folder without the extension,
 * folders included (`2024/04/kernel.md` → `2024-04-kernel`), because archives
 * organised in folders reuse file names.
 */
export function fileSlug(path: string): string {
  return toSlug(path.replace(/\.[^./\\]+$/, '').replace(/[\\/]/g, ' '));
}

/** Folds a name for matching: case, accents, punctuation and spacing do not matter (`Mr. Qi` = `mr qi`). */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
