/**
 * Files, HTML pages and bytes under a folder, and optionally its stamp
 * digest (each file's path, size and time), made in a worker thread, one
 * per process. A stage's figures and the published site's stamp walk and
 * stat tens of thousands of files (123,000 at 10,000 transcripts, 1.5-2 s of
 * a core); in the build's own thread that work held up the search stage
 * beside Astro, and the publish stage's own listings after it.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { filesUnder, relativeTo } from './files-under-fs.ts';

/** Files, HTML pages and bytes of a folder. */
export interface Tally {
  files: number;
  pages: number;
  bytes: number;
}

export interface TallyOptions {
  /** Folders not entered, by their path under the folder (with `/`). */
  skip?: readonly string[];
  /** Files not counted: those whose path under the folder (with `/`) this matches. */
  exclude?: RegExp;
  /** Also the digest of every counted file's path, size and time, in path order (a build stamp's part). */
  digest?: boolean;
  /** Calls the tally off: it then fails with {@link CALLED_OFF}, having stopped where it was. */
  signal?: AbortSignal;
}

/** The error of a tally called off by its signal. */
export const CALLED_OFF = 'the tally was called off';

export interface TreeTally {
  tally: Tally;
  /** With `digest`. */
  digest?: string;
}

/** What the worker is asked: the options, with the pattern as text. */
interface Request {
  dir: string;
  skip: readonly string[];
  exclude?: { source: string; flags: string };
  digest: boolean;
  /** Set to 1 by the asker to call the tally off: shared memory, read by the walk as it goes. */
  stop: Int32Array;
}

type Reply = TreeTally | { error: string };

const WORKER = 'tree-tally';

/** Files stat'ed between two looks at whether the tally was called off. */
const STOP_EVERY = 512;

/** The build's one walking thread, started on the first tally, and the tallies it owes. */
let walker: Worker | undefined;
const owed = new Map<number, { resolve: (tally: TreeTally) => void; reject: (e: Error) => void }>();
let asked = 0;

/**
 * The walking thread: one per process (a thread's start costs ~0.2 s of a
 * core, more than most walks), taking requests in turn. It keeps the process
 * alive only while it owes a tally.
 */
function walkingThread(): Worker {
  if (walker) return walker;
  const thread = new Worker(new URL(import.meta.url), { workerData: WORKER });
  const failAll = (e: Error): void => {
    for (const { reject } of owed.values()) reject(e);
    owed.clear();
    if (walker === thread) walker = undefined;
  };
  thread.on('message', ({ id, reply }: { id: number; reply: Reply }) => {
    const waiting = owed.get(id);
    owed.delete(id);
    if (owed.size === 0) thread.unref();
    if ('error' in reply) waiting?.reject(new Error(reply.error));
    else waiting?.resolve(reply);
  });
  thread.on('error', failAll);
  thread.on('exit', (code) => failAll(new Error(`the walking thread stopped (exit code ${code})`)));
  walker = thread;
  return thread;
}

/** {@link tallyHere} in the walking thread. */
export function tallyTree(dir: string, options: TallyOptions = {}): Promise<TreeTally> {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const request: Request = {
    dir,
    skip: options.skip ?? [],
    ...(options.exclude ? { exclude: { source: options.exclude.source, flags: options.exclude.flags } } : {}),
    digest: options.digest ?? false,
    stop,
  };
  if (options.signal?.aborted) return Promise.reject(new Error(CALLED_OFF));
  options.signal?.addEventListener('abort', () => Atomics.store(stop, 0, 1), { once: true });
  const thread = walkingThread();
  const id = asked++;
  return new Promise((resolve, reject) => {
    owed.set(id, { resolve, reject });
    thread.ref();
    thread.postMessage({ id, request });
  });
}

/**
 * The tally of `dir` in this thread: one synchronous stat per file (tens of
 * thousands of awaited stats cost ten times more: 6.9 s against 0.4 s at
 * 75,000 files). A file gone by the time it is measured (another stage's
 * temporary file) is not counted; a missing folder counts nothing, and its
 * digest says it is missing. `stopped` is asked as the walk goes (by default,
 * whether the options' signal was aborted): once it says so, the tally fails.
 */
export function tallyHere(
  dir: string,
  options: TallyOptions = {},
  stopped = (): boolean => options.signal?.aborted ?? false,
): TreeTally {
  const tally: Tally = { files: 0, pages: 0, bytes: 0 };
  const hash = options.digest ? createHash('sha256') : undefined;
  if (!existsSync(dir)) {
    hash?.update(`missing ${dir}\n`);
    return { tally, ...(hash ? { digest: hash.digest('hex') } : {}) };
  }
  const relative = relativeTo(dir);
  const posix = sep === '/' ? relative : (file: string) => relative(file).split(sep).join('/');
  const skip = new Set(options.skip ?? []);
  const files = filesUnder(dir, skip.size > 0 ? (folder) => skip.has(posix(folder)) : undefined, stopped);
  if (hash) files.sort();
  const { exclude } = options;
  // The digest's lines are hashed STOP_EVERY at a time: one update per file cost ~0.1 s at 123,000.
  let lines = '';
  for (let i = 0; i < files.length; i++) {
    if (i % STOP_EVERY === 0) {
      if (stopped()) break;
      hash?.update(lines);
      lines = '';
    }
    const file = files[i] as string;
    if (exclude?.test(posix(file))) continue;
    const s = statSync(file, { throwIfNoEntry: false });
    if (!s) continue;
    if (hash) lines += `${relative(file)}\0${s.size}\0${s.mtimeMs}\n`;
    tally.files++;
    tally.bytes += s.size;
    if (file.endsWith('.html')) tally.pages++;
  }
  if (stopped()) throw new Error(CALLED_OFF);
  hash?.update(lines);
  return { tally, ...(hash ? { digest: hash.digest('hex') } : {}) };
}

if (!isMainThread && parentPort && workerData === WORKER) {
  const port = parentPort;
  port.on('message', ({ id, request }: { id: number; request: Request }) => {
    const { dir, skip, exclude, digest, stop } = request;
    let reply: Reply;
    try {
      reply = tallyHere(
        dir,
        { skip, digest, ...(exclude ? { exclude: new RegExp(exclude.source, exclude.flags) } : {}) },
        () => Atomics.load(stop, 0) === 1,
      );
    } catch (e) {
      reply = { error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage({ id, reply });
  });
}
