/**
 * Who someone is is a circumstance of a conversation, like where it happens:
 * a phrase naming people by their role (`End user`, `Executive director`) is
 * a topic only where some transcript talks about it, by the bar places are
 * held to. And a one-word name said mostly as the first word of longer names
 * (`Gopher Slack`, `South Africa`) is a part of those names, not a subject.
 */
import { expect, test } from 'vitest';
import { countingMatcher } from '../../scripts/core/match-topics.ts';
import type { Topic } from '../../scripts/core/schema.ts';
import {
  CROSS_CUT_FROM,
  isPlace,
  isRole,
  LEADS_SHARE,
  type Mention,
  notSubject,
  PLACE_SAID,
  PLACE_SHARE,
  recallTaggerAnswers,
  taggerAnswers,
} from '../../scripts/core/select-topics.ts';
import { extractedTopic, turnOf } from '../helpers/topic-fixtures.ts';

/** A phrase of common words (not a name): `extractedTopic` with `entity: false`. */
const phrase = (display: string): Topic => extractedTopic(display, false);
const name = (display: string): Topic => extractedTopic(display);
const n = 1000;
/** Said twice in two turns of a 60-turn episode: an introduction, a greeting. */
const passing: Mention = { turns: 2, of: 60, named: 2 };
/** An episode about it: said often, in a tenth of its turns or more. */
const episode: Mention = { turns: 9, of: 60, named: 14 };

test('a phrase whose last word is a person`s role or occupation names people by their role', () => {
  for (const role of ['End user', 'Web developer', 'Executive director', 'Data scientist', 'Junior developers'])
    expect(isRole(role), role).toBe(true);
  // The role must be the head (the last word): an advocate is a role, but `Developer advocate` ends in one
  // compromise does not know, and a thing a developer uses is no person.
  for (const thing of ['Developer experience', 'Hash function', 'Source code', 'Developer tools', 'Kubernetes'])
    expect(isRole(thing), thing).toBe(false);
});

test('a role said only in passing is no subject; a role some transcript talks about is', () => {
  // `as an end user`, `our executive director`: said to introduce someone, in three episodes.
  expect(notSubject(phrase('End user'), [passing, passing, passing], n)).toBe('role-in-passing');
  expect(notSubject(phrase('Executive director'), [passing, passing, passing], n)).toBe('role-in-passing');
  // `Data scientist`: a Practical AI episode about the job.
  expect(notSubject(phrase('Data scientist'), [passing, passing, episode], n)).toBeUndefined();
  // The bar is the place bar: said PLACE_SAID times, in PLACE_SHARE of one transcript's turns.
  const justEnough: Mention = { turns: PLACE_SHARE * 60, of: 60, named: PLACE_SAID };
  expect(notSubject(phrase('Product manager'), [passing, justEnough], n)).toBeUndefined();
  expect(notSubject(phrase('Product manager'), [passing, { ...justEnough, named: PLACE_SAID - 1 }], n)).toBe(
    'role-in-passing',
  );
  // A name is no role phrase, whatever its last word (`Oracle`, which compromise takes for a person).
  expect(notSubject(name('Oracle'), [passing, passing, passing], n)).toBeUndefined();
  // Not a role: held to no such bar.
  expect(notSubject(phrase('Business model'), [passing, passing, passing], n)).toBeUndefined();
  // Curated topics stay.
  expect(notSubject({ ...phrase('End user'), origin: 'rules' }, [passing, passing], n)).toBeUndefined();
  // A small archive has too few transcripts to tell: the seed's one briefing says `Chinese citizens` twice in a
  // long answer, and is about their safety abroad.
  const briefing: Mention = { turns: 2, of: 4, named: 2 };
  expect(isRole('Chinese citizens')).toBe(true);
  expect(notSubject(phrase('Chinese citizens'), [briefing], 1)).toBeUndefined();
  expect(notSubject(phrase('Chinese citizens'), [briefing], CROSS_CUT_FROM - 1)).toBeUndefined();
  expect(notSubject(phrase('Chinese citizens'), [briefing], CROSS_CUT_FROM)).toBe('role-in-passing');
});

test('the matcher counts the times a one-word name begins a longer capitalised name', () => {
  const gopher = name('Gopher');
  const { uses, filed } = countingMatcher([gopher])([
    turnOf('t0', 'a', 'Come find us in the Gopher Slack, or at Gopher Academy.'),
    // A sentence that ends with it, a list, a word in lower case, the pronoun I: no longer name.
    turnOf('t1', 'b', 'I drew a Gopher. Then we printed it.'),
    turnOf('t2', 'a', 'The Gopher, Rust and Python logos.'),
    turnOf('t3', 'b', 'Every Gopher loves it, and then my Gopher I drew.'),
    turnOf('t4', 'a', 'the Gopher mascot on a shirt.'),
  ]);
  // Filed all the same (`Apple Watch` is Apple's): five turns, seven times named, two of them longer names.
  expect(filed[0]?.matches).toHaveLength(5);
  expect(uses.get('gopher')).toMatchObject({ named: 7, leads: 2 });
});

test('a one-word name said mostly as the start of longer names (`Gopher Slack`, `South Africa`) is no subject', () => {
  // Gopher: 80 of its 129 mentions begin `Gopher Slack`, `Gopher Academy`, `Gopher Guides`.
  const gopher: Mention[] = Array.from({ length: 10 }, (_, i) => ({
    turns: 4,
    of: 80,
    named: 13,
    leads: i < 2 ? 7 : 8,
  }));
  expect(notSubject(name('Gopher'), gopher, n)).toBe('part-of-names');
  // Grafana: 182 of 412 (`Grafana Labs`, `Grafana Cloud`): still mostly itself.
  const grafana: Mention[] = Array.from({ length: 10 }, () => ({ turns: 9, of: 80, named: 41, leads: 18 }));
  expect(notSubject(name('Grafana'), grafana, n)).toBeUndefined();
  // Exactly half is not more than half.
  expect(notSubject(name('Claude'), [{ turns: 4, of: 80, named: 10, leads: LEADS_SHARE * 10 }], n)).toBeUndefined();
  // Longer names are whole names already, and a phrase of common words is no name.
  expect(notSubject(name('Gopher Slack'), [{ turns: 4, of: 80, named: 10, leads: 9 }], n)).toBeUndefined();
  expect(notSubject(phrase('Source'), [{ turns: 4, of: 80, named: 10, leads: 9 }], n)).toBeUndefined();
});

test('the tagger`s answers are kept: the answers asked are given out, and answers recalled are not asked again', () => {
  expect(isPlace('Canada')).toBe(true);
  expect(isRole('Web developer')).toBe(true);
  const known = new Map(taggerAnswers());
  expect(known.get('place\u0000Canada')).toBe(true);
  expect(known.get('#Actor$\u0000Web developer')).toBe(true);
  // Answers the tagger would not give: recalled, they are what is answered (an earlier run's, same code).
  expect(isPlace('Quorvania Teapot')).toBe(false);
  recallTaggerAnswers([
    ['place\u0000Zorblat', true],
    ['#Actor$\u0000Zorblat tool', true],
    // Known already in this process: an answer asked here wins over one recalled.
    ['place\u0000Quorvania Teapot', true],
  ]);
  expect(isPlace('Zorblat')).toBe(true);
  expect(isRole('Zorblat tool')).toBe(true);
  expect(isPlace('Quorvania Teapot')).toBe(false);
  // Only the answers used are kept again: a name recalled but no longer asked about drops out.
  recallTaggerAnswers([['place\u0000Gone Topic', true]]);
  const kept = new Map(taggerAnswers());
  expect(kept.get('place\u0000Zorblat')).toBe(true);
  expect(kept.has('place\u0000Gone Topic')).toBe(false);
});
