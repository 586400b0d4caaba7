/**
 * Header lines and offices: what the top of a transcript says about it, and
 * `THE PRESIDENT` as an office held by different people in different files.
 */
import { expect, test } from 'vitest';
import { fullDateIn, headerFacts } from '../../scripts/core/header-lines.ts';
import { ingestArchive } from '../../scripts/core/ingest-archive.ts';
import { ingestTranscript } from '../../scripts/core/ingest-transcript.ts';
import { isRoleTitle } from '../../scripts/core/label-kinds.ts';

const ingest = (file: string, text: string) => {
  const r = ingestTranscript({ file, text, meta: {}, hash: 'h' });
  if (!r.transcript) throw new Error(JSON.stringify(r.problems));
  return { ...r, transcript: r.transcript };
};

test('a date is read only when day, month and year are all written', () => {
  expect(fullDateIn('October 7, 1984')?.date).toBe('1984-10-07');
  expect(fullDateIn('7 October 1984')?.date).toBe('1984-10-07');
  expect(fullDateIn('Wednesday, March 7, 1962')?.date).toBe('1962-03-07');
  expect(fullDateIn('May 1984')).toBeUndefined();
  expect(fullDateIn('next week')).toBeUndefined();
  expect(fullDateIn('Louisville, Kentucky')).toBeUndefined();
});

test('header lines give the date, title, place and who holds an office', () => {
  const facts = headerFacts([
    'Title: The Second Debate',
    'Date: October 7, 1984',
    'President: Ronald Reagan',
    'Location: Louisville, Kentucky',
  ]);
  expect(facts).toMatchObject({ title: 'The Second Debate', date: '1984-10-07', location: 'Louisville, Kentucky' });
  expect([...facts.holders]).toEqual([['president', 'Ronald Reagan']]);
  // A title line with its dateline, as news-conference records open.
  expect(headerFacts(["The President's News Conference March 7, 1962"])).toMatchObject({
    title: "The President's News Conference",
    date: '1962-03-07',
  });
  // A first line over a dateline is the title; a first line over anything else is not.
  expect(headerFacts(['Presidential Debate in Philadelphia', 'September 23, 1976'])).toMatchObject({
    title: 'Presidential Debate in Philadelphia',
    date: '1976-09-23',
  });
  expect(headerFacts(['THE WHITE HOUSE', 'Office of the Press Secretary', 'August 1, 2014']).title).toBeUndefined();
  // A sentence that mentions a date is not a dateline; a value that is not a name holds no office.
  expect(headerFacts(['We met on March 7, 1962, in Geneva, and talked.', 'Topic: the budget'])).toEqual({
    holders: new Map(),
  });
});

test('an office with the article is a role; a name or an outlet is not', () => {
  for (const label of [
    'THE PRESIDENT',
    'The President',
    'The Vice President',
    'The Secretary of State',
    'THE MODERATOR',
  ])
    expect(isRoleTitle(label), label).toBe(true);
  for (const label of ['Mr. Carter', 'President Reagan', 'Walter Mondale', 'Qi Yanjun'])
    expect(isRoleTitle(label), label).toBe(false);
});

test('THE PRESIDENT of two transcripts is two people, and a header names him', () => {
  const kennedy =
    'March 7, 1962\n\nTHE PRESIDENT. I have an announcement.\n\nQ. Mr. President, a question.\n\nTHE PRESIDENT. No reply yet.\n';
  const reagan =
    'President: Ronald Reagan\nDate: October 7, 1984\n\nTHE PRESIDENT. Well, there you go again.\n\nQ. Mr. President?\n\nTHE PRESIDENT. Yes.\n';
  const archive = ingestArchive({
    sources: [
      { file: 'kennedy.txt', bytes: new TextEncoder().encode(kennedy), hash: 'a' },
      { file: 'reagan.txt', bytes: new TextEncoder().encode(reagan), hash: 'b' },
    ],
  });
  const [k, r] = archive.transcripts;
  const president = (t: typeof k) => t?.participants.find((p) => p.labels.includes('THE PRESIDENT'))?.speaker;
  expect(president(k)).toBe('the-president-in-kennedy');
  expect(president(r)).toBe('ronald-reagan');
  expect(archive.speakers.find((s) => s.slug === 'the-president-in-kennedy')?.kind).toBe('role');
  expect(k?.date).toBe('1962-03-07');
  expect(r?.date).toBe('1984-10-07');
});

test('White House records: `Q` set off by spaces is a label, and the END mark is closing matter', () => {
  const { transcript } = ingest(
    'briefing.txt',
    'THE PRESIDENT:  Good afternoon.\n\nQ    Thank you, Mr. President.  Will it hold?\n\nTHE PRESIDENT:  I think so.\n\nEND\n3:47 P.M. EDT\n',
  );
  expect(transcript.turns.map((t) => [t.label, t.paragraphs])).toEqual([
    ['THE PRESIDENT', ['Good afternoon.']],
    ['Q', ['Thank you, Mr. President. Will it hold?']],
    ['THE PRESIDENT', ['I think so.']],
  ]);
  expect(transcript.notes).toEqual(['END 3:47 P.M. EDT']);
});

test("a debate time after the label, `Chris Wallace: (01:20)`, is the turn's start", () => {
  const { transcript } = ingest(
    'debate.txt',
    'Chris Wallace: (01:20)\nGood evening.\n\nJoe Biden: (03:41)\nThank you.\n',
  );
  expect(transcript.turns.map((t) => [t.label, t.start, t.paragraphs])).toEqual([
    ['Chris Wallace', 80, ['Good evening.']],
    ['Joe Biden', 221, ['Thank you.']],
  ]);
});

test('a question number before the label does not glue the question to the answer before it', () => {
  const { transcript } = ingest(
    'conference.txt',
    'THE PRESIDENT. I have two announcements.\n\nThe second is brief.\n\n[2.] Q. Mr. President, what of the treaty?\n\nTHE PRESIDENT. It stands.\n',
  );
  expect(transcript.turns.map((t) => [t.label, t.paragraphs])).toEqual([
    ['THE PRESIDENT', ['I have two announcements.', 'The second is brief.']],
    ['Q', ['[2.] Mr. President, what of the treaty?']],
    ['THE PRESIDENT', ['It stands.']],
  ]);
});

test('header lines under front matter are read, and the front matter is not taken for them', () => {
  const text = [
    '---',
    'title: Kept from the front matter',
    '---',
    'Date: October 7, 1984',
    'President: Ronald Reagan',
    '',
    'THE PRESIDENT: Thank you all.',
    '',
    'Q: One question.',
    '',
    'THE PRESIDENT: One answer.',
    '',
  ].join('\n');
  const { transcript } = ingest('debate.md', text);
  expect(transcript.title).toBe('Kept from the front matter');
  expect(transcript.date).toBe('1984-10-07');
  expect(transcript.turns[0]?.label).toBe('THE PRESIDENT');
});
