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

const PLAIN_WORD = /^[A-Za-z0-9]+$/;

/** Folds a name for matching: case, accents, punctuation and spacing do not matter (`Mr. Qi` = `mr qi`). */
export function foldName(name: string): string {
  // Most words are plain ASCII letters and digits: lower case is all they need (a word per token on long texts).
  if (PLAIN_WORD.test(name)) return name.toLowerCase();
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The slug of a speaker's or topic's name. Distinct names keep distinct slugs:
 * - symbols that make a name are spelled out (`C++` → `c-plus-plus`,
 *   `C#` → `c-sharp`), so `C`, `C++` and `C#` are three topics;
 * - a name with letters outside the Latin script (`王毅`, `汪毅`, a Cyrillic
 *   `і` in `Qі Yanjun`) ends in six hex digits of a hash of the name as
 *   written: transliteration gives `王毅` and `汪毅` both `wang-yi`, and
 *   `Qі Yanjun` would pass for `Qi Yanjun`;
 * - a name that leaves nothing after transliteration (only punctuation, `…:`,
 *   or a script the transliterator does not know, `ꓐ`) gets `name-` and eight
 *   hex digits of the hash.
 * Every slug is the same on every build.
 */
export function nameSlug(name: string): string {
  let slug = nameSlugs.get(name);
  if (slug === undefined) {
    const base = toSlug(name.replace(/\+/g, ' plus ').replace(/#/g, ' sharp '));
    slug =
      base === ''
        ? `name-${fnv1a(name)}`
        : nonLatin(name)
          ? `${base}-${fnv1a(name.normalize('NFC')).slice(0, 6)}`
          : base;
    nameSlugs.set(name, slug);
  }
  return slug;
}

/** Each name's slug, made once: every transcript's tags are slugged on every ingest, and transliteration is slow. */
const nameSlugs = new Map<string, string>();

/** Whether a name has a letter outside the Latin script. */
export function nonLatin(name: string): boolean {
  return /(?=\p{L})\P{Script=Latin}/u.test(name);
}

/**
 * The scripts a name's letters come from, when there is more than one and one
 * is Latin: `Qі Yanjun` (Latin and Cyrillic) looks like a Latin name and is
 * not. Names wholly in one script, or CJK with Latin initials, are not flagged.
 */
export function mixedScripts(name: string): string[] {
  const scripts = new Set<string>();
  for (const ch of name.match(/\p{L}/gu) ?? []) {
    const script = SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? 'other';
    scripts.add(script);
  }
  return scripts.has('Latin') && (scripts.has('Cyrillic') || scripts.has('Greek')) ? [...scripts].sort() : [];
}

const SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
];

/** FNV-1a, 32 bits, over UTF-16 code units, as eight hex digits. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
