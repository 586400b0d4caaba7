/**
 * Writes the passage index (`src/lib/passage-index.ts`) into
 * `/search-words/`: every search passage's data, numbered in date order, each
 * number by the passage's address (for the passages Pagefind finds by their
 * filters), and per language the lists of passages by key, split into bucket
 * files (a list too long to share a bucket in a file of its own). Made from
 * the same search pages Pagefind indexes, so both always agree: the
 * vocabulary's one pass over the twins (`vocabulary-fs.ts`) hands each
 * transcript's pages to the writer in date order.
 *
 * A passage whose file in the published site (found by its address) holds
 * the very same bytes is linked from there instead of written: an added
 * transcript renumbers the passages after it, but their text is the same;
 * at 10,000 transcripts that saves writing 28,000 files (460 MB) on every
 * build, and freeing the old ones when the published site is removed. The
 * lists and the numbers by address are linked alike when their bytes are the
 * same: after an edit, most of them.
 */
import { closeSync, linkSync, mkdirSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  NUMBERS_DIR,
  type NumbersFile,
  numbersBucket,
  PASSAGES_DIR,
  type PassageManifest,
  POSTINGS_DIR,
  passagePath,
  postingsFolder,
  termWeight,
} from '../../src/lib/passage-index.ts';
import { ifThere } from '../lib/if-there.ts';
import { startAhead, takeAhead } from '../lib/read-ahead-fs.ts';
import { statKey } from '../lib/scan-cache-fs.ts';
import { type PackedPage, passageDigest, type Terms } from './packed-twin.ts';
import { Postings } from './postings.ts';
import { MOST_BUCKETS, postingsFiles } from './postings-files.ts';

/** Files handled at once: their file calls are synchronous, but a passage's text may be remade (`remake`) meanwhile. */
const WRITING = 64;

/**
 * A file to write: its path, its text, and a published file that may hold the
 * same text already. A passage read from the pass's store has no text, only
 * its digest and the identity of the file the store's pass left (`file`), and
 * a way to make the text again when no published file has it. `identified`
 * is told the identity of the file in place (linked or written).
 */
interface ToWrite {
  path: string;
  text?: string | undefined;
  digest?: string | undefined;
  file?: string | undefined;
  remake?: (() => Promise<string>) | undefined;
  same?: string | undefined;
  identified?: ((identity: string) => void) | undefined;
}

/** Links `from` to `to`; `false` when it cannot (across file systems, or `from` is gone). */
function linkTo(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/**
 * Buffers reused to compare a published file with a text: fresh memory is
 * slow to touch here, and an edit at 10,000 transcripts compares 7,700 lists
 * (86 MB): 0.57-0.77 s with a new buffer for each side, 0.21 s reused
 * (measured apart). Only synchronous code uses them, so no two calls share one.
 */
let fileBytes = Buffer.allocUnsafe(1 << 20);
let textBytes = Buffer.allocUnsafe(1 << 20);

/** The first `size` bytes of `file` in {@link fileBytes} (valid until the next call); `undefined` when unreadable. */
function readReused(file: string, size: number): Buffer | undefined {
  if (fileBytes.length < size) fileBytes = Buffer.allocUnsafe(size);
  const buffer = fileBytes;
  return ifThere(() => {
    const fd = openSync(file, 'r');
    try {
      let at = 0;
      for (let n = 1; at < size && n > 0; at += n) n = readSync(fd, buffer, at, size - at, at);
      return buffer.subarray(0, at);
    } finally {
      closeSync(fd);
    }
  });
}

/** Whether `file`, of `size` bytes, holds `text` in UTF-8. */
function sameText(file: string, size: number, text: string): boolean {
  const bytes = readReused(file, size);
  if (bytes === undefined) return false;
  if (textBytes.length < size) textBytes = Buffer.allocUnsafe(size);
  const written = textBytes.write(text);
  return written === bytes.length && bytes.equals(textBytes.subarray(0, written));
}

/** The passage digest of `file`, of `size` bytes; `undefined` when unreadable. */
function digestOf(file: string, size: number): string | undefined {
  const bytes = readReused(file, size);
  return bytes && passageDigest(bytes);
}

/**
 * Links `same` to `path` when it is the very file the store's pass left (its
 * identity), or holds the text (or the bytes of its digest); else writes the
 * text. `true` when linked. Synchronous calls: a rebuild at 10,000
 * transcripts links 28,000 passages, and a round trip through libuv's thread
 * pool per stat, link or write cost several times the CPU of the call itself.
 */
async function linkOrWrite({ path, text, digest, file, remake, same, identified }: ToWrite): Promise<boolean> {
  if (same !== undefined) {
    const was = ifThere(() => statSync(same));
    const identity = was && statKey(was);
    if (identity !== undefined && identity === file && linkTo(same, path)) {
      identified?.(identity);
      return true;
    }
    const equal =
      was !== undefined &&
      (text !== undefined
        ? was.size === Buffer.byteLength(text) && sameText(same, was.size, text)
        : digest !== undefined && digestOf(same, was.size) === digest);
    if (equal && identity !== undefined && linkTo(same, path)) {
      identified?.(identity);
      return true;
    }
  }
  const data = text ?? (await remake?.());
  if (data === undefined) throw new Error(`${path}: the passage's text is neither kept nor published`);
  writeFileSync(path, data);
  if (identified) identified(statKey(statSync(path)));
  return false;
}

/**
 * Links `same` to `path` when it holds `bytes`, else writes them: a list file,
 * made as bytes (`postings-files.ts`). Synchronous, as {@link linkOrWrite}.
 */
function linkOrWriteBytes(path: string, bytes: Uint8Array, same: string | undefined): void {
  const was = same === undefined ? undefined : ifThere(() => statSync(same));
  if (
    same !== undefined &&
    was?.size === bytes.length &&
    readReused(same, was.size)?.equals(bytes) &&
    linkTo(same, path)
  )
    return;
  writeFileSync(path, bytes);
}

/**
 * Writes `files`, `WRITING` at once, making a folder only the first time
 * (`made`: the folders made so far); returns how many were linked instead.
 */
async function writeAll(files: readonly ToWrite[], made: Set<string>): Promise<number> {
  for (const dir of new Set(files.map(({ path }) => dirname(path)))) {
    if (made.has(dir)) continue;
    await mkdir(dir, { recursive: true });
    made.add(dir);
  }
  let linked = 0;
  for (let i = 0; i < files.length; i += WRITING) {
    const done = await Promise.all(files.slice(i, i + WRITING).map(linkOrWrite));
    linked += done.filter(Boolean).length;
  }
  return linked;
}

/** Each passage's number by its address in the passage index of `dir` (a published `/search-words/`): empty when it has none. */
async function numbersIn(dir: string): Promise<Map<string, number>> {
  const numbers = new Map<string, number>();
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { passages?: PassageManifest };
    const files = manifest.passages?.numbers ?? 0;
    for (let i = 0; i < files; i++) {
      const file = JSON.parse(await readFile(join(dir, NUMBERS_DIR, `${i}.json`), 'utf8')) as NumbersFile;
      for (const [address, n] of Object.entries(file)) if (Number.isInteger(n)) numbers.set(address, n);
    }
  } catch {
    return new Map();
  }
  return numbers;
}

/**
 * Starts reading the numbers by address of the published index `dir` for a
 * later {@link passageIndexWriter} of it: ~80 files at 10,000 transcripts,
 * 0.5 s at the search stage's start otherwise. The published site does not
 * change before the build publishes, after the search stage. Resolves
 * once read (the build does not wait for it).
 */
export function readNumbersAhead(dir: string): Promise<unknown> {
  return startAhead(numbersKey(dir), () => numbersIn(dir));
}

/** What {@link readNumbersAhead} reads, named apart from the files read ahead under `dir`'s own path. */
const numbersKey = (dir: string): string => `${join(dir, NUMBERS_DIR)} by address`;

/**
 * Adds a transcript's search pages to the index: call in date order, so
 * passages are numbered oldest first. `remake(i)` makes page i's passage text
 * again, for a page that came without it (read from the pass's store) and
 * whose published file does not hold it.
 */
export interface PassageIndexWriter {
  add(pages: readonly PackedPage[], remake?: (i: number) => Promise<string>): Promise<void>;
  /** Writes what is left (the lists, the numbers by address) and returns the index's manifest. */
  finish(): Promise<PassageManifest>;
  /** How many passage files were linked from the published index rather than written. */
  linked(): number;
  /** The identity (`statKey`) of passage n's file as it was put in place, once {@link finish} is done. */
  identity(n: number): string | undefined;
}

/**
 * A writer of the passage index into `dir`, replacing any before; the pages'
 * keys are numbers of `terms`. `published`: the published site's passage
 * index folder, whose passage files are linked when they hold the same bytes.
 */
export async function passageIndexWriter(dir: string, terms: Terms, published?: string): Promise<PassageIndexWriter> {
  await rm(join(dir, PASSAGES_DIR), { recursive: true, force: true });
  await rm(join(dir, POSTINGS_DIR), { recursive: true, force: true });
  await rm(join(dir, NUMBERS_DIR), { recursive: true, force: true });
  const before =
    published === undefined
      ? new Map<string, number>()
      : await (takeAhead<Map<string, number>>(numbersKey(published)) ?? numbersIn(published));
  let linkedCount = 0;
  const identities: string[] = [];
  const made = new Set<string>();
  const numbers: [address: string, passage: number][] = [];
  /** Per language, each passage's keys with their counts. */
  const lists = new Map<string, Postings>();
  /** Each passage's length in characters, and per language the sum, for the weights' length discount. */
  const lengths: number[] = [];
  const totals = new Map<string, { chars: number; passages: number }>();
  let n = 0;
  /** Passage files not yet written: written a batch at a time, across transcripts. */
  let writes: ToWrite[] = [];
  let writing = Promise.resolve();
  const written = async (files: readonly ToWrite[]): Promise<void> => {
    linkedCount += await writeAll(files, made);
  };
  async function add(pages: readonly PackedPage[], remake?: (i: number) => Promise<string>): Promise<void> {
    for (const [i, page] of pages.entries()) {
      const passage = n++;
      numbers.push([page.url, passage]);
      const was = before.get(page.url);
      const same = was === undefined || published === undefined ? undefined : join(published, passagePath(was));
      const again = remake && (() => remake(i));
      writes.push({
        path: join(dir, passagePath(passage)),
        text: page.data,
        digest: page.digest,
        file: page.file,
        remake: again,
        same,
        identified: (identity) => {
          identities[passage] = identity;
        },
      });
      let postings = lists.get(page.language);
      if (!postings) {
        postings = new Postings();
        lists.set(page.language, postings);
      }
      lengths[passage] = page.length;
      const total = totals.get(page.language) ?? { chars: 0, passages: 0 };
      totals.set(page.language, { chars: total.chars + page.length, passages: total.passages + 1 });
      postings.add(passage, page.keys, page.counts);
    }
    // A batch is written while the next is made: the batch before must be done first.
    if (writes.length >= WRITING) {
      await writing;
      writing = written(writes);
      // Awaited before the next batch and at the end: a failure meanwhile waits there, not unhandled.
      writing.catch(() => {});
      writes = [];
    }
  }
  /**
   * A list or numbers file at `path` in the index, linked from the published index when that holds
   * the same bytes there: an edit leaves most lists as they were (weights are whole steps, and the
   * passages after it keep their numbers), and at 10,000 transcripts they are 86 MB in 7,500 files.
   */
  const fileOf = (path: string, text: string): ToWrite => ({
    path: join(dir, path),
    text,
    ...(published === undefined ? {} : { same: join(published, path) }),
  });
  async function finish(): Promise<PassageManifest> {
    await writing;
    await written(writes);
    writes = [];
    // Each passage's number by its address, in files of about 128 addresses.
    let numberFiles = 1;
    while (numbers.length / numberFiles > 128 && numberFiles < MOST_BUCKETS) numberFiles *= 2;
    const byAddress: NumbersFile[] = Array.from({ length: numberFiles }, () => ({}));
    for (const [address, passage] of numbers)
      (byAddress[numbersBucket(address, numberFiles)] as NumbersFile)[address] = passage;
    await writeAll(
      byAddress.map((f, i) => fileOf(join(NUMBERS_DIR, `${i}.json`), JSON.stringify(f))),
      made,
    );
    const manifest: PassageManifest = { count: n, buckets: {}, numbers: numberFiles };
    for (const [language, postings] of [...lists].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const total = totals.get(language) ?? { chars: 0, passages: 1 };
      const average = total.chars / total.passages;
      const folder = postingsFolder(language);
      manifest.buckets[language] = postingsFiles(
        postings.grouped(terms.strings.length),
        terms.strings,
        (count, passage) => termWeight(count, lengths[passage] ?? average, average),
        (path, bytes) => {
          const to = join(dir, folder, path);
          const toDir = dirname(to);
          if (!made.has(toDir)) {
            mkdirSync(toDir, { recursive: true });
            made.add(toDir);
          }
          linkOrWriteBytes(to, bytes, published === undefined ? undefined : join(published, folder, path));
        },
      );
    }
    return manifest;
  }
  return { add, finish, linked: () => linkedCount, identity: (n) => identities[n] };
}
