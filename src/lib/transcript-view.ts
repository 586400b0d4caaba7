/**
 * The reading order of a transcript page: section headings, exchange
 * headings and turns, each turn with its part in the press conference.
 * Pure: derived from the transcript record alone.
 */
import type { Exchange, Section, Speaker, Transcript, Turn } from '../../scripts/core/schema.ts';

export type TurnPart = 'question' | 'answer' | 'moderator' | 'statement';

export type Item =
  | { kind: 'section'; section: Section }
  | { kind: 'exchange'; exchange: Exchange; title: string }
  | { kind: 'turn'; turn: Turn; part: TurnPart };

/** "Question 2 · Reuters", "Opening statements", "Moderator", "Remarks". */
export function exchangeTitle(exchange: Exchange, number: number, askedBy: Speaker | undefined): string {
  if (exchange.kind === 'exchange') return `Question ${number}${askedBy ? ` · ${askedBy.name}` : ''}`;
  return { opening: 'Opening statements', moderator: 'Moderator', remarks: 'Remarks' }[exchange.kind];
}

export function readingOrder(t: Transcript, speakerOf: (slug: string) => Speaker | undefined): Item[] {
  const items: Item[] = [];
  const startsExchange = new Map(t.exchanges.map((e) => [e.turns[0], e]));
  const exchangeOf = new Map(t.exchanges.flatMap((e) => e.turns.map((id) => [id, e] as const)));
  let questions = 0;
  for (const turn of t.turns) {
    for (const section of t.sections.filter((s) => s.turn === turn.id)) items.push({ kind: 'section', section });
    const opens = startsExchange.get(turn.id);
    if (opens) {
      if (opens.kind === 'exchange') questions++;
      const askedBy = opens.askedBy ? speakerOf(opens.askedBy) : undefined;
      items.push({ kind: 'exchange', exchange: opens, title: exchangeTitle(opens, questions, askedBy) });
    }
    const exchange = exchangeOf.get(turn.id);
    const part: TurnPart =
      exchange?.question === turn.id
        ? 'question'
        : exchange?.kind === 'exchange'
          ? 'answer'
          : exchange?.kind === 'moderator'
            ? 'moderator'
            : 'statement';
    items.push({ kind: 'turn', turn, part });
  }
  for (const section of t.sections.filter((s) => s.turn === null)) items.push({ kind: 'section', section });
  return items;
}
