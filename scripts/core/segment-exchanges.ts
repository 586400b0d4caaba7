/**
 * Splits a press conference into its parts: opening statements, exchanges
 * (a question and the answers that follow it), moderator turns, and remarks
 * after the moderator. A question comes from a media outlet (an organisation
 * speaker) or a questioner's role (`Q`, `Reporter`, `记者`); a moderator is
 * named by a role (`Moderator`, `Host`, `主持人`) in the label or in the
 * registry. A transcript without questions has no exchanges.
 */
import type { Exchange, Speaker, Turn } from './schema.ts';
import { foldName } from './slugs.ts';

const QUESTIONER =
  /^(?:q|question|questioner|reporter|journalist|correspondent|audience(?: member)?|p|pregunta|记者|问)$/;
const MODERATOR = /^(?:moderator|host|chair|chairman|chairwoman|chairperson|presenter|master of ceremonies|主持人)$/;

export type TurnRole = 'question' | 'moderator' | 'other';

export function turnRole(turn: Turn, speaker: Speaker | undefined, roles: readonly string[]): TurnRole {
  const names = [turn.label, speaker?.name ?? '', ...roles].map(foldName);
  if (names.some((n) => MODERATOR.test(n))) return 'moderator';
  if (speaker?.kind === 'organisation' || names.some((n) => QUESTIONER.test(n))) return 'question';
  return 'other';
}

export function segmentExchanges(turns: readonly Turn[], roleOf: (turn: Turn) => TurnRole): Exchange[] {
  const roles = turns.map(roleOf);
  if (!roles.includes('question')) return [];
  const parts: Omit<Exchange, 'id'>[] = [];
  let current: Omit<Exchange, 'id'> | undefined;
  turns.forEach((turn, i) => {
    const role = roles[i];
    if (role === 'question') {
      current = { kind: 'exchange', turns: [turn.id], question: turn.id, askedBy: turn.speaker, answeredBy: [] };
      parts.push(current);
    } else if (role === 'moderator') {
      current = { kind: 'moderator', turns: [turn.id], answeredBy: [] };
      parts.push(current);
    } else if (current?.kind === 'exchange') {
      current.turns.push(turn.id);
      if (!current.answeredBy.includes(turn.speaker)) current.answeredBy.push(turn.speaker);
    } else if (current && current.kind !== 'moderator') {
      current.turns.push(turn.id);
    } else {
      const asked = parts.some((p) => p.kind === 'exchange');
      current = { kind: asked ? 'remarks' : 'opening', turns: [turn.id], answeredBy: [] };
      parts.push(current);
    }
  });
  return parts.map((p, i) => ({ id: `e${i + 1}`, ...p }));
}
