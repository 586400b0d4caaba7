/**
 * The strict shapes of metadata values that reach a path, a URL, a feed or a
 * page's chrome: language tags, calendar dates, and display text (names,
 * titles). Pure functions; the zod schemas in `schema.ts` apply them, so the
 * ingest and the site refuse or clean the same values.
 */

/**
 * The longest language tag accepted: the 35 characters RFC 5646 (BCP 47,
 * section 4.4.1) asks every implementation to support. Pagefind names its
 * index files after the tag, and panicked on tags a little longer than this.
 */
export const MAX_LANGUAGE_TAG = 35;

/**
 * A language tag in its canonical BCP 47 form (`EN-us` → `en-US`, `zh_hans` →
 * `zh-Hans`: the POSIX `_` is read as `-`), or `undefined` when the value is
 * not a well-formed tag or is longer than {@link MAX_LANGUAGE_TAG}. The
 * result holds only letters, digits and hyphens, so it is safe in a file name.
 */
export function canonicalLanguage(value: string): string | undefined {
  const tag = value.trim().replace(/_/g, '-');
  if (tag === '' || tag.length > MAX_LANGUAGE_TAG || !/^[A-Za-z0-9-]+$/.test(tag)) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical && canonical.length <= MAX_LANGUAGE_TAG && /^[A-Za-z0-9-]+$/.test(canonical)
      ? canonical
      : undefined;
  } catch {
    return undefined;
  }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Whether `YYYY`, `YYYY-MM` or `YYYY-MM-DD` names a real day, month or year of
 * the Gregorian calendar, from year 1 to 9999: `2024-02-29` is one,
 * `2023-02-29`, `2024-13-45` and `0000-00-00` are not.
 */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  return day >= 1 && day <= days;
}

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069): in a name they reorder what is shown around it, so that
 * `\u202Enujnay iq` displays as another person's name.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Bidi marks (LRM, RLM, ALM) at either end of a name: inside, they only order neutral characters of the name itself. */
const BIDI_MARKS_AT_ENDS = /^[\s\u200E\u200F\u061C]+|[\s\u200E\u200F\u061C]+$/g;

/** A name or label without the bidi controls that could spoof its display (see {@link BIDI_CONTROLS}). */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(BIDI_MARKS_AT_ENDS, (end) => end.replace(/[^\s]/g, ''));
}

/**
 * Display text of one line (a name, a title, a place): bidi controls
 * removed, control characters (C0, DEL, C1: invalid in XML feeds, and
 * terminal escapes in messages) and line breaks made spaces, runs of white
 * space made one, trimmed.
 */
export function cleanLine(text: string): string {
  return stripBidiControls(text)
    .replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Display text of several lines (a summary, a biography): bidi controls
 * removed, control characters other than tab and line breaks removed,
 * trimmed.
 */
export function cleanText(text: string): string {
  return stripBidiControls(text)
    .replace(/[^\P{Cc}\t\n\r]/gu, '')
    .trim();
}

/** A value as a message shows it: in backticks, control characters escaped, cut at 60 characters. */
export function shownValue(value: string): string {
  const escaped = JSON.stringify(value)
    .slice(1, -1)
    .replace(
      /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
    );
  return `\`${escaped.length > 60 ? `${escaped.slice(0, 57)}…` : escaped}\``;
}
