/**
 * The search pass's store: every twin's packed analysis (`packed-twin.ts`)
 * as the last pass for an output folder made it, kept in three files beside
 * the per-twin analyses (`analysis-cache-fs.ts`): an index of the twins (each
 * by its analysis key, with its pages' Pagefind records, addresses, lengths
 * and passage digests), the table of terms, and one array of numbers (every
 * key, word and count, numbered in that table). The next pass starts its
 * table from the store's, so a twin found there is neither read from its own
 * file nor has a string numbered again: adding one transcript to ten thousand
 * reads three files instead of ten thousand analyses. A pass beside the
 * store it read appends to that store's numbers file only the lists of the
 * twins it did not find there (the others keep their places), so an edit
 * writes a few kilobytes of numbers, not the whole file (208 MB at 10,000
 * transcripts); once more than half the file is lists no twin uses any more,
 * the pass writes its lists into a new file, compactly.
 *
 * A passage's text is not kept, only its digest and the identity of the
 * file the pass put in place: the published file of that identity is linked
 * unread, one of other identity is linked when its bytes have the digest;
 * failing both, the text is made again from the twin's own analysis.
 *
 * A store that fails its checks is dropped (one line), and a twin whose
 * numbers are out of range is analyzed as if new. When most of the table's
 * terms are no longer said (transcripts removed), the store is not kept, and
 * the next pass makes a compact one from the per-twin analyses; nor is one
 * whose numbers pass 2 GiB, Node's limit on reading a file at once (some
 * 90,000 transcripts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { PagefindRecord } from '../../src/lib/search-record.ts';
import {
  dropKept,
  hasFields,
  keptAppend,
  keptStream,
  pruneKept,
  readKept,
  readKeptAhead,
  readKeptBytes,
  readKeptBytesAhead,
  readKeptLines,
  readKeptLinesAhead,
  writeKept,
  writeKeptLines,
} from '../lib/build-cache-fs.ts';
import { type PackedPage, type PackedTwin, passageDigest, type Terms } from './packed-twin.ts';

/** Where, in an array of numbers, a list starts and how long it is (its ids, then as many counts). */
type Span = [at: number, n: number];

interface StoredPage {
  pagefind: PagefindRecord;
  url: string;
  language: string;
  length: number;
  digest: string;
  /** The identity (`statKey`) of the passage file the pass put in place, when it knew it. */
  file?: string;
  keys: Span;
}

interface StoredLanguage {
  language: string;
  turns: number;
  words: Span;
  echoes: Span;
}

/** A twin in the store's index, which keeps it on a line of its own under its analysis key. */
interface StoredTwin {
  pages: StoredPage[];
  languages: StoredLanguage[];
  speakers: [string, string][];
}

/** The index's first line. */
interface StoreHeader {
  version: 1;
  /** The files of the table of terms and of the numbers, named apart for each pass that wrote them. */
  terms: string;
  numbers: string;
  /** How many numbers the numbers file holds. */
  count: number;
}

const isSpan = (v: unknown): boolean =>
  Array.isArray(v) && v.length === 2 && v.every((n) => Number.isInteger(n) && (n as number) >= 0);
/** Whether `v` is the name of one of the store's own files (`terms-….json`, `numbers-….bin`). */
const named = (v: unknown, kind: string, ending: string): boolean =>
  typeof v === 'string' && new RegExp(`^${kind}-[a-z0-9]+-\\d+\\.${ending}$`).test(v);

/** The files the index names are its own, in its folder: a name that could lead out of it is refused. */
const StoreHeaderSchema = z.custom<StoreHeader>(
  (v) =>
    hasFields(v, {}) &&
    v['version'] === 1 &&
    named(v['terms'], 'terms', 'json') &&
    named(v['numbers'], 'numbers', 'bin') &&
    Number.isInteger(v['count']),
  'not a search pass store',
);

/** A twin's outline, down to each page's and language's fields: the index lists tens of thousands of pages. */
const StoredTwinSchema = z.custom<StoredTwin>(
  (t) =>
    hasFields(t, { speakers: 'array', pages: 'array', languages: 'array' }) &&
    (t['pages'] as unknown[]).every(
      (p) =>
        hasFields(p, { pagefind: 'object', url: 'string', language: 'string', digest: 'string' }) &&
        (p['file'] === undefined || typeof p['file'] === 'string') &&
        Number.isInteger(p['length']) &&
        isSpan(p['keys']),
    ) &&
    (t['languages'] as unknown[]).every(
      (l) =>
        hasFields(l, { language: 'string' }) &&
        Number.isInteger(l['turns']) &&
        isSpan(l['words']) &&
        isSpan(l['echoes']),
    ),
  'not a twin of a search pass store',
);

const TermsSchema = z.custom<string[]>(
  (v) => Array.isArray(v) && v.every((s) => typeof s === 'string') && new Set(v).size === v.length,
  'not a table of distinct terms',
);

/**
 * The index: a kept-lines file (`writeKeptLines`), its header, then a line a
 * twin. Made as one JSON text, its 26 MB at 10,000 transcripts took 0.7-0.9 s
 * to write; a line a twin, 0.3-0.4 s (measured apart).
 */
const INDEX = 'index.jsonl';

/** The store kept beside the per-twin analyses folder `keptDir` (`analysesDir`). */
export const passStoreDir = (keptDir: string): string => `${keptDir}.pass`;

/** A store as read back: its table of terms, and each twin's packed analysis by its analysis key. */
export interface PassStore {
  terms: readonly string[];
  /** The twin of analysis key `key`, packed in the store's table; `undefined` when the store lacks it. */
  twin(key: string): PackedTwin | undefined;
  /** Its numbers file and the numbers read from it (the twins' lists are views of them). */
  numbers: { file: string; read: Uint32Array };
}

/** The first `count` numbers of a numbers file's bytes. */
function asNumbers(bytes: Buffer, count: number): Uint32Array {
  // A typed array needs its offset aligned: a file's own buffer is, a pooled one may not be.
  return bytes.byteOffset % 4 === 0
    ? new Uint32Array(bytes.buffer, bytes.byteOffset, count)
    : new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + count * 4));
}

/** Starts reading the index and the table of terms of the store in `dir` for a later {@link readPassStore} (see `readKeptAhead`). */
export function readPassStoreAhead(dir: string): void {
  void readKeptLinesAhead(join(dir, INDEX), StoreHeaderSchema, StoredTwinSchema).then((index) => {
    if (!index) return;
    void readKeptAhead(join(dir, index.header.terms), TermsSchema);
    readKeptBytesAhead(join(dir, index.header.numbers));
  });
}

/** Reads the store in `dir`; `undefined` when there is none or it was dropped. */
export async function readPassStore(dir: string): Promise<PassStore | undefined> {
  const index = await readKeptLines(join(dir, INDEX), StoreHeaderSchema, StoredTwinSchema);
  if (!index) return undefined;
  const { header, entries: byKey } = index;
  const terms = await readKept(join(dir, header.terms), TermsSchema);
  const bytes = await readKeptBytes(join(dir, header.numbers));
  // Longer is fine: a pass that appended to the file stopped before its index was written.
  if (!terms || bytes === undefined || bytes.length < header.count * 4)
    return dropKept(join(dir, INDEX), `its ${terms ? 'numbers' : 'terms'} file is missing or too short`);
  const numbers = asNumbers(bytes, header.count);
  /** The ids of a span, or `undefined` when it leaves the numbers or names a term the table lacks. */
  const ids = ([at, n]: Span): [Uint32Array, Uint32Array] | undefined => {
    if (at + 2 * n > numbers.length) return undefined;
    // An indexed loop: an edit at 10,000 transcripts looks at 26 million ids (`for…of` took half as long again).
    for (let i = at; i < at + n; i++) if ((numbers[i] as number) >= terms.length) return undefined;
    return [numbers.subarray(at, at + n), numbers.subarray(at + n, at + 2 * n)];
  };
  return {
    terms,
    numbers: { file: header.numbers, read: numbers },
    twin(key) {
      const stored = byKey.get(key);
      if (!stored) return undefined;
      const pages: PackedPage[] = [];
      for (const { keys, ...page } of stored.pages) {
        const span = ids(keys);
        if (!span) return undefined;
        pages.push({ ...page, keys: span[0], counts: span[1] });
      }
      const languages: PackedTwin['languages'] = [];
      for (const { language, turns, words, echoes } of stored.languages) {
        const w = ids(words);
        const e = ids(echoes);
        if (!w || !e) return undefined;
        languages.push({ language, turns, words: w[0], wordTurns: w[1], echoes: e[0], echoTurns: e[1] });
      }
      return { pages, languages, speakers: stored.speakers };
    },
  };
}

/** Writes a new store, twin by twin in the pass's order, numbered in the pass's table. */
export interface PassStoreWriter {
  add(key: string, twin: PackedTwin): Promise<void>;
  /**
   * Puts the store in place (index last), or, when most terms went unsaid or
   * its numbers are too many to read back at once, removes it; `true` when
   * kept. `identity(n)`: the identity of passage n's file (the pages were
   * added in passage order).
   */
  finish(identity: (n: number) => string | undefined): Promise<boolean>;
}

/** Below this share of the table's terms in use, the store is not kept (see the module comment). */
const MIN_USED = 0.75;
/** Below this share of the numbers file in use, the pass's lists are written into a new file, compactly. */
const MIN_LIVE = 0.5;
/** The most numbers a store keeps: Node reads a file of at most 2 GiB at once. */
const MOST_NUMBERS = (2 ** 31 - 1) / 4;

/**
 * A writer of the store in `dir`. `from`: the store this pass read there
 * (its terms began the pass's `terms`); when its numbers file is mostly in
 * use, the lists of the twins taken from it keep their places and the others
 * are appended to that file.
 */
export async function passStoreWriter(
  dir: string,
  terms: Terms,
  { mostNumbers = MOST_NUMBERS, from }: { mostNumbers?: number; from?: PassStore } = {},
): Promise<PassStoreWriter> {
  const name = `${Date.now().toString(36)}-${process.pid}`;
  const read = from?.numbers.read;
  const appended =
    from && read && read.length > 0 ? await keptAppend(join(dir, from.numbers.file), read.length * 4) : undefined;
  /** The numbers read, when this pass appends to their file. */
  const before = appended ? read : undefined;
  const numbersName = appended && from ? from.numbers.file : `numbers-${name}.bin`;
  const out = appended ?? (await keptStream(join(dir, numbersName)));
  const twins: [key: string, twin: StoredTwin][] = [];
  let count = before?.length ?? 0;
  /** Numbers the new index's lists take up. */
  let live = 0;
  let used = new Uint8Array(terms.strings.length + 1024);
  /** Where `list` and its `counts` are in the numbers file read, when they are views of it, one after the other. */
  const placed = (list: Uint32Array, counts: Uint32Array): number | undefined => {
    if (!before || list.buffer !== before.buffer || counts.buffer !== before.buffer) return undefined;
    const at = (list.byteOffset - before.byteOffset) / 4;
    return counts.byteOffset === list.byteOffset + list.byteLength && at >= 0 && at + 2 * list.length <= before.length
      ? at
      : undefined;
  };
  /** Writes a list's ids and counts (unless they are in the file already), marking its terms as in use. */
  const put = async (list: Uint32Array, counts: Uint32Array): Promise<Span> => {
    for (const id of list) {
      if (id >= used.length) {
        const grown = new Uint8Array(Math.max(id + 1, used.length * 2));
        grown.set(used);
        used = grown;
      }
      used[id] = 1;
    }
    live += 2 * list.length;
    const already = placed(list, counts);
    if (already !== undefined) return [already, list.length];
    const at = count;
    for (const a of [list, counts]) {
      await out.write(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
      count += a.length;
    }
    return [at, list.length];
  };
  return {
    async add(key, { pages, languages, speakers }) {
      const twin: StoredTwin = { pages: [], languages: [], speakers };
      for (const { keys, counts, data, digest, file: _, ...page } of pages) {
        const kept = digest ?? passageDigest(data ?? '');
        twin.pages.push({ ...page, digest: kept, keys: await put(keys, counts) });
      }
      for (const l of languages)
        twin.languages.push({
          language: l.language,
          turns: l.turns,
          words: await put(l.words, l.wordTurns),
          echoes: await put(l.echoes, l.echoTurns),
        });
      twins.push([key, twin]);
    },
    async finish(identity) {
      let n = 0;
      for (const [, twin] of twins)
        for (const page of twin.pages) {
          const file = identity(n++);
          if (file !== undefined) page.file = file;
        }
      let inUse = 0;
      for (const u of used) inUse += u;
      if (inUse < MIN_USED * terms.strings.length || live > mostNumbers) {
        await out.drop();
        await pruneKept(dir, []);
        return false;
      }
      await out.done();
      let kept = { numbers: numbersName, count };
      // A file mostly of lists no twin uses any more, or too long to read back, is written anew.
      if (before && (live < MIN_LIVE * count || count > mostNumbers))
        kept = await compact(dir, `numbers-${name}.bin`, twins, numbersName);
      const termsName = `terms-${name}.json`;
      await writeKept(join(dir, termsName), terms.strings);
      const header: StoreHeader = { version: 1, terms: termsName, ...kept };
      // Should a key come twice, the index keeps its first twin (`writeKeptLines`); both twins'
      // pages were counted above, as passages are numbered in the order added.
      await writeKeptLines(join(dir, INDEX), header, twins);
      await pruneKept(
        dir,
        [INDEX, termsName, kept.numbers].map((f) => join(dir, f)),
      );
      return true;
    },
  };
}

/**
 * Writes the lists of `twins` one after another into a new numbers file
 * `name`, read from the numbers file they are in now (`from`: the one read
 * before, with this pass's lists appended), and moves their spans to match.
 * Returns the new file's name and how many numbers it holds.
 */
async function compact(
  dir: string,
  name: string,
  twins: readonly (readonly [string, StoredTwin])[],
  from: string,
): Promise<{ numbers: string; count: number }> {
  const bytes = await readFile(join(dir, from));
  const all = asNumbers(bytes, Math.floor(bytes.length / 4));
  const out = await keptStream(join(dir, name));
  let count = 0;
  const move = async ([at, n]: Span): Promise<Span> => {
    const list = all.subarray(at, at + 2 * n);
    await out.write(Buffer.from(list.buffer, list.byteOffset, list.byteLength));
    count += 2 * n;
    return [count - 2 * n, n];
  };
  for (const [, twin] of twins) {
    for (const page of twin.pages) page.keys = await move(page.keys);
    for (const l of twin.languages) {
      l.words = await move(l.words);
      l.echoes = await move(l.echoes);
    }
  }
  await out.done();
  return { numbers: name, count };
}
