/**
 * Parser for SRT subtitles (`.srt`):
 *
 *     1
 *     00:00:01,000 --> 00:00:04,000
 *     JOHN: Good morning, and welcome.
 *
 *     2
 *     00:00:04,000 --> 00:00:06,500
 *     - MARY: Thank you.
 *
 * Cue indexes (optional) and timing lines are not text. Speakers come from
 * `NAME:` prefixes; a cue without one continues the speaker before it, and a
 * dialogue dash without a name is a change to an unknown speaker (see
 * `cues.ts`). HTML-ish markup (`<i>`, `<font …>`) is stripped with its text kept.
 */
import { parseCues } from './cues.ts';
import type { ParsedDocument } from './types.ts';

/**
 * Parses SRT text into turns. Consecutive cues of one speaker make one turn,
 * whose `line` is its first cue's timing line and `start` that cue's start in
 * seconds; the cues' text runs on in one paragraph, and a pause of more than
 * two seconds starts a new one, on the line of the cue text it starts with.
 * Text before any speaker gets the label `''`. Pure; never throws: stray text
 * and unreadable timings are reported as `subtitle-quirk` warnings, and
 * the text is kept.
 */
export function parseSrt(text: string, file: string): ParsedDocument {
  return parseCues(text, file, { format: 'srt' });
}
