/**
 * Reads a build starts before the stage that needs them, while its thread
 * would otherwise wait (the ingest's child process runs meanwhile), each
 * taken once by that stage: the kept files (`build-cache-fs.ts`), the
 * published passages' numbers (`search/passage-index-fs.ts`), the permalink
 * record (`permalink-record-fs.ts`). A read not taken is never used again.
 */
import { closeSync, fstatSync, openSync, read } from 'node:fs';

/** Reads started ahead, by what they read (a path), until taken. */
const started = new Map<string, Promise<unknown>>();

/** `read` of `key` started, unless a read of it is ahead already: that one. */
export function startAhead<T>(key: string, read: () => Promise<T>): Promise<T> {
  const early = (started.get(key) as Promise<T> | undefined) ?? read();
  started.set(key, early);
  return early;
}

/** The read of `key` made ahead, taken: the next read reads again. */
export function takeAhead<T>(key: string): Promise<T> | undefined {
  const early = started.get(key);
  started.delete(key);
  return early as Promise<T> | undefined;
}

/**
 * A file's bytes, asked of the thread pool in one read as soon as it is
 * called (opened and sized with synchronous calls). `readFile` reads 512 KiB
 * at a time, each next read started from this thread: a read ahead of the
 * 171 MB permalink record made no progress while the ingest's archive-wide
 * steps kept the thread busy.
 */
export async function readWhole(file: string): Promise<Buffer> {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.allocUnsafe(size);
    let at = 0;
    for (let n = 1; at < size && n > 0; at += n) n = await readAt(fd, bytes, at, size - at);
    return bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

/** `length` bytes of `fd` from `at` into `bytes` at `at`, read in the thread pool; how many were read. */
const readAt = (fd: number, bytes: Buffer, at: number, length: number): Promise<number> =>
  new Promise((done, fail) => read(fd, bytes, at, length, at, (error, n) => (error ? fail(error) : done(n))));
