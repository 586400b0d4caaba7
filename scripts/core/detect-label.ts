/**
 * Decides whether a line standing alone is a speaker label (`Qi Yanjun:`,
 * `China Central Television (CCTV):`) or an ordinary line that happens to end
 * with a colon (`Moving forward, … will focus on these four areas:`).
 *
 * The rules look at the shape of the line, never at a list of known names:
 * - it ends with a colon (ASCII `:`, full-width `：` or `︰`);
 * - the label is short: at most {@link MAX_LABEL_CHARS} characters and
 *   {@link MAX_LABEL_WORDS} words, not counting a trailing `(ACRONYM)`, and in
 *   scripts without spaces at most {@link MAX_UNSPACED_LABEL_CHARS} characters;
 * - it has no sentence punctuation inside (`, ; ! ? "`), and a period only
 *   after a title (`Mr.`, `Dr.`) or an initial (`J.`);
 * - it is name-shaped: every word starts with a capital letter, is a digit
 *   run (`Speaker 2`), a script without case (Chinese), or a lower-case name
 *   particle (`of`, `van`, `de`) that is not the first word.
 * Whether the label is followed by text is the parser's business: it sees
 * the following lines.
 */

export const MAX_LABEL_CHARS = 60;
/** Names in scripts written without spaces (Chinese, Japanese) are short: `王毅`, `外交部发言人汪文斌`. */
export const MAX_UNSPACED_LABEL_CHARS = 12;
export const MAX_LABEL_WORDS = 7;

/** Lower-case words allowed inside a name: `Ministry of Foreign Affairs`, `Ursula von der Leyen`. */
const NAME_PARTICLES = new Set([
  'of',
  'the',
  'and',
  'for',
  'on',
  'in',
  'de',
  'da',
  'del',
  'della',
  'di',
  'do',
  'dos',
  'du',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'bin',
  'bint',
  'al',
  'el',
  'y',
  'e',
  '&',
]);

/** Titles and other abbreviations that carry a period inside a name. */
const ABBREVIATIONS = /^(?:mr|mrs|ms|mx|dr|prof|sr|jr|st|rev|hon|gen|col|capt|lt|sgt|amb|sen|rep|gov|pres)\.$/i;

const COLONS = /[:：︰]$/u;

export type LabelVerdict = { label: true; name: string } | { label: false; reason: string };

/** Classifies one line (already trimmed of surrounding white space by the caller or not). */
export function classifyLabelLine(line: string): LabelVerdict {
  const text = line.trim();
  if (!COLONS.test(text)) return { label: false, reason: 'does not end with a colon' };
  const name = text.slice(0, -1).trim();
  if (name.length === 0) return { label: false, reason: 'nothing before the colon' };
  if (name.length > MAX_LABEL_CHARS) return { label: false, reason: `longer than ${MAX_LABEL_CHARS} characters` };
  if (/[,;!?"“”:：]/u.test(name)) return { label: false, reason: 'has sentence punctuation inside' };

  // A trailing parenthesised short name, `(CCTV)`, is part of the label but not of its words.
  const core = name.replace(/\s*[（(][^()（）]{1,20}[)）]$/u, '').trim();
  if (core.length === 0) return { label: false, reason: 'only a parenthesis' };
  if (/[()（）]/u.test(core)) return { label: false, reason: 'has a parenthesis inside' };

  const words = core.split(/\s+/);
  if (words.some((w) => /^\p{Lo}{2,}$/u.test(w) && w.length > MAX_UNSPACED_LABEL_CHARS)) {
    return { label: false, reason: `longer than ${MAX_UNSPACED_LABEL_CHARS} characters without a space` };
  }
  if (words.length > MAX_LABEL_WORDS) return { label: false, reason: `more than ${MAX_LABEL_WORDS} words` };
  if (!words.some(startsName)) return { label: false, reason: 'no word is capitalised' };
  const first = words[0] ?? '';
  if (NAME_PARTICLES.has(first)) return { label: false, reason: `starts with the particle \`${first}\`` };
  for (const word of words) {
    const verdict = nameWord(word);
    if (verdict !== true) return { label: false, reason: verdict };
  }
  return { label: true, name };
}

/** A word that on its own marks a name: capitalised, or in a script without case. */
function startsName(word: string): boolean {
  return /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(word);
}

/** `true` when a word may stand in a name, otherwise why not. */
function nameWord(word: string): true | string {
  if (NAME_PARTICLES.has(word)) return true;
  if (/^\d+$/.test(word)) return true;
  if (word.includes('.')) {
    if (ABBREVIATIONS.test(word) || /^\p{Lu}\.$/u.test(word) || /^(?:\p{Lu}\.){2,}$/u.test(word)) return true;
    return `\`${word}\` has a period that is not an abbreviation`;
  }
  if (!startsName(word)) return `\`${word}\` is not capitalised`;
  if (!/^[\p{L}\p{M}\p{N}'’&-]+$/u.test(word)) return `\`${word}\` has characters names do not have`;
  return true;
}
