/**
 * The search pass's store (scripts/search/pass-store-fs.ts): a pass beside
 * the published site reads its unchanged twins from the store the last pass
 * left, and writes, file for file, the vocabulary and passage index a pass
 * without any kept file writes. A published passage that no longer holds its
 * text is made again from the twin's analysis; a damaged store is dropped
 * with one line; a store whose terms are mostly no longer said is not kept.
 */
import { existsSync } from 'node:fs';
import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { reportDroppedTo } from '../../scripts/lib/build-cache-fs.ts';
import { statKey } from '../../scripts/lib/scan-cache-fs.ts';
import { analysesDir } from '../../scripts/search/analysis-cache-fs.ts';
import { Terms } from '../../scripts/search/packed-twin.ts';
import { passStoreDir, passStoreWriter, readPassStore } from '../../scripts/search/pass-store-fs.ts';
import { writeVocabulary } from '../../scripts/search/vocabulary-fs.ts';
import { passagePath, VOCABULARY_DIR } from '../../src/lib/passage-index.ts';
import { completeTwin } from '../helpers/twins.ts';

let root = '';
const dropped: string[] = [];
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pass-store-'));
  reportDroppedTo((line) => dropped.push(line));
});
afterAll(async () => {
  reportDroppedTo((line) => console.log(line));
  await rm(root, { recursive: true, force: true });
});

const twin = (slug: string, date: string, said: string) =>
  completeTwin(slug, {
    language: 'en',
    date,
    speakers: [{ slug: 'anna', name: 'Anna Berg' }],
    turns: [{ speaker: 'anna', paragraphs: [said, `${slug} closes the ${date.slice(0, 4)} hearing.`] }],
  });

const first = [
  twin('early', '2020-01-01', 'The harbour wall held through the storm.'),
  twin('late', '2024-01-01', 'The sea rose over the quay.'),
  twin('latest', '2025-01-01', 'The town paid for the repairs.'),
];
/** One transcript added in the middle of the date order, one changed. */
const next = [
  ...first.slice(0, 2),
  twin('middle', '2022-01-01', 'A new wall was built of granite.'),
  twin('latest', '2025-01-01', 'The town paid twice for the repairs.'),
];

let n = 0;
/**
 * A site of the twins: each twin `from` the published site holds with the
 * same text is linked from it, as the data stage does, so it keeps its identity.
 */
async function site(twins: ReturnType<typeof twin>[], from?: string): Promise<string> {
  const dir = join(root, `site-${n++}`);
  await mkdir(join(dir, 'transcripts'), { recursive: true });
  for (const t of twins) {
    const file = join(dir, 'transcripts', `${t.slug}.json`);
    const text = JSON.stringify(t);
    const before = from === undefined ? undefined : join(from, 'transcripts', `${t.slug}.json`);
    if (before !== undefined && (await readFile(before, 'utf8').catch(() => '')) === text) await link(before, file);
    else await writeFile(file, text);
  }
  return dir;
}

const twinsOf = async (dir: string): Promise<string[]> =>
  (await readdir(join(dir, 'transcripts'))).map((f) => join(dir, 'transcripts', f)).sort();

/** A pass with the cache `cache`, beside the published site `published`. */
async function pass(dir: string, cache: string, published: string) {
  return writeVocabulary(dir, await twinsOf(dir), { keptDir: analysesDir(cache, published), published });
}

/** Every file of a site's vocabulary and passage index, by path, with its text. */
async function indexFiles(dir: string): Promise<[string, string][]> {
  const base = join(dir, VOCABULARY_DIR);
  const out: [string, string][] = [];
  for (const entry of await readdir(base, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out.push([relative(base, path), await readFile(path, 'utf8')]);
    }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** The index written with no kept file at all. */
async function clean(twins: ReturnType<typeof twin>[]): Promise<[string, string][]> {
  const dir = await site(twins);
  await writeVocabulary(dir, await twinsOf(dir));
  return indexFiles(dir);
}

/** A published site of `first` and the cache its pass left (a first pass: no store to read yet). */
async function published(): Promise<{ out: string; cache: string }> {
  const cache = join(root, `cache-${n++}`);
  const out = await site(first);
  const made = await pass(out, cache, out);
  expect(made.stored).toBe(0);
  expect(existsSync(join(passStoreDir(analysesDir(cache, out)), 'index.jsonl'))).toBe(true);
  return { out, cache };
}

/** The store's numbers file: its name, inode and size. */
async function numbersFile(cache: string, out: string): Promise<{ name: string; inode: number; size: number }> {
  const store = passStoreDir(analysesDir(cache, out));
  const name = (await readdir(store)).find((f) => f.startsWith('numbers-'));
  if (!name) throw new Error('no numbers file in the store');
  const { ino, size } = await stat(join(store, name));
  return { name, inode: ino, size };
}

test('unchanged twins are read from the store, and the index is the one a clean pass writes', async () => {
  const { out, cache } = await published();
  // The store names each passage's file by its identity, so the next pass links it without reading it.
  // A header line, then a line a twin: `[key, twin]`.
  const lines = (await readFile(join(passStoreDir(analysesDir(cache, out)), 'index.jsonl'), 'utf8')).split('\n');
  expect(lines.pop()).toBe('');
  const twins = lines.slice(1).map((line) => (JSON.parse(line) as [string, { pages: { file?: string }[] }])[1]);
  const files = twins.flatMap((t) => t.pages.map((p) => p.file));
  expect(files).toEqual(
    await Promise.all(files.map(async (_, n) => statKey(await stat(join(out, VOCABULARY_DIR, passagePath(n)))))),
  );
  const numbersBefore = await numbersFile(cache, out);
  const rebuilt = await site(next, out);
  const made = await pass(rebuilt, cache, out);
  // `early` and `late` are the published twins; `middle` is new and `latest` changed.
  expect(made.stored).toBe(2);
  // Only the lists of `middle` and `latest` were written: appended to the numbers file, the others kept in place.
  const numbersAfter = await numbersFile(cache, out);
  expect([numbersAfter.name, numbersAfter.inode]).toEqual([numbersBefore.name, numbersBefore.inode]);
  expect(numbersAfter.size).toBeGreaterThan(numbersBefore.size);
  expect(numbersAfter.size).toBeLessThan(2 * numbersBefore.size);
  expect(made.linked).toBe(2);
  expect(await indexFiles(rebuilt)).toEqual(await clean(next));
  // And the store that pass left serves the next one: every twin is in it.
  const again = await site(next, rebuilt);
  expect((await pass(again, cache, out)).stored).toBe(4);
  expect(await indexFiles(again)).toEqual(await clean(next));
});

test("a published passage that no longer holds its text is made again from the twin's analysis", async () => {
  const { out, cache } = await published();
  const numbers = await indexFiles(out);
  const passage = numbers.find(([path, text]) => path.startsWith('passages/') && text.includes('/transcripts/late/'));
  if (!passage) throw new Error('no passage of `late` in the published index');
  // Replaced, not written in place: the store's pass linked it nowhere else, but a site's files are replaced.
  await rm(join(out, VOCABULARY_DIR, passage[0]));
  await writeFile(join(out, VOCABULARY_DIR, passage[0]), '{"url":"/transcripts/late/","edited":true}');
  const rebuilt = await site(next, out);
  const made = await pass(rebuilt, cache, out);
  expect(made.stored).toBe(2);
  expect(made.linked).toBe(1);
  expect(await indexFiles(rebuilt)).toEqual(await clean(next));
});

test('a damaged store is dropped with one line, and the pass is the same without it', async () => {
  const { out, cache } = await published();
  const store = passStoreDir(analysesDir(cache, out));
  const numbersFile = (await readdir(store)).find((f) => f.startsWith('numbers-'));
  if (!numbersFile) throw new Error('no numbers file in the store');
  await truncate(join(store, numbersFile), 8);
  dropped.length = 0;
  const rebuilt = await site(next, out);
  const made = await pass(rebuilt, cache, out);
  expect(made.stored).toBe(0);
  expect(dropped).toHaveLength(1);
  expect(dropped[0]).toContain(join(store, 'index.jsonl'));
  expect(await indexFiles(rebuilt)).toEqual(await clean(next));
  // The pass made a whole store again.
  expect((await pass(await site(next, rebuilt), cache, out)).stored).toBe(4);
});

test('a store whose terms are mostly no longer said is not kept', async () => {
  const { out, cache } = await published();
  const store = passStoreDir(analysesDir(cache, out));
  // Only `early` is left: most of the table's terms were said by the other two.
  const rebuilt = await site(first.slice(0, 1), out);
  expect((await pass(rebuilt, cache, out)).stored).toBe(1);
  expect(await readdir(store)).toEqual([]);
  const again = await site(first.slice(0, 1), rebuilt);
  expect((await pass(again, cache, out)).stored).toBe(0);
  expect(await indexFiles(again)).toEqual(await clean(first.slice(0, 1)));
});

test('a store whose numbers file would be mostly lists no twin uses is written into a new file, compactly', async () => {
  const { out, cache } = await published();
  const store = passStoreDir(analysesDir(cache, out));
  // Every twin's text changed a little, twice: the same terms, every list appended anew each time.
  const editedOnce = first.map((t) => twin(t.slug, t.date ?? '', `${t.turns[0]?.paragraphs[0] ?? ''} Again.`));
  const edited = first.map((t) => twin(t.slug, t.date ?? '', `${t.turns[0]?.paragraphs[0] ?? ''} Once more.`));
  const initial = await numbersFile(cache, out);
  const once = await site(editedOnce, out);
  expect((await pass(once, cache, out)).stored).toBe(0);
  // Half the file is the first lists: appended to.
  const appended = await numbersFile(cache, out);
  expect(appended.name).toBe(initial.name);
  const rebuilt = await site(edited, once);
  expect((await pass(rebuilt, cache, out)).stored).toBe(0);
  // Two thirds would be lists of no twin: a new file holds the lists in use, and the next pass reads them.
  const compacted = await numbersFile(cache, out);
  expect(compacted.name).not.toBe(initial.name);
  expect(compacted.size).toBeLessThan(appended.size);
  expect(await readdir(store)).toHaveLength(3);
  const again = await site(edited, rebuilt);
  expect((await pass(again, cache, out)).stored).toBe(3);
  expect(await indexFiles(again)).toEqual(await clean(edited));
});

test('a store with more numbers than Node can read back at once is not kept', async () => {
  const store = join(root, 'too-many');
  const terms = new Terms(['harbour', 'wall']);
  const twin = {
    pages: [],
    languages: [
      {
        language: 'en',
        turns: 1,
        words: new Uint32Array([0, 1]),
        wordTurns: new Uint32Array([1, 1]),
        echoes: new Uint32Array(),
        echoTurns: new Uint32Array(),
      },
    ],
    speakers: [],
  };
  const kept = await passStoreWriter(store, terms, { mostNumbers: 4 });
  await kept.add('a', twin);
  expect(await kept.finish(() => undefined)).toBe(true);
  expect(await readPassStore(store)).toBeDefined();
  const over = await passStoreWriter(store, terms, { mostNumbers: 3 });
  await over.add('a', twin);
  expect(await over.finish(() => undefined)).toBe(false);
  expect(await readdir(store)).toEqual([]);
});

test('a key added twice is kept once, with its first lists, and the store reads back', async () => {
  const store = join(root, 'twice');
  const terms = new Terms(['harbour', 'wall', 'tide', 'sea']);
  const twinOf = (words: number[]) => ({
    pages: [],
    languages: [
      {
        language: 'en',
        turns: 1,
        words: new Uint32Array(words),
        wordTurns: new Uint32Array(words.map(() => 1)),
        echoes: new Uint32Array(),
        echoTurns: new Uint32Array(),
      },
    ],
    speakers: [],
  });
  const kept = await passStoreWriter(store, terms);
  await kept.add('a', twinOf([0, 1, 2]));
  await kept.add('a', twinOf([3]));
  expect(await kept.finish(() => undefined)).toBe(true);
  // The index: its header line, then one line for `a`.
  expect((await readFile(join(store, 'index.jsonl'), 'utf8')).split('\n')).toHaveLength(3);
  const read = await readPassStore(store);
  expect([...(read?.twin('a')?.languages[0]?.words ?? [])]).toEqual([0, 1, 2]);
});

test('an index naming a file outside the store is refused, and that file is left alone', async () => {
  const store = join(root, 'outside', 'store');
  await mkdir(store, { recursive: true });
  const outside = join(root, 'outside', 'terms-a-1.json');
  await writeFile(outside, 'not the store');
  await writeFile(
    join(store, 'index.jsonl'),
    `${JSON.stringify({ version: 1, terms: '../terms-a-1.json', numbers: 'numbers-a-1.bin', count: 0 })}\n`,
  );
  dropped.length = 0;
  expect(await readPassStore(store)).toBeUndefined();
  expect(dropped).toHaveLength(1);
  expect(await readFile(outside, 'utf8')).toBe('not the store');
});
