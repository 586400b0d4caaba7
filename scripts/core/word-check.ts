/**
 * The every-word guarantee, as a check: each word of a source file's text
 * must reach the transcript (a turn, a label, a section title, the preamble,
 * a credit or a note). Front matter is metadata, timestamps are shown as
 * turn times, and a link's destination is where it goes (a Markdown heading is
 * kept as the text a reader sees), so none of these counts. Returns the words that went missing.
 */

import { frontMatterBlock } from './front-matter.ts';
import { stripBidiControls } from './metadata-shapes.ts';
import type { Transcript } from './schema.ts';
import { wordsOf } from './text.ts';

const CLOCK = /\b\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\b/g;

/** A Markdown link's destination, `](https://…)`: where the link goes, not words a reader reads. */
const LINK_DESTINATION = /\]\([^()\s]*(?:\s+"[^"]*")?\)/g;

function bag(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  // Bidi controls are invisible formatting, removed from labels: a word they split is one word.
  for (const w of wordsOf(stripBidiControls(text).replace(CLOCK, ' ').replace(LINK_DESTINATION, '] ')))
    counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1);
  return counts;
}

/** The body of a text transcript: front matter removed. */
export function sourceBody(text: string): string {
  return text.slice(frontMatterBlock(text).length);
}

export function lostWords(source: string, t: Transcript): string[] {
  const kept = [
    ...t.preamble,
    ...t.turns.flatMap((turn) => [turn.label, ...turn.paragraphs]),
    ...t.sections.map((s) => s.title),
    ...t.credits,
    ...t.notes,
  ].join('\n');
  const have = bag(kept);
  const lost: string[] = [];
  for (const [word, n] of bag(sourceBody(source))) {
    const missing = n - (have.get(word) ?? 0);
    for (let i = 0; i < missing; i++) lost.push(word);
  }
  return lost;
}
