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
    { slug: 'interpol-hq', matches: [{ turn: 't3', terms: ['Interpol'] }] },
    { slug: 'law-enforcement-cooperation', matches: [{ turn: 't1', terms: ['Law-enforcement cooperation'] }] },
  ]);
});

test("a transcript's topics come in an order of its own: most turns first, whatever the archive's order", () => {
  const turns = [
    turn('t1', 'Interpol and telecom fraud.'),
    turn('t2', 'Interpol again, with law enforcement cooperation.'),
    turn('t3', 'Interpol, once more.'),
  ];
  const filed = matchTopics(topics, turns).map((t) => t.slug);
  expect(filed).toEqual(['interpol-hq', 'law-enforcement-cooperation', 'telecom-fraud']);
  // The archive's list of topics reorders as transcripts come and go; a transcript not parsed again
  // keeps the order it was filed in, so a clean build must file it the same way.
  for (const order of [
    [2, 1, 0],
    [1, 0, 2],
    [0, 2, 1],
  ])
    expect(
      matchTopics(
        order.map((i) => topics[i] as (typeof topics)[number]),
        turns,
      ).map((t) => t.slug),
    ).toEqual(filed);
});

test('a term inside a longer word does not match', () => {
  expect(
    matchTopics(rulesToTopics([{ name: 'Crime', terms: [], pin: false }]), [turn('t1', 'Crimea and incriminate.')]),
  ).toEqual([]);
});
