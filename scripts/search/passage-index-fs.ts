/**
 * Writes the passage index (`src/lib/passage-index.ts`) into
 * `/search-words/`: every search passage's data, numbered in date order, each
 * number by the passage's address (for the passages Pagefind finds by their
 * filters), and per language the lists of passages by key, split into bucket
 * files (a list too long to share a bucket in a file of its own). Made from
 * the same search pages Pagefind indexes, so both always agree: the
 * vocabulary's one pass over the twins (`vocabulary-fs.ts`) hands each
 * transcript's pages to the writer in date order.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  encodeFlat,
  NUMBERS_DIR,
  type NumbersFile,
  numbersBucket,
  OWN_FILE_AT,
  PASSAGES_DIR,
  type PassageManifest,
  POSTINGS_DIR,
  type PostingsFile,
  passagePath,
  postingsBucket,
  postingsFolder,
  termWeight,
} from '../../src/lib/passage-index.ts';
import { fnv1a } from '../core/search-shards.ts';
import type { PackedPage, Terms } from './packed-twin.ts';

/** About this many characters of lists go into one bucket file before another is added (a power of two of them). */
const BUCKET_CHARS = 4000;
const MOST_BUCKETS = 8192;
/** Files written at once. */
const WRITING = 64;

/** Writes `files`, `WRITING` at once, making a folder only the first time (`made`: the folders made so far). */
async function writeAll(files: readonly [path: string, text: string][], made: Set<string>): Promise<void> {
  for (const dir of new Set(files.map(([path]) => dirname(path)))) {
    if (made.has(dir)) continue;
    await mkdir(dir, { recursive: true });
    made.add(dir);
  }
  for (let i = 0; i < files.length; i += WRITING)
    await Promise.all(files.slice(i, i + WRITING).map(([path, text]) => writeFile(path, text)));
}

/** Adds a transcript's search pages to the index: call in date order, so passages are numbered oldest first. */
export interface PassageIndexWriter {
  add(pages: readonly PackedPage[]): Promise<void>;
  /** Writes what is left (the lists, the numbers by address) and returns the index's manifest. */
  finish(): Promise<PassageManifest>;
}

/** A writer of the passage index into `dir`, replacing any before; the pages' keys are numbers of `terms`. */
export async function passageIndexWriter(dir: string, terms: Terms): Promise<PassageIndexWriter> {
  await rm(join(dir, PASSAGES_DIR), { recursive: true, force: true });
  await rm(join(dir, POSTINGS_DIR), { recursive: true, force: true });
  await rm(join(dir, NUMBERS_DIR), { recursive: true, force: true });
  const made = new Set<string>();
  const numbers: [address: string, passage: number][] = [];
  /** Per language, by key's term number: `[passage, count, passage, count, …]`, passages ascending. */
  const lists = new Map<string, (number[] | undefined)[]>();
  /** Each passage's length in characters, and per language the sum, for the weights' length discount. */
  const lengths: number[] = [];
  const totals = new Map<string, { chars: number; passages: number }>();
  let n = 0;
  /** Passage files not yet written: written a batch at a time, across transcripts. */
  let writes: [string, string][] = [];
  let writing = Promise.resolve();
  async function add(pages: readonly PackedPage[]): Promise<void> {
    for (const page of pages) {
      const passage = n++;
      numbers.push([page.url, passage]);
      writes.push([join(dir, passagePath(passage)), page.data]);
      let keys = lists.get(page.language);
      if (!keys) {
        keys = [];
        lists.set(page.language, keys);
      }
      lengths[passage] = page.length;
      const total = totals.get(page.language) ?? { chars: 0, passages: 0 };
      totals.set(page.language, { chars: total.chars + page.length, passages: total.passages + 1 });
      for (let i = 0; i < page.keys.length; i++) {
        const key = page.keys[i] as number;
        const count = page.counts[i] as number;
        const list = keys[key];
        if (list) list.push(passage, count);
        else keys[key] = [passage, count];
      }
    }
    // A batch is written while the next is made: the batch before must be done first.
    if (writes.length >= WRITING) {
      await writing;
      writing = writeAll(writes, made);
      // Awaited before the next batch and at the end: a failure meanwhile waits there, not unhandled.
      writing.catch(() => {});
      writes = [];
    }
  }
  async function finish(): Promise<PassageManifest> {
    await writing;
    await writeAll(writes, made);
    writes = [];
    // Each passage's number by its address, in files of about 128 addresses.
    let numberFiles = 1;
    while (numbers.length / numberFiles > 128 && numberFiles < MOST_BUCKETS) numberFiles *= 2;
    const byAddress: NumbersFile[] = Array.from({ length: numberFiles }, () => ({}));
    for (const [address, passage] of numbers)
      (byAddress[numbersBucket(address, numberFiles)] as NumbersFile)[address] = passage;
    await writeAll(
      byAddress.map((f, i): [string, string] => [join(dir, NUMBERS_DIR, `${i}.json`), JSON.stringify(f)]),
      made,
    );
    const manifest: PassageManifest = { count: n, buckets: {}, numbers: numberFiles };
    for (const [language, keys] of [...lists].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const total = totals.get(language) ?? { chars: 0, passages: 1 };
      const average = total.chars / total.passages;
      const weighed = (list: number[]): number[] =>
        list.map((v, i) => (i % 2 === 0 ? v : termWeight(v, lengths[list[i - 1] ?? 0] ?? average, average)));
      const named: [string, number[]][] = [];
      keys.forEach((list, id) => {
        if (list) named.push([terms.strings[id] as string, list]);
      });
      const encoded = named
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([key, list]) => [key, encodeFlat(weighed(list))] as const);
      const shared = encoded.filter(([, list]) => list.length <= OWN_FILE_AT);
      const chars = shared.reduce((sum, [key, list]) => sum + key.length + 4 + list.length * 3, 0);
      let buckets = 1;
      while (chars / buckets > BUCKET_CHARS && buckets < MOST_BUCKETS) buckets *= 2;
      manifest.buckets[language] = buckets;
      const files: PostingsFile[] = Array.from({ length: buckets }, () => ({}));
      const own: [string, string][] = [];
      const names = new Set<string>();
      const base = join(dir, postingsFolder(language));
      for (const [key, list] of encoded) {
        const file = files[postingsBucket(key, buckets)] as PostingsFile;
        if (list.length <= OWN_FILE_AT) {
          file[key] = list;
          continue;
        }
        let name = `own/${fnv1a(key).toString(36)}`;
        while (names.has(name)) name += '_';
        names.add(name);
        file[key] = name;
        own.push([join(base, `${name}.json`), JSON.stringify(list)]);
      }
      await writeAll(
        [...files.map((f, i): [string, string] => [join(base, `${i}.json`), JSON.stringify(f)]), ...own],
        made,
      );
    }
    return manifest;
  }
  return { add, finish };
}
