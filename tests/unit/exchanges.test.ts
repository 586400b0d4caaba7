/** Press conferences split into exchanges. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ingestArchive, type SourceFile } from '../../scripts/core/ingest-archive.ts';

const enc = new TextEncoder();
const source = (file: string, text: string): SourceFile => ({ file, bytes: enc.encode(text), hash: file });
const shape = (text: string, speakers?: string) =>
  ingestArchive({
    sources: [source('x.txt', text)],
    ...(speakers ? { speakerRegistry: { file: 'speakers.yaml', text: speakers } } : {}),
  }).transcripts[0]?.exchanges.map((e) => [e.kind, e.turns.join(','), e.askedBy ?? '', e.answeredBy.join(',')]);

test('the seed: CCTV’s question and Qi Yanjun’s answer, the host’s turn, and the remarks after it', () => {
  const exchanges = shape(
    readFileSync('seeds/000_b208c8174473c045.txt', 'utf8'),
    readFileSync('seeds/speakers.yaml', 'utf8'),
  );
  expect(exchanges).toEqual([
    ['exchange', 't1,t2', 'china-central-television-cctv', 'qi-yanjun'],
    ['moderator', 't3', '', ''],
    ['remarks', 't4', '', ''],
  ]);
});

test('opening statements, then one exchange per question with every answer, moderators between', () => {
  const text = [
    'Moderator:',
    'Welcome.',
    'Anna Berg:',
    'Opening statement.',
    'Reuters:',
    'First question?',
    'Anna Berg:',
    'Answer one.',
    'Ben Olsen:',
    'Adding to that.',
    'Moderator:',
    'Next.',
    'Q:',
    'Second question?',
    'Ben Olsen:',
    'Answer two.',
  ].join('\n');
  expect(shape(text)).toEqual([
    ['moderator', 't1', '', ''],
    ['opening', 't2', '', ''],
    ['exchange', 't3,t4,t5', 'reuters', 'anna-berg,ben-olsen'],
    ['moderator', 't6', '', ''],
    ['exchange', 't7,t8', 'q-in-x', 'ben-olsen'],
  ]);
});

test('a conversation without questions has no exchanges', () => {
  expect(shape('Anna Berg:\nHi.\nBen Olsen:\nHello.\n')).toEqual([]);
});
