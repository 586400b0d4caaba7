/**
 * Pieces of spoken Markdown near the edges of the shortcut that skips
 * micromark (`scripts/core/render-paragraph.ts`): escaped brackets around an
 * annotation, `!` before and not before `[`, `&` in and out of a character
 * reference. The property tests join them with other characters at random.
 */
export const SHORTCUT_EDGES = ['\\[laughs\\]', '\\[', '\\]', 'Wow!', '![', '&amp;', '&#39;', '& '];
