/**
 * `Speaker 0`/`Speaker 1` with two metadata names: resolved to the names when
 * what the voices say decides who is who, else roles local to the transcript.
 */
import { expect, test } from 'vitest';
import { nameDiarizedVoices } from '../../scripts/core/diarized-names.ts';
import { ingestArchive } from '../../scripts/core/ingest-archive.ts';

test('a voice that greets a person by name is not that person', () => {
  const voices = new Map([
    ['Speaker 0', 'Hi Gloria.\nWe are here to talk about Bitcoin.'],
    ['Speaker 1', 'Hi John.\nYes.'],
  ]);
  expect(nameDiarizedVoices(voices, ['John Newbery', 'Gloria Zhao'])).toEqual(
    new Map([
      ['Speaker 0', 'John Newbery'],
      ['Speaker 1', 'Gloria Zhao'],
    ]),
  );
});

test('a voice that introduces itself is that person', () => {
  const voices = new Map([
    ['Speaker 0', 'Welcome. I am Ruben and today we talk.'],
    ['Speaker 1', 'Thanks for having me.'],
  ]);
  expect(nameDiarizedVoices(voices, ['Aaron van Wirdum', 'Ruben Somsen']).get('Speaker 0')).toBe('Ruben Somsen');
});

test('no evidence, contrary evidence, or more voices than names: no guess', () => {
  const silent = new Map([
    ['Speaker 0', 'Hello.'],
    ['Speaker 1', 'Hello.'],
  ]);
  expect(nameDiarizedVoices(silent, ['John Newbery', 'Gloria Zhao']).size).toBe(0);
  const both = new Map([
    ['Speaker 0', 'Hi Gloria. Hi John.'],
    ['Speaker 1', 'Hi John. Hi Gloria.'],
  ]);
  expect(nameDiarizedVoices(both, ['John Newbery', 'Gloria Zhao']).size).toBe(0);
  const three = new Map([...silent, ['Speaker 2', 'Hi Gloria.']]);
  expect(nameDiarizedVoices(three, ['John Newbery', 'Gloria Zhao']).size).toBe(0);
});

const file = (speakers: string, body: string) =>
  new TextEncoder().encode(`---\ntitle: "Mempool Policy"\nspeakers: [${speakers}]\n---\n${body}`);

test('the transcript resolves its diarized voices to the metadata’s names, or keeps them local roles', () => {
  const body =
    'Speaker 0: 00:00:00\n\nHi Gloria.\n\nSpeaker 1: 00:00:01\n\nHi John.\n\nSpeaker 0: 00:00:02\n\nLet us talk.\n';
  const named = ingestArchive({
    sources: [{ file: 'p/mempool.md', bytes: file("'John Newbery', 'Gloria Zhao'", body), hash: 'a' }],
  });
  expect(named.transcripts[0]?.participants.map((p) => [p.labels[0], p.speaker])).toEqual([
    ['Speaker 0', 'john-newbery'],
    ['Speaker 1', 'gloria-zhao'],
  ]);
  const silent = body.replace('Hi Gloria.', 'Hello.').replace('Hi John.', 'Hello.');
  const unnamed = ingestArchive({
    sources: [{ file: 'p/other.md', bytes: file("'John Newbery', 'Gloria Zhao'", silent), hash: 'b' }],
  });
  for (const p of unnamed.transcripts[0]?.participants ?? []) expect(p.speaker).toMatch(/^speaker-[01]-in-p-other$/);
});
