/**
 * Reads and analyzes the search stage's twins (`analyze-twin.ts`) in worker
 * threads, one per core, and hands the analyses back in the order of the
 * files given, which is the order the passage index numbers them in, packed
 * with their words and keys as numbers of the caller's {@link Terms}
 * (`packed-twin.ts`). At most a few twins per worker are asked for ahead of
 * the one the caller is on, so memory stays bounded by that window, not by
 * the archive. Few twins, or one core, are analyzed in this thread instead.
 * Given a kept analysis file per twin (`analysis-cache-fs.ts`), a twin's
 * analysis is read from it when it holds one, and kept there when not.
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { analysisOf } from './analysis-cache-fs.ts';
import type { AnalyzedTwin } from './analyze-twin.ts';
import { type PackedTwin, packedBuffers, packTwin, renumber, Terms } from './packed-twin.ts';

/** Below this many twins a worker's start-up costs more than it saves. */
const MIN_TWINS = 64;
/** Twins asked of each worker ahead of the one the caller waits for. */
const AHEAD = 4;

type ToWorker = { i: number; file: string; kept: string | undefined };
/** A twin packed in the worker's own table, and the strings that table learned for it. */
type FromWorker = { i: number; packed: PackedTwin; fresh: string[] } | { i: number; error: string };

export interface PoolOptions {
  /** The kept analysis file of each of the files, in the same order. */
  kept?: readonly string[];
  /** The twin of file i already packed in the caller's table (from the pass's store), if any: not analyzed again. */
  stored?: (i: number) => PackedTwin | undefined;
  threads?: number;
  /** Fewer twins per thread than this are analyzed in this thread. */
  minTwins?: number;
}

/** Each twin's analysis, in the order of `files`, numbered in `terms`. */
export async function* analyzedInOrder(
  files: readonly string[],
  terms: Terms,
  { kept, stored = () => undefined, threads = availableParallelism(), minTwins = MIN_TWINS }: PoolOptions = {},
): AsyncGenerator<PackedTwin> {
  const known = files.map((_, i) => stored(i));
  const toAnalyze = known.filter((k) => k === undefined).length;
  const count = Math.min(threads, Math.floor(toAnalyze / Math.max(1, minTwins)));
  if (count < 2) {
    // The next twin is read while this one is packed; a failed read waits for its turn, not unhandled.
    const read = (i: number): Promise<AnalyzedTwin> | undefined => {
      const file = files[i];
      if (file === undefined || known[i] !== undefined) return undefined;
      const analyzed = analysisOf(file, kept?.[i]);
      analyzed.catch(() => {});
      return analyzed;
    };
    let next = read(0);
    for (let i = 0; i < files.length; i++) {
      const analyzed = known[i] ?? packTwin((await next) as AnalyzedTwin, terms);
      next = read(i + 1);
      yield analyzed;
    }
    return;
  }
  const done = new Map<number, PackedTwin>();
  let failure: Error | undefined;
  let wake: () => void = () => {};
  const workers = Array.from({ length: count }, () => new Worker(new URL(import.meta.url), { workerData: 'analyze' }));
  let asked = 0;
  let taken = 0;
  const pending = new Map(workers.map((w) => [w, 0]));
  // Each worker's term i is term toHere[i] of `terms`; a worker's messages arrive in the order it sent them.
  const toHere = new Map(workers.map((w): [Worker, number[]] => [w, []]));
  // Asks for the next twins, each of the worker with the fewest in hand, while the window allows.
  const fill = (): void => {
    while (asked < files.length && asked < taken + count * AHEAD) {
      const packed = known[asked];
      if (packed !== undefined) {
        done.set(asked++, packed);
        continue;
      }
      const [worker, n] = [...pending].reduce((a, b) => (b[1] < a[1] ? b : a));
      worker.postMessage({ i: asked, file: files[asked] as string, kept: kept?.[asked] } satisfies ToWorker);
      pending.set(worker, n + 1);
      asked++;
    }
  };
  for (const worker of workers) {
    worker.on('message', (message: FromWorker) => {
      pending.set(worker, (pending.get(worker) ?? 1) - 1);
      if ('error' in message) failure ??= new Error(`${files[message.i]}: ${message.error}`);
      else {
        const ids = toHere.get(worker) as number[];
        for (const s of message.fresh) ids.push(terms.id(s));
        done.set(message.i, renumber(message.packed, ids));
      }
      wake();
    });
    worker.on('error', (e) => {
      failure ??= e;
      wake();
    });
    // A worker that stops before the pass is over (out of memory, killed) fails it instead of leaving it waiting.
    worker.on('exit', (code) => {
      if (taken < files.length)
        failure ??= new Error(`a search worker stopped (exit code ${code}) before the pass was over`);
      wake();
    });
  }
  try {
    fill();
    for (; taken < files.length; taken++) {
      while (!done.has(taken) && !failure) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      const analyzed = done.get(taken) as PackedTwin;
      done.delete(taken);
      // The window moved on by one.
      fill();
      yield analyzed;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

if (parentPort && workerData === 'analyze') {
  const port = parentPort;
  const own = new Terms();
  let sent = 0;
  port.on('message', async ({ i, file, kept }: ToWorker) => {
    try {
      const packed = packTwin(await analysisOf(file, kept), own);
      const fresh = own.strings.slice(sent);
      sent = own.strings.length;
      port.postMessage({ i, packed, fresh } satisfies FromWorker, packedBuffers(packed));
    } catch (e) {
      port.postMessage({ i, error: e instanceof Error ? e.message : String(e) } satisfies FromWorker);
    }
  });
}
