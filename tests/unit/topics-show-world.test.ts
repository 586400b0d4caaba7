/**
 * Topics are subjects, not the show's own world nor names in passing: a
 * one-word name is not filed where it ends a longer capitalised name (`Home
 * Depot`); a name said where a show greets, introduces itself and signs off
 * is the show's world; someone's own thing (`my PhD`) is no subject; a
 * region named by the compass or a nationality is a place.
 */
import { expect, test } from 'vitest';
import { countingMatcher, EDGE_TURNS } from '../../scripts/core/match-topics.ts';
import type { Topic, Turn } from '../../scripts/core/schema.ts';
import {
  EDGE_FROM,
  isPlace,
  type Mention,
  notSubject,
  OWNED_SHARE,
  shareAtLeast,
} from '../../scripts/core/select-topics.ts';
import { extractedTopic, turnOf } from '../helpers/topic-fixtures.ts';

const turn = (id: string, text: string): Turn => turnOf(id, id.length % 2 === 0 ? 'a' : 'b', text);
const name = (display: string): Topic => extractedTopic(display);
const filedTurns = (topic: Topic, texts: string[]): string[] =>
  countingMatcher([topic])(texts.map((text, i) => turn(`t${i}`, text)))
    .filed.flatMap((f) => f.matches)
    .map((m) => m.turn);

test('a one-word name is not filed where it ends a longer capitalised name (`Home Depot`)', () => {
  const depot = name('Depot');
  expect(filedTurns(depot, ['I bought the wood at Home Depot last week.'])).toEqual([]);
  expect(filedTurns(depot, ['We moved our builds to Depot, and they are fast.'])).toEqual(['t0']);
  // A capitalised word that starts a sentence is no part of the name.
  expect(filedTurns(depot, ['So Depot caches the layers.'])).toEqual(['t0']);
  expect(filedTurns(depot, ['We tried it. Then Depot came along.'])).toEqual(['t0']);
  expect(filedTurns(depot, ['Depot caches the layers.'])).toEqual(['t0']);
  // Punctuation between the two is no longer name: a list of names.
  expect(filedTurns(depot, ['We use Docker, Depot and Fly.'])).toEqual(['t0']);
  // The pronoun `I` is capitalised, and no name.
  expect(filedTurns(depot, ['Every day I Depot my builds.'])).toEqual(['t0']);
  // An identifier before it is a name of its own: a script of opcodes is no longer name.
  expect(filedTurns(name('OP_CHECKSIG'), ['It ends OP_EQUALVERIFY OP_CHECKSIG as usual.'])).toEqual(['t0']);
  // A capitalised word after a name qualifies it: `Apple Watch` is Apple's.
  expect(filedTurns(name('Apple'), ['She wears an Apple Watch.'])).toEqual(['t0']);
  // Only one-word names: a longer one is already a whole name.
  expect(filedTurns(name('Microsoft Office'), ['the new Microsoft Office suite'])).toEqual(['t0']);
  expect(filedTurns(name('Office'), ['the new Microsoft Office suite'])).toEqual([]);
});

test('the matcher counts the turns that mention a topic at either end of a transcript', () => {
  const texts = Array.from({ length: 12 }, (_, i) => `Turn ${i + 1} of the show.`);
  texts[0] = 'Welcome to the show, brought to you by Acme.';
  texts[5] = 'Acme makes the tool we talk about, and Acme is good.';
  texts[11] = 'Thanks again to Acme, our sponsor. Bye!';
  const { uses } = countingMatcher([name('Acme')])(texts.map((text, i) => turn(`t${i}`, text)));
  // Three turns, two of them at the ends; the middle one's two mentions count as one turn.
  expect(EDGE_TURNS).toBe(2);
  expect(uses.get('acme')).toEqual({ named: 4, lower: 0, edge: 2, owned: 0, leads: 0 });
});

test('a name said mostly where a show greets, introduces itself and signs off is the show`s world', () => {
  const n = 1000;
  // A host's company named in the introduction of 12 episodes and said once more in each (2 turns, 1 at an end).
  const intro: Mention = { turns: 2, of: 80, edge: 1, named: 2 };
  const company = Array.from({ length: 12 }, () => intro);
  expect(notSubject(name('Prediction Guard'), company, n)).toBe('show-world');
  // One mention of two at an end proves nothing (the share is taken with 95 % confidence).
  const twice = [
    { turns: 1, of: 213, edge: 0, named: 1 },
    { turns: 1, of: 209, edge: 1, named: 1 },
  ];
  expect(
    notSubject(name('N signers'), [...twice, ...Array.from({ length: 4 }, () => ({ turns: 1, of: 1, named: 6 }))], n),
  ).toBe(undefined);
  // A subject mentioned in an introduction, then talked about for many turns, is a subject.
  const subject = Array.from({ length: 6 }, () => ({ turns: 8, of: 80, edge: 1, named: 12 }));
  expect(notSubject(name('Kubernetes'), subject, n)).toBeUndefined();
  // In a transcript shorter than EDGE_FROM turns every turn is near an end: it says nothing of the show's world.
  const short = Array.from({ length: 6 }, () => ({ turns: 3, of: EDGE_FROM - 1, edge: 3, named: 4 }));
  expect(notSubject(name('Interpol'), short, n)).toBeUndefined();
  // Curated topics stay.
  expect(notSubject({ ...name('Prediction Guard'), origin: 'rules' }, company, n)).toBeUndefined();
});

test('a region named by the compass and a nationality are places, held to the place bar', () => {
  for (const place of ['Midwest', 'South', 'East Coast', 'Pacific Northwest', 'Canadian', 'London'])
    expect(isPlace(place), place).toBe(true);
  for (const subject of ['Kubernetes', 'Rust', 'Docker', 'Westworld', 'Southpaw'])
    expect(isPlace(subject), subject).toBe(false);
  // Said in passing (where someone grew up) in three transcripts: no subject.
  const passing: Mention = { turns: 2, of: 60, named: 2 };
  expect(notSubject(name('Midwest'), [passing, passing, passing], 1000)).toBe('place-in-passing');
  // An episode about it: a subject.
  expect(notSubject(name('Midwest'), [passing, passing, { turns: 9, of: 60, named: 14 }], 1000)).toBeUndefined();
});

test('a phrase said mostly with a possessive (`my PhD`, `your YouTube channel`) is someone`s own, not a subject', () => {
  const phd: Topic = { ...name('PhD'), entity: undefined };
  const { uses } = countingMatcher([phd])([
    turn('t0', 'I did my PhD in Delft, and my PhD was on compilers.'),
    turn('t1', 'A PhD takes years.'),
    turn('t2', 'Do you need a PhD for this job? Their PhD students say no.'),
  ]);
  expect(uses.get('phd')).toMatchObject({ named: 5, owned: 3 });
  const n = 1000;
  const life: Mention = { turns: 3, of: 60, named: 10, owned: 5 };
  expect(notSubject(phd, [life, life, life], n)).toBe('owned');
  // Three possessives in eleven mentions prove nothing (`run your own Bitcoin node`, said 11 times in all).
  const node = [
    { turns: 1, of: 1, named: 6 },
    { turns: 1, of: 34, named: 1, owned: 1 },
    { turns: 2, of: 84, named: 2 },
    { turns: 1, of: 49, named: 2, owned: 2 },
  ];
  expect(shareAtLeast(3, 11)).toBeLessThan(OWNED_SHARE);
  expect(notSubject({ ...phd, name: 'Bitcoin node' }, node, 54)).toBeUndefined();
  // A subject is sometimes someone's (`my Kubernetes cluster`), mostly not.
  const subject: Mention = { turns: 6, of: 60, named: 10, owned: 1 };
  expect(notSubject(name('Kubernetes'), [subject, subject, subject], n)).toBeUndefined();
});
