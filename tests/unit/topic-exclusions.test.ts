/**
 * Topics are subjects, not people or the show: a speaker's name, first name,
 * nickname or alias is never a topic; a show's, event's or outlet's own name
 * is not a topic of its own transcripts; a phrase must be discussed, not
 * merely mentioned; identifiers (`OP_RETURN`) are one word.
 */
import { expect, test } from 'vitest';
import { extractCandidates } from '../../scripts/core/extract-phrases.ts';
import { ingestArchive, type SourceFile, sourceNames } from '../../scripts/core/ingest-archive.ts';
import { matchTopics } from '../../scripts/core/match-topics.ts';
import type { Topic, Turn } from '../../scripts/core/schema.ts';
import { discussed, nicknamesOf, variantKey } from '../../scripts/core/select-topics.ts';
import { extractedTopic, turnOf } from '../helpers/topic-fixtures.ts';

const source = (file: string, text: string): SourceFile => ({
  file,
  bytes: new TextEncoder().encode(text),
  hash: `${file}:${text.length}`,
});
const slugs = (archive: { topics: { slug: string }[] }) => archive.topics.map((t) => t.slug);

test('`OP_RETURN` is one word: extracted whole, and no `RETURN` topic comes from it', () => {
  const found = extractCandidates(
    ['We use OP_RETURN outputs. The OP_RETURN limit matters, and OP_RETURN data grows. Read bitcoin.conf first.'],
    new Set(),
  );
  expect(found.map((c) => c.display)).toContain('OP_RETURN');
  expect(found.some((c) => /^return\b/i.test(c.key) || c.key.includes('return data'))).toBe(false);
  // A lower-case file name is hidden from the tagger but is no name.
  expect(found.some((c) => /conf/.test(c.key))).toBe(false);
});

test('a topic never matches inside an identifier, and an identifier matches only itself', () => {
  const turns: Turn[] = [
    {
      id: 't1',
      speaker: 's',
      label: 'S',
      paragraphs: ['OP_RETURN outputs carry data; the RETURN key is elsewhere; node.js too.'],
      line: 1,
      fingerprint: 'x',
      earlier: [],
    },
  ];
  const topic = (name: string, entity = true): Topic => extractedTopic(name, entity);
  const matched = matchTopics(
    [topic('OP_RETURN'), topic('Return'), topic('Node', false), topic('node.js', false)],
    turns,
  );
  const found = Object.fromEntries(matched.map((m) => [m.slug, m.matches.length]));
  expect(found['op-return']).toBe(1);
  // `RETURN` (written alone) matches: the capitals `Return` asks for are there; inside `OP_RETURN` it does not.
  expect(matchTopics([topic('Return')], [{ ...(turns[0] as Turn), paragraphs: ['OP_RETURN only'] }])).toEqual([]);
  expect(found.node).toBeUndefined();
  expect(found['node-js']).toBe(1);
});

test('nicknames are made of the name’s parts', () => {
  expect(nicknamesOf('Kevin Ball')).toContain('kball');
  expect(nicknamesOf('Madonna')).toEqual([]);
});

const twoSpeakers = (a: string, b: string, said: string) =>
  `**${a}:** Today: ${said}. More on ${said}.\n\n**${b}:** Yes, ${said} again, ${said}.\n\n**${a}:** And ${said}.\n`;

test('a speaker’s name, nickname or alias, or a placeholder name, is never a topic, though discussed', () => {
  const archive = ingestArchive({
    sources: [
      source('show/ep-a.md', `**Kevin Ball:** Hello.\n\n**Nick Nisi:** Hi.\n`),
      source('other/talk.md', twoSpeakers('Jerod Santo', 'Amal Hussein', 'Kball')),
      source('other/talk-2.md', twoSpeakers('Jerod Santo', 'Amal Hussein', 'Nick Nisi')),
      source('other/talk-3.md', twoSpeakers('Jerod Santo', 'Amal Hussein', 'Alice')),
      source('other/talk-4.md', twoSpeakers('Jerod Santo', 'Amal Hussein', 'Rust')),
    ],
  });
  expect(slugs(archive)).toContain('rust');
  for (const name of ['kball', 'nick-nisi', 'nick', 'alice', 'jerod-santo']) expect(slugs(archive)).not.toContain(name);
});

test('a show’s own name is not a topic, nor a transcript’s event or folder on its own transcripts', () => {
  const episode = (n: number) =>
    source(`jsparty/js-party-${n}.md`, twoSpeakers('Jerod Santo', 'Amal Hussein', 'JS Party'));
  const archive = ingestArchive({
    sources: [
      episode(1),
      episode(2),
      source('c-lightning/2019/intro.md', twoSpeakers('Rusty Russell', 'Lisa Neigut', 'C-lightning')),
    ],
  });
  expect(slugs(archive)).not.toContain('js-party');
  expect(slugs(archive)).not.toContain('c-lightning');
  expect(sourceNames('c-lightning/2019/intro.md', undefined, 'Lightning Conference')).toEqual(
    new Set(['c lightning', 'clightning', 'lightning conference']),
  );
});

test('a phrase said in passing is mentioned, not discussed; two speakers or repetition make it discussed', () => {
  const turn = turnOf;
  const filler = Array.from({ length: 25 }, (_, i) => turn(`f${i}`, 'a', 'Nothing much.'));
  const extracted = { origin: 'extracted' as const };
  const filed = (...turns: [string, string][]) => ({
    slug: 'high-school',
    matches: turns.map(([t, term]) => ({ turn: t, terms: [term] })),
  });
  // Once, in a long transcript: mentioned.
  const once = [turn('t1', 'a', 'Back in high school I played chess.'), ...filler];
  expect(discussed(extracted, filed(['t1', 'high school']), once)).toBe(false);
  // The same, filed by curation: a mention is enough.
  expect(discussed({ origin: 'rules' }, filed(['t1', 'high school']), once)).toBe(true);
  // Twice, by two speakers.
  const two = [turn('t1', 'a', 'In high school?'), turn('t2', 'b', 'Yes, high school.'), ...filler];
  expect(discussed(extracted, filed(['t1', 'high school'], ['t2', 'high school']), two)).toBe(true);
  // Twice by one speaker in a long transcript: not yet; three times: yes.
  const twice = [turn('t1', 'a', 'High school, high school.'), ...filler];
  expect(discussed(extracted, filed(['t1', 'high school']), twice)).toBe(false);
  const thrice = [turn('t1', 'a', 'High school, high school.', 'And high school.'), ...filler];
  expect(discussed(extracted, filed(['t1', 'high school']), thrice)).toBe(true);
  // Twice in a short transcript (a briefing's long answer): discussed.
  const briefing = [turn('t1', 'a', 'Interpol helps.', 'Interpol’s resources.')];
  expect(discussed(extracted, filed(['t1', 'Interpol']), briefing)).toBe(true);
});

test('a fragment of a longer name, a web address’s words, a rating at a sentence’s start and an oath are no candidates', () => {
  const found = extractCandidates(
    [
      'Welcome to Go Time. On Go Time we talk. Ship It is a show; Ship It again. Good job. Good job. Oh my God, my God.',
      'See https://x.com/?utm_source=a&utm_medium=b and [the link](https://y.com/a?utm_campaign=c), utm_source twice.',
      'We love Kubernetes, and Kubernetes loves us.',
    ],
    new Set(),
  ).map((c) => c.key);
  expect(found).toContain('kubernetes');
  for (const noise of ['time', 'go time', 'ship', 'good job', 'god', 'utm_medium', 'utm_campaign'])
    expect(found).not.toContain(noise);
});

test('the rest of a hyphenated compound is no phrase; a spaced dash is no hyphen', () => {
  const found = extractCandidates(
    [
      'A long-time listener of single-page app work. A long-time listener, a single-page app. Web apps - web apps - rule.',
    ],
    new Set(),
  ).map((c) => c.key);
  expect(found).not.toContain('time listener');
  expect(found).not.toContain('page app');
  expect(found.some((k) => k.startsWith('web app'))).toBe(true);
});

test('spellings of one name are one topic: plurals, spaces and dots aside', () => {
  expect(variantKey('gpus')).toBe(variantKey('gpu'));
  expect(variantKey('open ai')).toBe(variantKey('openai'));
  expect(variantKey('ph d')).toBe(variantKey('phd'));
  expect(variantKey('rust')).not.toBe(variantKey('ruby'));
});
