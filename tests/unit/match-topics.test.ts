import { expect, test } from 'vitest';
import { matchTopics, rulesToTopics } from '../../scripts/core/match-topics.ts';
import type { Turn } from '../../scripts/core/schema.ts';

const turn = (id: string, text: string): Turn => ({
  id,
  speaker: 's',
  label: 'S',
  paragraphs: [text],
  line: 1,
  earlier: [],
});
const topics = rulesToTopics([
  { name: 'Telecom fraud', terms: ['telecommunications fraud'], pin: false },
  { name: 'Law-enforcement cooperation', terms: [], pin: false },
  { name: 'Interpol', slug: 'interpol-hq', terms: [], pin: false },
]);

test('rules become topics with their name among the terms and a slug', () => {
  expect(topics.map((t) => [t.slug, t.terms])).toEqual([
    ['telecom-fraud', ['Telecom fraud', 'telecommunications fraud']],
    ['law-enforcement-cooperation', ['Law-enforcement cooperation']],
    ['interpol-hq', ['Interpol']],
  ]);
});

test('terms match whole words, ignoring case and hyphens, and record the evidence per turn', () => {
  const result = matchTopics(topics, [
    turn('t1', 'TELECOM FRAUD rose; law enforcement cooperation helped.'),
    turn('t2', 'Telecommunications fraud is old.'),
    turn('t3', 'Interpolation is not Interpol-ish.'),
  ]);
  expect(result).toEqual([
    {
      slug: 'telecom-fraud',
      matches: [
        { turn: 't1', terms: ['Telecom fraud'] },
        { turn: 't2', terms: ['telecommunications fraud'] },
      ],
    },
    { slug: 'law-enforcement-cooperation', matches: [{ turn: 't1', terms: ['Law-enforcement cooperation'] }] },
    { slug: 'interpol-hq', matches: [{ turn: 't3', terms: ['Interpol'] }] },
  ]);
});

test('a term inside a longer word does not match', () => {
  expect(
    matchTopics(rulesToTopics([{ name: 'Crime', terms: [], pin: false }]), [turn('t1', 'Crimea and incriminate.')]),
  ).toEqual([]);
});
