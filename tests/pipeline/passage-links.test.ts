/**
 * A passage file the published site holds with the same bytes is linked from
 * it instead of written (scripts/search/passage-index-fs.ts): a transcript
 * added in the middle of the date order renumbers the passages after it, and
 * they are still linked; a passage whose text changed is written; and the
 * passage index is, file for file, the one written without a published site.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { readNumbersAhead } from '../../scripts/search/passage-index-fs.ts';
import { writeVocabulary } from '../../scripts/search/vocabulary-fs.ts';
import { completeTwin } from '../helpers/twins.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const twin = (slug: string, date: string, said: string) =>
  completeTwin(slug, {
    language: 'en',
    date,
    speakers: [{ slug: 'anna', name: 'Anna Berg' }],
    turns: [{ speaker: 'anna', paragraphs: [said] }],
  });

/** Writes the twins into a new site folder and its passage index (linking from `published` when given). */
async function site(twins: ReturnType<typeof twin>[], published?: string): Promise<{ dir: string; linked: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'passage-links-'));
  dirs.push(dir);
  const files = await Promise.all(
    twins.map(async (t) => {
      const file = join(dir, `${t.slug}.json`);
      await writeFile(file, JSON.stringify(t));
      return file;
    }),
  );
  const { linked } = await writeVocabulary(dir, files, published === undefined ? {} : { published });
  return { dir, linked };
}

/** Every file of a site's passage index, by path, with its bytes and inode. */
async function indexFiles(dir: string): Promise<Map<string, { text: string; inode: number }>> {
  const root = join(dir, 'search-words');
  const out = new Map<string, { text: string; inode: number }>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(relative(root, path), { text: await readFile(path, 'utf8'), inode: (await stat(path)).ino });
  }
  return out;
}

/** The index files of `first` as published, of `next` built beside them, and of `next` built from scratch. */
async function rebuild(first: ReturnType<typeof twin>[], next: ReturnType<typeof twin>[]) {
  const published = await site(first);
  expect(published.linked).toBe(0);
  const rebuilt = await site(next, published.dir);
  const fresh = await site(next);
  const [before, after, clean] = await Promise.all([
    indexFiles(published.dir),
    indexFiles(rebuilt.dir),
    indexFiles(fresh.dir),
  ]);
  return { before, after, clean, linked: rebuilt.linked };
}

test('unchanged passages are linked from the published index, renumbered or not; changed ones are written', async () => {
  const first = [
    twin('early', '2020-01-01', 'The harbour wall held.'),
    twin('late', '2024-01-01', 'The sea rose.'),
    twin('latest', '2025-01-01', 'The town paid.'),
  ];
  // One transcript added between the first two, and the last one's text changed.
  const next = [
    ...first.slice(0, 2),
    twin('middle', '2022-01-01', 'A new wall was built.'),
    twin('latest', '2025-01-01', 'The town paid twice.'),
  ];
  const { before, after, clean, linked: count } = await rebuild(first, next);
  // The same index as one written from scratch.
  expect([...after].map(([path, f]) => [path, f.text])).toEqual([...clean].map(([path, f]) => [path, f.text]));
  // `early` keeps its number, `late` moves up one; both are the published files. `middle` and `latest` are new.
  const publishedInodes = new Set([...before.values()].map((f) => f.inode));
  const linked = [...after].filter(([path, f]) => path.startsWith('passages/') && publishedInodes.has(f.inode));
  expect(linked.map(([, f]) => JSON.parse(f.text).url).sort()).toEqual(['/transcripts/early/', '/transcripts/late/']);
  expect(count).toBe(2);
  expect(after.size).toBe(clean.size);
});

test('list and number files an edit left as they were are the published files; the others are written', async () => {
  const first = [twin('early', '2020-01-01', 'The harbour wall held.'), twin('late', '2024-01-01', 'The sea rose.')];
  const next = [first[0] as ReturnType<typeof twin>, twin('late', '2024-01-01', 'The sea rose again.')];
  const { before, after, clean } = await rebuild(first, next);
  expect([...after].map(([path, f]) => [path, f.text])).toEqual([...clean].map(([path, f]) => [path, f.text]));
  const lists = [...after].filter(([path]) => /^(?:postings|numbers)\//.test(path));
  for (const [path, f] of lists) expect(f.inode === before.get(path)?.inode).toBe(f.text === before.get(path)?.text);
  // The numbers by address are the same; the word lists gained `again`.
  expect(lists.some(([path, f]) => path.startsWith('numbers/') && f.inode === before.get(path)?.inode)).toBe(true);
  expect(lists.some(([path, f]) => path.startsWith('postings/') && f.text !== before.get(path)?.text)).toBe(true);
});

test('the published numbers read ahead are the ones the next writer uses, and only that one', async () => {
  const twins = [twin('early', '2020-01-01', 'The harbour wall held.'), twin('late', '2024-01-01', 'The sea rose.')];
  const published = await site(twins);
  const index = join(published.dir, 'search-words');
  await readNumbersAhead(index);
  // Read after the read ahead, the published numbers would name no passage: none would be linked.
  for (const name of await readdir(join(index, 'numbers'))) await writeFile(join(index, 'numbers', name), '{}');
  expect((await site(twins, published.dir)).linked).toBe(2);
  expect((await site(twins, published.dir)).linked).toBe(0);
});
