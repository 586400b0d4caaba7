/**
 * The search stage's analyses of the twins in worker threads: the same as in
 * one thread and in the order of the files asked, however the workers finish,
 * with the words each worker numbered in its own table renumbered into the
 * caller's; a twin that cannot be read fails the pass with its file named.
 * Kept analyses (`analysis-cache-fs.ts`) are read back instead of made again,
 * one per twin file, and one that cannot be read is dropped and made again.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { pruneKept, reportDroppedTo } from '../../scripts/lib/build-cache-fs.ts';
import { analysesDir, analysisFiles } from '../../scripts/search/analysis-cache-fs.ts';
import { analyzedInOrder, type PoolOptions } from '../../scripts/search/analyze-pool-fs.ts';
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
      data: p.data ?? '',
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

async function all(threads: number, minTwins: number, kept?: readonly string[]): Promise<AnalyzedTwin[]> {
  const terms = new Terms();
  const out: PackedTwin[] = [];
  const options: PoolOptions = { threads, minTwins, ...(kept ? { kept } : {}) };
  for await (const analyzed of analyzedInOrder(files, terms, options)) out.push(analyzed);
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
    for await (const _ of analyzedInOrder([...files.slice(0, 4), missing, ...files.slice(4)], new Terms(), {
      threads: 2,
      minTwins: 1,
    }));
  };
  await expect(run()).rejects.toThrow(/missing\.json/);
}, 60_000);

test('in one thread too, a twin that cannot be read fails the pass in its turn and names its file', async () => {
  const missing = join(dir, 'missing.json');
  const seen: number[] = [];
  const run = async () => {
    for await (const analyzed of analyzedInOrder([files[0] as string, missing], new Terms(), {
      threads: 1,
      minTwins: 1,
    }))
      seen.push(analyzed.pages.length);
  };
  await expect(run()).rejects.toThrow(/missing\.json/);
  expect(seen).toEqual([1]);
});

test('kept analyses are written once per twin and read back, in workers and in one thread', async () => {
  const cache = join(dir, 'cache-kept');
  const kept = await analysisFiles(cache, files);
  expect(new Set(kept).size).toBe(files.length);
  const plain = await all(1, 1);
  expect(await all(3, 1, kept)).toEqual(plain);
  expect(kept.every((f) => existsSync(f))).toBe(true);
  // Twin 0's kept file now holds twin 1's analysis: a pass that reads it back gives that.
  writeFileSync(kept[0] as string, readFileSync(kept[1] as string));
  for (const threads of [3, 1]) {
    const [first, ...rest] = await all(threads, 1, kept);
    expect(first).toEqual(plain[1]);
    expect(rest).toEqual(plain.slice(1));
  }
}, 60_000);

test('a kept analysis that cannot be read, or is not one, is dropped with one line and made again', async () => {
  const cache = join(dir, 'cache-broken');
  const kept = await analysisFiles(cache, files);
  const plain = await all(1, 1, kept);
  writeFileSync(kept[2] as string, 'not JSON');
  writeFileSync(kept[3] as string, readFileSync(kept[3] as string).subarray(0, 40));
  // JSON of the wrong shape: a page without its keys, and a language without its words.
  const analysis = JSON.parse(readFileSync(kept[4] as string, 'utf8')) as AnalyzedTwin;
  const { keys: _keys, ...keyless } = analysis.pages[0] as AnalyzedTwin['pages'][number];
  writeFileSync(kept[4] as string, JSON.stringify({ ...analysis, pages: [keyless] }));
  const wordless = { language: 'en', turns: 1, echoes: [] };
  writeFileSync(kept[5] as string, JSON.stringify({ ...analysis, languages: [wordless] }));
  const lines: string[] = [];
  reportDroppedTo((line) => lines.push(line));
  try {
    expect(await all(1, 1, kept)).toEqual(plain);
  } finally {
    reportDroppedTo((line) => console.log(line));
  }
  expect(lines).toHaveLength(4);
  for (const [i, line] of lines.entries()) expect(line).toContain(kept[i + 2]);
  expect(kept.every((f) => existsSync(f))).toBe(true);
});

test('a twin written again gets a new kept file; the files of twins gone are pruned, in its own output folder only', async () => {
  const cache = analysesDir(join(dir, 'cache-prune'), join(dir, 'site'));
  const other = analysesDir(join(dir, 'cache-prune'), join(dir, 'other-site'));
  expect(other).not.toBe(cache);
  const others = await analysisFiles(other, files.slice(0, 3));
  await all(1, 1, [...others, ...(await analysisFiles(join(dir, 'unused'), files.slice(3)))]);
  const before = await analysisFiles(cache, files);
  expect(await analysisFiles(cache, files)).toEqual(before);
  await all(1, 1, before);
  const twin = files[4] as string;
  const text = readFileSync(twin, 'utf8');
  rmSync(twin);
  writeFileSync(twin, text.replace('Compiling', 'Decompiling'));
  const after = await analysisFiles(cache, files);
  expect(after.filter((f, i) => f !== before[i])).toEqual([after[4]]);
  const [, , , , fifth] = await all(1, 1, after);
  expect(fifth?.pages[0]?.keys).toContain('decompil');
  expect(await pruneKept(cache, after.slice(1))).toBe(2);
  expect(readdirSync(other)).toHaveLength(3);
  expect(readdirSync(cache).sort()).toEqual(
    after
      .slice(1)
      .map((f) => f.split('/').pop())
      .sort(),
  );
});
