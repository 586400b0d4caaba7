/**
 * Pieces of spoken Markdown near the edges of the shortcut that skips
 * micromark (`scripts/core/render-paragraph.ts`): escaped brackets around an
 * annotation, brackets that make a link or a definition and brackets that
 * make none, `!` before and not before `[`, `&` in and out of a character
 * reference, dollars that make inline TeX and dollars that make none, a line
 * break between lines that may each be plain. The property tests join them
 * with other characters at random.
 */
export const SHORTCUT_EDGES = [
  '\\[laughs\\]',
  '\\[',
  '\\]',
  '[laughs]',
  '[1]',
  '](',
  ']: ',
  '[a](https://e.example)',
  'Wow!',
  '![',
  '&amp;',
  '&#39;',
  '& ',
  '$5',
  '$x$',
  ' $1,000 ',
  'word\nword',
  '.\nSo',
];
