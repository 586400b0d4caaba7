/**
 * Who someone is and when a conversation happens are its circumstances, like
 * where: a phrase naming people by their role (`End user`, `Executive
 * director`) and a time (`Happy New Year`) are topics only where some
 * transcript talks about them, by the bar places are held to.
 */
import { expect, test } from 'vitest';
import type { Topic } from '../../scripts/core/schema.ts';
import { isRole, isTime, type Mention, notSubject, PLACE_SAID, PLACE_SHARE } from '../../scripts/core/select-topics.ts';
import { extractedTopic } from '../helpers/topic-fixtures.ts';

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
});

test('a time said only in passing (`Happy New Year`) is no subject; one some transcript talks about is', () => {
  for (const time of ['Happy New Year', 'Black Friday', 'Monday']) expect(isTime(time), time).toBe(true);
  for (const subject of ['Kubernetes', 'Timelock', 'Block time', 'Real time'])
    expect(isTime(subject), subject).toBe(false);
  expect(notSubject(name('Happy New Year'), [passing, passing, passing, passing], n)).toBe('time-in-passing');
  expect(notSubject(name('Black Friday'), [passing, episode], n)).toBeUndefined();
});
