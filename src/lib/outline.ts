/**
 * "On this page" for a transcript: its sections when it has them, else its
 * exchanges (press conferences), else runs of turns ("Turns 1–40"), so a
 * long transcript always has landmarks to jump to. Also each participant's
 * first turn here. Pure: derived from the reading order.
 */
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

/** The outline of a transcript's reading order; empty when a single part would hold it all. */
export function outline(items: readonly Item[], nameOf: (speaker: string, label: string) => string): OutlineEntry[] {
  const headings = (kind: 'section' | 'exchange'): OutlineEntry[] => {
    const out: OutlineEntry[] = [];
    for (const item of items) {
      if (item.kind === 'section' && kind === 'section')
        out.push({ id: item.section.id, title: item.section.title, turns: 0 });
      else if (item.kind === 'exchange' && kind === 'exchange')
        out.push({ id: item.exchange.id, title: item.title, turns: 0 });
      else if (item.kind === 'turn' && out.length > 0) (out.at(-1) as OutlineEntry).turns++;
    }
    return out;
  };
  const sections = headings('section');
  if (sections.length > 1) return sections;
  const exchanges = headings('exchange');
  if (exchanges.length > 1) return exchanges;
  const turns = items.flatMap((item) => (item.kind === 'turn' ? [item.turn] : []));
  const size = runLength(turns.length);
  if (turns.length <= size) return [];
  const runs: OutlineEntry[] = [];
  for (let start = 0; start < turns.length; start += size) {
    const run = turns.slice(start, start + size);
    const words = new Map<string, number>();
    for (const turn of run) {
      const name = nameOf(turn.speaker, turn.label);
      words.set(name, (words.get(name) ?? 0) + turn.paragraphs.join(' ').split(/\s+/).length);
    }
    const speakers = [...words.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([name]) => name);
    const last = start + run.length;
    runs.push({
      id: run[0]?.id ?? '',
      title: run.length === 1 ? `Turn ${last}` : `Turns ${start + 1}–${last}`,
      speakers,
      turns: run.length,
    });
  }
  return runs;
}

/** Each participant's first turn on the page, by speaker slug. */
export function firstTurns(items: readonly Item[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const item of items)
    if (item.kind === 'turn' && !first.has(item.turn.speaker)) first.set(item.turn.speaker, item.turn.id);
  return first;
}
