/**
 * "On this page" for a transcript: its sections when it has them, else its
 * exchanges (press conferences), else runs of turns ("Turns 1–40"), so a
 * long transcript always has landmarks to jump to. A part too long to be a
 * landmark (the turns before the first heading, or a section of hundreds of
 * turns, as when a podcast's only sections are its breaks) is cut into runs
 * too. Also each participant's first turn here. Pure: derived from the
 * reading order.
 */
import type { Turn } from '../../scripts/core/schema.ts';
import type { Item } from './transcript-view.ts';

export interface OutlineEntry {
  /** The anchor to jump to: a section or exchange heading, or a run's first turn. */
  id: string;
  title: string;
  /** For a run of turns: who speaks in it, most words first (at most three names). */
  speakers?: string[];
  /** Turns in this part. */
  turns: number;
}

/** How many turns a run holds: about 25 runs however long the transcript, never fewer than 10 turns each. */
export function runLength(turns: number): number {
  return Math.max(10, Math.ceil(turns / 25));
}

type NameOf = (speaker: string, label: string) => string;

interface Part {
  heading?: OutlineEntry;
  /** Position of the part's first turn in the whole transcript, from 0. */
  first: number;
  turns: Pick<Turn, 'id' | 'speaker' | 'label' | 'paragraphs'>[];
}

/** The parts between headings of one kind, with the turns before the first heading as a part of its own. */
function parts(items: readonly Item[], kind: 'section' | 'exchange' | undefined): Part[] {
  const out: Part[] = [{ first: 0, turns: [] }];
  let count = 0;
  for (const item of items) {
    const heading =
      kind === 'section' && item.kind === 'section'
        ? { id: item.section.id, title: item.section.title }
        : kind === 'exchange' && item.kind === 'exchange'
          ? { id: item.exchange.id, title: item.title }
          : undefined;
    if (heading) out.push({ heading: { ...heading, turns: 0 }, first: count, turns: [] });
    else if (item.kind === 'turn') {
      const part = out.at(-1) as Part;
      part.turns.push(item.turn);
      if (part.heading) part.heading.turns++;
      count++;
    }
  }
  return out;
}

/** Whether a UTF-16 code unit is white space as `\s` matches it. */
const space = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0xa0 ||
  c === 0x1680 ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/**
 * The paragraphs' words, counted as `paragraphs.join(' ').split(/\s+/)` counts
 * them (runs of white space, plus one) without making them: the outline counts
 * every turn of every transcript.
 */
export function wordCount(paragraphs: readonly string[]): number {
  let runs = 0;
  let inSpace = false;
  paragraphs.forEach((paragraph, i) => {
    if (i > 0 && !inSpace) runs++;
    inSpace ||= i > 0;
    for (let k = 0; k < paragraph.length; k++) {
      const isSpace = space(paragraph.charCodeAt(k));
      if (isSpace && !inSpace) runs++;
      inSpace = isSpace;
    }
  });
  return runs + 1;
}

/** Consecutive runs of `size` turns, titled by their positions in the transcript and named by their main speakers. */
function runs(part: Part, size: number, nameOf: NameOf): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  for (let start = 0; start < part.turns.length; ) {
    // A tail shorter than half a run joins the run before it.
    const end = part.turns.length - (start + size) < size / 2 ? part.turns.length : start + size;
    const run = part.turns.slice(start, end);
    start = end;
    const words = new Map<string, number>();
    for (const turn of run) {
      const name = nameOf(turn.speaker, turn.label);
      words.set(name, (words.get(name) ?? 0) + wordCount(turn.paragraphs));
    }
    const speakers = [...words.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([name]) => name);
    const to = part.first + end;
    const from = to - run.length + 1;
    out.push({
      id: run[0]?.id ?? '',
      title: from === to ? `Turn ${to}` : `Turns ${from}–${to}`,
      speakers,
      turns: run.length,
    });
  }
  return out;
}

/** The outline of a transcript's reading order; empty when a single part would hold it all. */
export function outline(items: readonly Item[], nameOf: NameOf): OutlineEntry[] {
  const count = (kind: 'section' | 'exchange') => items.filter((item) => item.kind === kind).length;
  const kind = count('section') > 1 ? 'section' : count('exchange') > 1 ? 'exchange' : undefined;
  const all = parts(items, kind);
  const total = all.reduce((n, p) => n + p.turns.length, 0);
  const size = runLength(total);
  if (!kind && total <= size) return [];
  return all.flatMap((part) => {
    // A heading is a landmark for a part a reader can take in; a longer part gets runs beneath it.
    const long = part.turns.length > (part.heading ? 2 * size : size);
    return [...(part.heading ? [part.heading] : []), ...(long ? runs(part, size, nameOf) : [])];
  });
}

/** Each participant's first turn on the page, by speaker slug. */
export function firstTurns(items: readonly Item[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const item of items)
    if (item.kind === 'turn' && !first.has(item.turn.speaker)) first.set(item.turn.speaker, item.turn.id);
  return first;
}
