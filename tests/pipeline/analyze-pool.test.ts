/**
 * The search stage's analyses of the twins in worker threads: the same as in
 * one thread and in the order of the files asked, however the workers finish,
 * with the words each worker numbered in its own table renumbered into the
 * caller's; a twin that cannot be read fails the pass with its file named.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { analyzedInOrder } from '../../scripts/search/analyze-pool-fs.ts';
import { type AnalyzedTwin, analyzeTwin } from '../../scripts/search/analyze-twin.ts';
import { type PackedTwin, packTwin, Terms } from '../../scripts/search/packed-twin.ts';
import { completeTwin, translatedSketch } from '../helpers/twins.ts';

const dir = mkdtempSync(join(tmpdir(), 'analyze-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Twins of different lengths (so workers finish out of order), one with a Chinese version. */
const files = Array.from({ length: 24 }, (_, i) => {
  const file = join(dir, `t${i}.json`);
  const said = Array.from({ length: 1 + ((i * 7) % 5) * 400 }, (_, k) => `word${k % 50} number ${i}`).join(' ');
  const twin =
    i === 5
      ? completeTwin(`t${i}`, translatedSketch(['电信诈骗', '打击电信诈骗'], '2024-01-01'))
      : completeTwin(`t${i}`, {
          language: 'en',
          date: `2024-01-${String(i + 1).padStart(2, '0')}`,
          speakers: [{ slug: `anna-${i % 3}`, name: `Anna ${i % 3}` }],
          turns: [{ speaker: `anna-${i % 3}`, paragraphs: [said, 'Compiling the compilers.'] }],
        });
  writeFileSync(file, JSON.stringify(twin));
  return file;
});

/** A packed twin with its term numbers read back as the strings they stand for. */
function unpacked({ pages, languages, speakers }: PackedTwin, terms: Terms): AnalyzedTwin {
  const named = (ids: Uint32Array, n: Uint32Array): [string, number][] =>
    [...ids].map((id, i) => [terms.strings[id] as string, n[i] as number]);
  return {
    pages: pages.map((p) => ({
      ...p,
      keys: [...p.keys].map((id) => terms.strings[id] as string),
      counts: [...p.counts],
    })),
    languages: languages.map((l) => ({
      language: l.language,
      turns: l.turns,
      words: named(l.words, l.wordTurns),
      echoes: named(l.echoes, l.echoTurns),
    })),
    speakers,
  };
}

async function all(threads: number, minTwins: number): Promise<AnalyzedTwin[]> {
  const terms = new Terms();
  const out: PackedTwin[] = [];
  for await (const analyzed of analyzedInOrder(files, terms, threads, minTwins)) out.push(analyzed);
  return out.map((packed) => unpacked(packed, terms));
}

test('a packed twin reads back as its analysis', async () => {
  const terms = new Terms();
  for (const file of files.slice(3, 7)) {
    const analyzed = await analyzeTwin(readFileSync(file, 'utf8'));
    expect(unpacked(packTwin(analyzed, terms), terms)).toEqual(analyzed);
  }
  expect(new Set(terms.strings).size).toBe(terms.strings.length);
});

test('workers give the same analyses as one thread, in the order asked', async () => {
  const inline = await all(1, 1);
  expect(inline.map((a) => a.pages[0]?.url)).toEqual(files.map((_, i) => `/transcripts/t${i}/`));
  expect(inline.some((a) => a.pages.some((p) => p.keys.length > 0))).toBe(true);
  expect(await all(3, 1)).toEqual(inline);
}, 60_000);

test('a twin that cannot be read fails the pass and names its file', async () => {
  const missing = join(dir, 'missing.json');
  const run = async () => {
    for await (const _ of analyzedInOrder([...files.slice(0, 4), missing, ...files.slice(4)], new Terms(), 2, 1));
  };
  await expect(run()).rejects.toThrow(/missing\.json/);
}, 60_000);

test('in one thread too, a twin that cannot be read fails the pass in its turn and names its file', async () => {
  const missing = join(dir, 'missing.json');
  const seen: number[] = [];
  const run = async () => {
    for await (const analyzed of analyzedInOrder([files[0] as string, missing], new Terms(), 1, 1))
      seen.push(analyzed.pages.length);
  };
  await expect(run()).rejects.toThrow(/missing\.json/);
  expect(seen).toEqual([1]);
});
