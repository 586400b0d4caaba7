/**
 * Everything a build keeps for the next one goes through here: one way to
 * name a kept file, one atomic write, and one zod schema per kind of file,
 * checked on every read. A kept file that is missing is simply not there; one
 * that fails its schema (another version of the build, a disk fault, a hand
 * edit) is dropped with one line saying so, and the build makes it again.
 * Nothing kept is ever needed for a correct build, only for a fast one.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import {
  createWriteStream,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  type WriteStream,
  writeFileSync,
} from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { z } from 'zod';
import { ifThere } from './if-there.ts';
import { readWhole, startAhead, takeAhead } from './read-ahead-fs.ts';

/** A short, stable key for a kept file's scope (a folder, a set of options): 12 hex digits of SHA-256. */
export function cacheKey(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 12);
}

/** The text of the code under each folder, read once per process: the code does not change while it runs. */
const sources = new Map<string, Promise<string[]>>();

function sourcesOf(folder: string): Promise<string[]> {
  let read = sources.get(folder);
  if (!read) {
    read = (async () => {
      const names = (await readdir(folder, { recursive: true })).filter((n) => n.endsWith('.ts')).sort();
      return (await Promise.all(names.map(async (n) => [n, await readFile(join(folder, n), 'utf8')]))).flat();
    })();
    sources.set(folder, read);
  }
  return read;
}

/**
 * A key for the code that makes a kept file: every `.ts` file under
 * `folders` (subfolders included, so a module moved into one still counts),
 * with `extra` (versions, options). A change to any of them changes the key.
 */
export async function sourcesKey(folders: readonly string[], ...extra: readonly string[]): Promise<string> {
  const texts = await Promise.all(folders.map(sourcesOf));
  return cacheKey(...extra, ...texts.flat());
}

/** The kept file `name` in the cache folder, one per `scope` when given (e.g. `ingest-3f2a….json`). */
export function keptPath(cacheDir: string, name: string, scope?: string): string {
  return join(cacheDir, scope === undefined ? `${name}.json` : `${name}-${cacheKey(scope)}.json`);
}

/** Where a dropped kept file is reported: one line on the build's output. */
let report: (line: string) => void = (line) => console.log(line);

/** Sends the "dropped" lines elsewhere (tests). */
export function reportDroppedTo(to: (line: string) => void): void {
  report = to;
}

/**
 * Whether `v` is an object whose each of `fields` has its type: `'array'`, or
 * a `typeof` name (an `'object'` not null). For a kept file's schema that
 * checks the outline of tens of thousands of entries, not each of their keys.
 */
export function hasFields(
  v: unknown,
  fields: Readonly<Record<string, 'string' | 'number' | 'object' | 'array'>>,
): v is Record<string, unknown> {
  return (
    typeof v === 'object' &&
    v !== null &&
    Object.entries(fields).every(([name, type]) => {
      const value = (v as Record<string, unknown>)[name];
      return type === 'array' ? Array.isArray(value) : typeof value === type && value !== null;
    })
  );
}

/**
 * Starts reading a kept file that a later stage of this build reads: the
 * build's own thread is idle while its ingest runs, and a stage's kept file,
 * which only that stage writes, does not change meanwhile. The next
 * {@link readKept} of `file` (with the same schema) takes this read.
 */
export function readKeptAhead<S extends z.ZodType>(file: string, schema: S): Promise<z.infer<S> | undefined> {
  return startAhead(file, () => readKept(file, schema));
}

/** A kept file of bytes (no schema: its reader checks them), or `undefined` when it cannot be read. */
export function readKeptBytes(file: string): Promise<Buffer | undefined> {
  return takeAhead<Buffer | undefined>(file) ?? readWhole(file).catch(() => undefined);
}

/** Starts reading a kept file of bytes for a later {@link readKeptBytes}, as {@link readKeptAhead}. */
export function readKeptBytesAhead(file: string): void {
  void startAhead(file, () => readWhole(file).catch(() => undefined));
}

/** A kept file's text, `undefined` when it cannot be read. */
async function readKeptText(file: string): Promise<string | undefined> {
  try {
    // Bytes decoded at once: `readFile(file, 'utf8')` decodes piece by piece into a string that
    // JSON.parse must first join (the ingest's 169 MB of kept pieces: 2.7 s against 1.9 s). Read in
    // one request: `readFile` asks for 512 KiB at a time, each from a thread the ingest keeps busy.
    return keptText(await readWhole(file));
  } catch {
    return undefined;
  }
}

/** A kept file, checked against its schema; `undefined` when it is missing or was dropped. */
export async function readKept<S extends z.ZodType>(file: string, schema: S): Promise<z.infer<S> | undefined> {
  const early = takeAhead<z.infer<S> | undefined>(file);
  if (early) return early;
  const text = await readKeptText(file);
  if (text === undefined) return undefined;
  const checked = checkKept(text, schema);
  return 'why' in checked ? dropKept(file, checked.why) : checked.value;
}

/**
 * A kept record of many entries by key, read back ({@link readKeptLines}):
 * its header, and its entries in the order written.
 */
export interface KeptLines<H, E> {
  header: H;
  entries: Map<string, E>;
}

/**
 * The line each entry read by {@link readKeptLines} came from, with its key:
 * {@link writeKeptLines} writes that line again, unmade, for the very same
 * entry under the same key (read back through the same schema, it gives the
 * same entry). Entries read back are never changed in place (a changed entry
 * is a new object), so the line stays true.
 */
const linesRead = new WeakMap<object, { key: string; line: string }>();

/** `[key, entry]` as a line of a kept-lines file. */
const keptLine = (key: string, entry: unknown): string => keptJson([key, entry]);

/**
 * Writes a record of many entries by key, one line each after a line of
 * `header`, so that the next build writes again only the entries that
 * changed: one read back by {@link readKeptLines} and passed again as it
 * is keeps its line as read. The data stage's record at 10,000 transcripts is
 * 13 MB; made whole, its JSON took 0.25-0.42 s of an edit's critical path.
 * A key given twice keeps its first entry: {@link readKeptLines} drops a file
 * that holds a key twice.
 */
export async function writeKeptLines(
  file: string,
  header: unknown,
  entries: Iterable<readonly [string, object]>,
): Promise<void> {
  const lines = [keptJson(header)];
  const keys = new Set<string>();
  for (const [key, entry] of entries) {
    if (keys.has(key)) continue;
    keys.add(key);
    const read = linesRead.get(entry);
    lines.push(read?.key === key ? read.line : keptLine(key, entry));
  }
  lines.push('');
  await writeAtomic(file, lines.join('\n'));
}

/** Starts reading a kept-lines file for a later {@link readKeptLines} of the same file (see {@link readKeptAhead}). */
export function readKeptLinesAhead<H extends z.ZodType, E extends z.ZodType>(
  file: string,
  header: H,
  entry: E,
): Promise<KeptLines<z.infer<H>, z.infer<E>> | undefined> {
  return startAhead(file, () => readKeptLines(file, header, entry));
}

/**
 * A file written by {@link writeKeptLines}: its header checked against
 * `header` and each entry against `entry`. Any line that fails drops the
 * whole file (one line says why), as a kept file failing its schema is.
 */
export async function readKeptLines<H extends z.ZodType, E extends z.ZodType>(
  file: string,
  header: H,
  entry: E,
): Promise<KeptLines<z.infer<H>, z.infer<E>> | undefined> {
  const early = takeAhead<KeptLines<z.infer<H>, z.infer<E>> | undefined>(file);
  if (early) return early;
  const text = await readKeptText(file);
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  if (lines.at(-1) !== '') return dropKept(file, 'it ends within a line');
  lines.pop();
  const head = checkKept(lines[0] ?? '', header);
  if ('why' in head) return dropKept(file, `its header: ${head.why}`);
  const entries = new Map<string, z.infer<E>>();
  for (const [i, line] of lines.entries()) {
    if (i === 0) continue;
    let pair: unknown;
    try {
      pair = JSON.parse(line);
    } catch {
      return dropKept(file, `line ${i + 1} is not valid JSON`);
    }
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || entries.has(pair[0]))
      return dropKept(file, `line ${i + 1} is not a [key, entry] pair of a key of its own`);
    const checked = checkValue(pair[1], entry);
    if ('why' in checked) return dropKept(file, `line ${i + 1}: ${checked.why}`);
    const { value } = checked;
    // Read again through the same schema, the line gives this entry again: it may be written as it is.
    if (typeof value === 'object' && value !== null) linesRead.set(value, { key: pair[0], line });
    entries.set(pair[0], value);
  }
  return { header: head.value, entries };
}

/**
 * {@link readKept} with synchronous calls, for a reader that must not yield
 * to the event loop while it reads (Astro's content loaders: see
 * `src/lib/mdx-record-loader-fs.ts`).
 */
export function readKeptSync<S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined {
  const text = ifThere(() => keptText(readFileSync(file)));
  if (text === undefined) return undefined;
  const checked = checkKept(text, schema);
  if (!('why' in checked)) return checked.value;
  rmSync(file, { force: true });
  report(droppedLine(file, checked.why));
  return undefined;
}

/**
 * A kept file's bytes as text. One written by {@link keptJson} is ASCII: read
 * as one byte per character, it is decoded and parsed about twice as fast as
 * the same file in UTF-8 (the ingest's kept pieces: 1.0 s against 1.9 s, their
 * check for ASCII 0.3 s more).
 */
function keptText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Every character past ASCII, for {@link keptJson}. */
const PAST_ASCII = /[\u0080-\uffff]/g;

/** `value` as the JSON of a kept file: in ASCII, each character past it written as a `\uXXXX` escape. */
export function keptJson(value: unknown): string {
  return JSON.stringify(value).replace(PAST_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A kept file's text through JSON and its schema, or why it cannot be used. */
function checkKept<S extends z.ZodType>(text: string, schema: S): { value: z.infer<S> } | { why: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { why: 'it is not valid JSON' };
  }
  return checkValue(json, schema);
}

/** A value read from a kept file through its schema, or why it cannot be used. */
function checkValue<S extends z.ZodType>(json: unknown, schema: S): { value: z.infer<S> } | { why: string } {
  const parsed = schema.safeParse(json);
  if (parsed.success) return { value: parsed.data };
  const issue = parsed.error.issues[0];
  return { why: `${issue?.path.join('.') || 'its shape'}: ${issue?.message ?? 'wrong shape'}` };
}

const droppedLine = (file: string, why: string): string =>
  `  ↳ build cache: ${file} was dropped (${why}); it is made again`;

/** Removes a kept file that cannot be used, with one line saying why; for the callers' own checks too. */
export async function dropKept(file: string, why: string): Promise<undefined> {
  await rm(file, { force: true });
  report(droppedLine(file, why));
  return undefined;
}

/**
 * Writes a kept file aside and renames it into place, so a killed build never
 * leaves half a file. Aside per process and thread: two workers may keep the
 * same file at once.
 */
export async function writeKept(file: string, value: unknown): Promise<void> {
  await writeAtomic(file, keptJson(value));
}

/** Where {@link writeAtomic} and {@link keptStream} write `file` before renaming it into place. */
const asidePath = (file: string): string => `${file}.tmp-${process.pid}-${threadId}`;

/** A kept file written a piece at a time, for one too large to hold in memory, and put in place by `done`. */
export interface KeptStream {
  write(chunk: Uint8Array): Promise<void>;
  /** Renames the file into place. */
  done(): Promise<void>;
  /** Removes what was written, leaving any file before in place. */
  drop(): Promise<void>;
}

/** A stream's writes, each waiting while the disk is behind, and its end. */
function writing(out: WriteStream): { write: KeptStream['write']; closed(): Promise<void> } {
  return {
    async write(chunk) {
      if (!out.write(chunk)) await once(out, 'drain');
    },
    async closed() {
      out.end();
      await once(out, 'finish');
    },
  };
}

/** Writes `file` aside as {@link writeAtomic} does, a piece at a time (waiting when the disk is behind). */
export async function keptStream(file: string): Promise<KeptStream> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = asidePath(file);
  const { write, closed } = writing(createWriteStream(tmp));
  return {
    write,
    async done() {
      await closed();
      await rename(tmp, file);
    },
    async drop() {
      await closed();
      await rm(tmp, { force: true });
    },
  };
}

/**
 * A kept file written on at its end, after its first `length` bytes (bytes
 * after them, from an append that was killed, are cut). Not atomic: for a
 * file whose readers read only as many bytes as another kept file, written
 * after the append, tells them (the search pass store's numbers). `drop`
 * cuts it back. `undefined` when the file is gone or shorter than `length`.
 */
export async function keptAppend(file: string, length: number): Promise<KeptStream | undefined> {
  const size = await stat(file).then(
    (s) => s.size,
    () => undefined,
  );
  if (size === undefined || size < length) return undefined;
  if (size > length) await truncate(file, length);
  const { write, closed } = writing(createWriteStream(file, { flags: 'a' }));
  return {
    write,
    done: closed,
    async drop() {
      await closed();
      await truncate(file, length);
    },
  };
}

/** The process that wrote `name` aside for {@link writeAtomic} (`….tmp-<pid>-<thread>`), when it is such a file. */
export function asideWriter(name: string): number | undefined {
  const m = /\.tmp-(\d+)(?:-\d+)?$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/**
 * Below this many characters or bytes, {@link writeAtomic} writes with
 * synchronous calls: through libuv's thread pool a small file's open, write,
 * close and rename cost three to four times the CPU (measured: 160 µs against
 * 44 µs for 20 KB), and a build at 10,000 transcripts writes some 70,000
 * such files while Astro needs the other core.
 */
const SMALL_FILE = 1 << 20;

/**
 * Writes `data` aside and renames it into place (its folder made when
 * missing): no reader sees half a file. A large text or buffer is written in
 * one request to the thread pool (`writeFile` takes 512 KiB per turn of the
 * event loop, which the ingest keeps busy); so is a list of pieces, without
 * being joined first (the permalink record's 171 MB at 10,000 transcripts:
 * 0.1 s, against 0.8 s joined and written by `writeFile`). Or a stream of
 * pieces, for files too large to hold in memory: each piece is written before
 * the next is asked for, so a stream may fill one buffer again for its next piece.
 */
export async function writeAtomic(
  file: string,
  data: string | Uint8Array | readonly Uint8Array[] | AsyncIterable<string | Uint8Array>,
): Promise<void> {
  const tmp = asidePath(file);
  if ((typeof data === 'string' || data instanceof Uint8Array) && data.length < SMALL_FILE) {
    writeSmall(file, tmp, data);
    return;
  }
  await mkdir(dirname(file), { recursive: true });
  try {
    if (typeof data === 'string') await writePieces(tmp, [Buffer.from(data)]);
    else if (data instanceof Uint8Array) await writePieces(tmp, [data]);
    else if (Array.isArray(data)) await writePieces(tmp, data as readonly Uint8Array[]);
    else await writeFile(tmp, data as AsyncIterable<string | Uint8Array>);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  await rename(tmp, file);
}

/** Writes `pieces` into a new `file` in one request to the thread pool (`writev`, which writes them all or fails). */
async function writePieces(file: string, pieces: readonly Uint8Array[]): Promise<void> {
  const handle = await open(file, 'w');
  try {
    const { bytesWritten } = await handle.writev(pieces as Uint8Array[]);
    const expected = pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
    if (bytesWritten !== expected) throw new Error(`${file}: wrote ${bytesWritten} of ${expected} bytes`);
  } finally {
    await handle.close();
  }
}

/** {@link writeAtomic} of a small file, its folder made only when it is missing. */
function writeSmall(file: string, tmp: string, data: string | Uint8Array): void {
  try {
    try {
      writeFileSync(tmp, data);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(tmp, data);
    }
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  renameSync(tmp, file);
}

/**
 * Removes the files of the kept folder `dir` that are not in `used` (full
 * paths): what no run names any more, and what a killed run wrote aside.
 * Returns how many.
 */
export async function pruneKept(dir: string, used: readonly string[]): Promise<number> {
  const keep = new Set(used);
  const stale = (await readdir(dir).catch(() => [] as string[])).map((n) => join(dir, n)).filter((f) => !keep.has(f));
  await Promise.all(stale.map((f) => rm(f, { force: true })));
  return stale.length;
}
