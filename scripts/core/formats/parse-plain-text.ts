/**
 * Plain-text transcripts, in either of the two shapes people type:
 *
 *     Qi Yanjun:                         THE PRESIDENT. Good afternoon.
 *     Thank you for your question. …     Q. Sir, will you …
 *                                        Anna Berg: I think so.
 *                                        Q    And on trade?
 *
 * A file without blank lines has one paragraph per line. A file that
 * separates paragraphs with blank lines joins hard-wrapped lines into one
 * paragraph, but a line that is or starts with a label (or is a timestamp
 * alone) still starts a block.
 * Which lines are labels is decided by `segment-turns.ts`.
 */
import { toLines } from '../text.ts';
import { type Block, lineOpening, segmentTurns, spacedGenericLabel } from './segment-turns.ts';
import { emptyDocument, type ParsedDocument } from './types.ts';

/** A line with its runs of white space made single, except the separator after a spaced label (kept as a tab). */
function squashLine(raw: string): string {
  const text = raw.trim();
  const squash = (t: string) => t.replace(/\s+/g, ' ');
  const spaced = spacedGenericLabel(text);
  return spaced ? `${spaced.name}\t${squash(spaced.rest)}` : squash(text);
}

export function textToBlocks(text: string, firstLine = 1): Block[] {
  const lines = toLines(text).map((l) => ({ text: squashLine(l.text), line: l.line + firstLine - 1 }));
  const first = lines.findIndex((l) => l.text !== '');
  const last = lines.findLastIndex((l) => l.text !== '');
  // Blank lines at the start or end (a final newline) say nothing about paragraphs.
  const blankSeparated = lines.slice(first, last + 1).some((l) => l.text === '');
  const blocks: Block[] = [];
  let open: Block | undefined;
  let afterLabel = false;
  for (const { text: t, line } of lines) {
    if (t === '') {
      open = undefined;
      continue;
    }
    const opening = lineOpening(t);
    const labelLike = opening === 'standalone';
    if (!blankSeparated || !open || opening !== undefined || afterLabel) {
      open = { text: t, line };
      blocks.push(open);
    } else {
      open.text = `${open.text} ${t}`;
    }
    afterLabel = labelLike;
  }
  return blocks;
}

export function parsePlainText(text: string): ParsedDocument {
  const { styles, ...segmented } = segmentTurns(textToBlocks(text));
  const format = styles.inline > styles.standalone ? 'inline-labels' : 'label-lines';
  return { ...emptyDocument(format), ...segmented };
}
