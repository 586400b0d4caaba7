/**
 * The search stage's analyses of the twins in worker threads: the same as in
 * one thread and in the order of the files asked, however the workers finish;
 * a twin that cannot be read fails the pass with its file named.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { analyzedInOrder } from '../../scripts/search/analyze-pool-fs.ts';
import type { AnalyzedTwin } from '../../scripts/search/analyze-twin.ts';
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

async function all(threads: number, minTwins: number): Promise<AnalyzedTwin[]> {
  const out: AnalyzedTwin[] = [];
  for await (const analyzed of analyzedInOrder(files, threads, minTwins)) out.push(analyzed);
  return out;
}

test('workers give the same analyses as one thread, in the order asked', async () => {
  const inline = await all(1, 1);
  expect(inline.map((a) => a.pages[0]?.url)).toEqual(files.map((_, i) => `/transcripts/t${i}/`));
  expect(await all(3, 1)).toEqual(inline);
}, 60_000);

test('a twin that cannot be read fails the pass and names its file', async () => {
  const missing = join(dir, 'missing.json');
  const run = async () => {
    for await (const _ of analyzedInOrder([...files.slice(0, 4), missing, ...files.slice(4)], 2, 1));
  };
  await expect(run()).rejects.toThrow(/missing\.json/);
}, 60_000);

test('in one thread too, a twin that cannot be read fails the pass in its turn and names its file', async () => {
  const missing = join(dir, 'missing.json');
  const seen: number[] = [];
  const run = async () => {
    for await (const analyzed of analyzedInOrder([files[0] as string, missing], 1, 1)) seen.push(analyzed.pages.length);
  };
  await expect(run()).rejects.toThrow(/missing\.json/);
  expect(seen).toEqual([1]);
});
