/**
 * Parser for WebVTT subtitles (`.vtt`), one of the shapes speech-to-text
 * tools and video platforms export:
 *
 *     WEBVTT
 *
 *     NOTE written by hand
 *
 *     00:00:01.000 --> 00:00:04.000
 *     <v Anna Berg>Good morning, and welcome.
 *
 *     intro-2
 *     00:04.000 --> 00:06.500
 *     <v.loud Ben Olsen>Thank you.</v>
 *
 * The `WEBVTT` header and `NOTE`, `STYLE` and `REGION` blocks are skipped;
 * cue identifiers and timing lines are not text. Speakers come from voice
 * tags, else from `NAME:` prefixes and dialogue dashes (see `cues.ts`).
 * Other markup is stripped with its text kept, and entities are decoded.
 */

import { problem } from '../problems.ts';
import type { SourceLine } from '../text.ts';
import { isTimingLine, parseCues } from './cues.ts';
import type { ParsedDocument } from './types.ts';

const SIGNATURE = /^\uFEFF?WEBVTT(?:[ \t]|$)/;
const SKIPPED_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;

/**
 * Parses WebVTT text into turns. Consecutive cues of one speaker make one
 * turn, whose `line` is its first cue's timing line and `start` that cue's
 * start in seconds; the cues' text runs on in one paragraph, and a pause of
 * more than two seconds starts a new one, on the line of the cue text it
 * starts with. Text without a speaker gets the label `''`. Pure; never
 * throws: a missing `WEBVTT` signature, stray text and unreadable timings are
 * reported as `subtitle-quirk` warnings, and the text is kept.
 */
export function parseWebvtt(text: string, file: string): ParsedDocument {
  const doc = parseCues(text, file, { format: 'webvtt', skipLines });
  const first = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  if (text.trim() !== '' && !SIGNATURE.test(first)) {
    doc.problems.unshift(problem('subtitle-quirk', file, 'the file does not start with `WEBVTT`', 1));
  }
  return doc;
}

/** The header (the signature block, up to its first timing line if a blank line is missing), and NOTE, STYLE, REGION blocks. */
function skipLines(block: readonly SourceLine[], index: number): number {
  const first = block[0]?.text ?? '';
  if (index === 0 && SIGNATURE.test(first)) {
    const timing = block.findIndex((l) => isTimingLine(l.text));
    return timing === -1 ? block.length : timing;
  }
  return SKIPPED_BLOCK.test(first) ? block.length : 0;
}
