/**
 * Topics are subjects a reader would browse: what the filing shows of a
 * phrase takes out a collocation spread thinly over many transcripts, a place
 * said in passing, a common word capitalised in a heading; and names that fold
 * to one key but are different words (`NATS`, `NATs`) stay apart.
 */
import { expect, test } from 'vitest';
import { ingestArchive, type SourceFile } from '../../scripts/core/ingest-archive.ts';
import { countingMatcher, matchTopics } from '../../scripts/core/match-topics.ts';
import type { Topic } from '../../scripts/core/schema.ts';
import {
  CROSS_CUT_FROM,
  isPlace,
  type Mention,
  notSubject,
  sameWordForms,
  selectTopics,
} from '../../scripts/core/select-topics.ts';
import { extractedTopic, turnOf } from '../helpers/topic-fixtures.ts';

const turn = turnOf;
const name = (display: string): Topic => extractedTopic(display);
const phrase = (display: string): Topic => extractedTopic(display, undefined);
/** `count` transcripts of `of` turns, each mentioning a topic in `turns` turns. */
const mentions = (count: number, turns: number, of = 100, extra: Partial<Mention> = {}): Mention[] =>
  Array.from({ length: count }, () => ({ turns, of, ...extra }));

test('a phrase spread thinly, a turn here and a turn there, is no subject; one talked about in runs of turns is', () => {
  const n = 1000;
  // `day job`: one turn in each of 60 transcripts, and two in 10.
  expect(notSubject(phrase('Day job'), [...mentions(60, 1), ...mentions(10, 2)], n)).toBe('spread-thin');
  // `Kubernetes`: as many transcripts, but several turns in most of them.
  expect(notSubject(name('Kubernetes'), [...mentions(30, 1), ...mentions(40, 4)], n)).toBeUndefined();
  // A talk of one turn that says it six times has talked about it, though in one turn.
  const talk = { turns: 1, of: 1, named: 6 };
  expect(notSubject(phrase('Bitcoin node'), [talk, ...mentions(3, 1, 50)], 54)).toBeUndefined();
  expect(notSubject(phrase('Bitcoin node'), [{ ...talk, of: 80 }, ...mentions(3, 1, 50)], 54)).toBe('spread-thin');
  // A small archive has too few transcripts to tell: each one's discussion decides.
  expect(notSubject(phrase('Day job'), mentions(3, 1), CROSS_CUT_FROM - 1)).toBeUndefined();
  // Curated topics are the archive owner's choice.
  expect(notSubject({ ...phrase('Day job'), origin: 'rules' }, mentions(60, 1), n)).toBeUndefined();
});

test('end to end: a collocation said in passing in many transcripts is no topic; a subject discussed is', () => {
  const source = (file: string, text: string): SourceFile => ({
    file,
    bytes: new TextEncoder().encode(text),
    hash: `${file}:${text.length}`,
  });
  const chat = (i: number) =>
    [
      `**Ada Brook:** Welcome back, episode ${i}. I kept my day job, and my day job paid for the studio.`,
      `**Ben Carter:** Good to hear. What did you build this week?`,
      `**Ada Brook:** A small compiler for a toy language.`,
      `**Ben Carter:** Nice. Tell me more next time.`,
      '',
    ].join('\n\n');
  const deep = (i: number) =>
    [
      `**Ada Brook:** Episode ${i} is about Kubernetes, and we love Kubernetes.`,
      `**Ben Carter:** Why Kubernetes, and not plain servers?`,
      `**Ada Brook:** Because with Kubernetes, what fails restarts.`,
      `**Ben Carter:** So you trust Kubernetes?`,
      `**Ada Brook:** I trust Kubernetes, mostly.`,
      '',
    ].join('\n\n');
  const other = (i: number) => `**Ada Brook:** Episode ${i}: listener mail.\n\n**Ben Carter:** Thanks, all.\n`;
  // 24 transcripts: 4 about Kubernetes, 6 that say `day job` twice in one turn (under the share that
  // makes a phrase background), 14 others.
  const sources = Array.from({ length: 24 }, (_, i) =>
    i < 4
      ? source(`show/deep-${i}.md`, deep(i))
      : i < 10
        ? source(`show/chat-${i}.md`, chat(i))
        : source(`show/mail-${i}.md`, other(i)),
  );
  const archive = ingestArchive({ sources });
  const slugs = archive.topics.map((t) => t.slug);
  expect(slugs).toContain('kubernetes');
  expect(slugs).not.toContain('day-job');
  // It was chosen (said twice in each of six transcripts), then taken out: each says it in one turn.
  const key = JSON.parse(archive.topicsKey) as { selected: [string, unknown][]; background: string[] };
  expect(key.selected.map(([slug]) => slug)).toContain('day-job');
  expect(key.background).toContain('day-job');
  // Nor is any transcript filed under it.
  expect(archive.transcripts.some((t) => t.topics.some((tt) => tt.slug === 'day-job'))).toBe(false);

  // A later run that reuses these transcripts weighs them by the evidence it kept, as a clean run does.
  const grown = [...sources, source('show/mail-24.md', other(24))];
  const incremental = ingestArchive({ sources: grown, previous: archive.ingested, previousTopics: archive.topicsKey });
  const clean = ingestArchive({ sources: grown });
  expect(incremental.transcripts.map((t) => t.source.file)).toEqual(['show/mail-24.md']);
  expect(incremental.topics.map((t) => t.slug)).toEqual(clean.topics.map((t) => t.slug));
  expect(incremental.topics.map((t) => t.slug)).not.toContain('day-job');
});

test('a place said in passing is no topic; a place some transcript talks about is', () => {
  expect(isPlace('New York')).toBe(true);
  expect(isPlace('Ukraine')).toBe(true);
  expect(isPlace('Kubernetes')).toBe(false);
  // Where someone lives: two or three turns of long transcripts.
  const passing = [...mentions(20, 2, 150, { named: 2 }), ...mentions(5, 4, 300, { named: 5 })];
  expect(notSubject(name('New York'), passing, 10)).toBe('place-in-passing');
  // The same mentions of a name that is no place: each transcript's discussion decides.
  expect(notSubject(name('Kubernetes'), passing, 10)).toBeUndefined();
  // One transcript talks about it: five of its 37 turns.
  expect(notSubject(name('Ukraine'), [...mentions(3, 2, 300), { turns: 5, of: 37, named: 6 }], 10)).toBeUndefined();
  // A briefing of four turns that says it six times in one long answer talks about it too.
  expect(notSubject(name('Myanmar'), [{ turns: 1, of: 4, named: 6 }], 1)).toBeUndefined();
});

test('a common word capitalised in a heading (`State of the log`) is no name; a name seldom written in lower case is', () => {
  const match = countingMatcher([name('State'), name('Rust')]);
  const { uses } = match([
    turn('t1', 'a', 'Welcome to State of the log, our yearly show.'),
    turn('t2', 'b', 'The state of the app lives in a store; state management is hard, and global state worse.'),
    turn('t3', 'a', 'Rust has no garbage collector; Rust checks borrows. Paint can rust, though.'),
  ]);
  expect(uses.get('state')).toEqual({ named: 1, lower: 3, edge: 1, owned: 0, leads: 0 });
  expect(uses.get('rust')).toEqual({ named: 2, lower: 1, edge: 1, owned: 0, leads: 0 });
  const at = (u: { named: number; lower: number } | undefined): Mention[] => [{ turns: 2, of: 3, ...u }];
  expect(notSubject(name('State'), at(uses.get('state')), 1)).toBe('common-word');
  expect(notSubject(name('Rust'), at(uses.get('rust')), 1)).toBeUndefined();
});

test('names that fold to one key but are different words stay apart: `NATS` is not `NATs`', () => {
  expect(sameWordForms('NATS', ['NATS', 'NATs', 'Nats'])).toEqual(['NATS']);
  // A plural, a capital's place or a possessive is the same word.
  expect(sameWordForms('GPU', ['GPU', 'GPUs'])).toEqual(['GPU', 'GPUs']);
  expect(sameWordForms('WebPack', ['WebPack', 'Webpack'])).toEqual(['WebPack', 'Webpack']);
  // The choice keeps the display's word only …
  const [nats] = selectTopics([[{ key: 'nats', display: 'NATS', forms: ['NATS', 'NATs'], count: 5, entity: true }]], {
    topics: [],
    block: [],
    extract: true,
  });
  expect(nats?.terms).toEqual(['NATS']);
  // … and a name written all in capitals matches only all in capitals.
  const filed = matchTopics(
    [name('NATS')],
    [
      turn('t1', 'a', 'NATS is a messaging system; NATS’s JetStream persists.'),
      turn('t2', 'b', 'Behind two NATs, peers need hole punching.'),
      turn('t3', 'a', 'The Nats won the game.'),
    ],
  );
  expect(filed.map((t) => t.matches.map((m) => m.turn))).toEqual([['t1']]);
  // A spelling in capitals and one with a capital are one topic, each matched once per turn.
  const vim = matchTopics(
    [{ ...name('Vim'), terms: ['Vim', 'VIM'] }],
    [turn('t1', 'a', 'I use Vim.'), turn('t2', 'b', 'VIM forever.')],
  );
  expect(vim[0]?.matches).toEqual([
    { turn: 't1', terms: ['Vim'] },
    { turn: 't2', terms: ['Vim'] },
  ]);
});
