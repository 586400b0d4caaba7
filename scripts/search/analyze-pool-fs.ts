/**
 * Reads and analyzes the search stage's twins (`analyze-twin.ts`) in worker
 * threads, one per core, and hands the analyses back in the order of the
 * files given, which is the order the passage index numbers them in. At most
 * a few twins per worker are asked for ahead of the one the caller is on, so
 * memory stays bounded by that window, not by the archive. Few twins, or one
 * core, are analyzed in this thread instead.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { type AnalyzedTwin, analyzeTwin } from './analyze-twin.ts';

/** Below this many twins a worker's start-up costs more than it saves. */
const MIN_TWINS = 64;
/** Twins asked of each worker ahead of the one the caller waits for. */
const AHEAD = 4;

type ToWorker = { i: number; file: string };
type FromWorker = { i: number; analyzed: AnalyzedTwin } | { i: number; error: string };

/** Each twin's analysis, in the order of `files`. */
export async function* analyzedInOrder(
  files: readonly string[],
  threads = availableParallelism(),
  minTwins = MIN_TWINS,
): AsyncGenerator<AnalyzedTwin> {
  const count = Math.min(threads, Math.floor(files.length / Math.max(1, minTwins)));
  if (count < 2) {
    // The next twin is read while this one is analyzed; a failed read waits for its turn, not unhandled.
    const read = (file: string | undefined): Promise<string> | undefined => {
      if (file === undefined) return undefined;
      const text = readFile(file, 'utf8');
      text.catch(() => {});
      return text;
    };
    let next = read(files[0]);
    for (let i = 0; i < files.length; i++) {
      const text = (await next) as string;
      next = read(files[i + 1]);
      yield await analyzeTwin(text);
    }
    return;
  }
  const done = new Map<number, AnalyzedTwin>();
  let failure: Error | undefined;
  let wake: () => void = () => {};
  const workers = Array.from({ length: count }, () => new Worker(new URL(import.meta.url), { workerData: 'analyze' }));
  let asked = 0;
  let taken = 0;
  const pending = new Map(workers.map((w) => [w, 0]));
  // Asks for the next twins, each of the worker with the fewest in hand, while the window allows.
  const fill = (): void => {
    while (asked < files.length && asked < taken + count * AHEAD) {
      const [worker, n] = [...pending].reduce((a, b) => (b[1] < a[1] ? b : a));
      worker.postMessage({ i: asked, file: files[asked] as string } satisfies ToWorker);
      pending.set(worker, n + 1);
      asked++;
    }
  };
  for (const worker of workers) {
    worker.on('message', (message: FromWorker) => {
      pending.set(worker, (pending.get(worker) ?? 1) - 1);
      if ('error' in message) failure ??= new Error(`${files[message.i]}: ${message.error}`);
      else done.set(message.i, message.analyzed);
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
      const analyzed = done.get(taken) as AnalyzedTwin;
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
  port.on('message', async ({ i, file }: ToWorker) => {
    try {
      port.postMessage({ i, analyzed: await analyzeTwin(await readFile(file, 'utf8')) } satisfies FromWorker);
    } catch (e) {
      port.postMessage({ i, error: e instanceof Error ? e.message : String(e) } satisfies FromWorker);
    }
  });
}
