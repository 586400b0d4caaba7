/**
 * The ingest stage in a child process, for the build: when the process ends,
 * the memory of the parsed archive goes with it instead of staying in the
 * build process while Astro and Pagefind run. (In a worker thread, the build
 * process kept about 1 GB after the thread ended at 10,000 transcripts, beside
 * Astro's peak: the heap was freed, but the process did not give it back.)
 * The child stops when the build process goes away, so it never writes to a
 * content folder no build is watching.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HEAP_GROWTH_FLAG } from '../lib/memory-plan.ts';
import type { IngestOptions, IngestOutcome } from './run-ingest-fs.ts';

/** The argument that makes this module, run as a process, the ingest's child. */
const CHILD = '--ingest-child';

/**
 * What the child sends: that it parses (the last run's outcome does not
 * stand), then the ingest's outcome, or the error that stopped it (a fault,
 * not the input's).
 */
type FromChild =
  | { parsing: true }
  | { outcome: IngestOutcome }
  | { error: { message: string; stack?: string; path?: string } };

/**
 * Runs the ingest in a child process and resolves with its outcome once the
 * process has ended; `track` is told of the child while it runs (so a signal
 * to the build stops it too), and `parsing` when the child starts to parse.
 */
export function runIngestInProcess(
  options: IngestOptions,
  track: (child: ChildProcess | undefined) => void = () => {},
  parsing: () => void = () => {},
): Promise<IngestOutcome> {
  return new Promise((resolve, reject) => {
    // Its parse workers share its V8 flags: the heap-growth flag bounds their garbage too.
    const child = fork(fileURLToPath(import.meta.url), [CHILD], {
      execArgv: [...process.execArgv, HEAP_GROWTH_FLAG],
      serialization: 'advanced',
      stdio: 'inherit',
    });
    track(child);
    let outcome: IngestOutcome | undefined;
    let failure: Error | undefined;
    child.on('message', (message: FromChild) => {
      if ('parsing' in message) parsing();
      else if ('outcome' in message) outcome = message.outcome;
      else failure = Object.assign(new Error(message.error.message), message.error);
    });
    child.once('error', (e) => {
      track(undefined);
      reject(e);
    });
    child.once('exit', (code, signal) => {
      track(undefined);
      if (outcome) resolve(outcome);
      else if (failure) reject(failure);
      else reject(new Error(`the ingest process stopped (${signal ?? `exit code ${code}`}) without a result`));
    });
    child.send(options);
  });
}

if (process.argv[2] === CHILD && process.send) {
  const send = process.send.bind(process);
  // The build process went away (killed): stop too.
  const orphaned = (): never => process.exit(1);
  process.once('disconnect', orphaned);
  process.once('message', async (options: IngestOptions) => {
    // Loaded here, in the child only: the build process never loads the ingest's language models.
    let message: FromChild;
    try {
      const { runIngest } = await import('./run-ingest-fs.ts');
      message = { outcome: await runIngest(options, { parsing: () => send({ parsing: true } satisfies FromChild) }) };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      message = {
        error: {
          message: err.message,
          ...(err.stack ? { stack: err.stack } : {}),
          ...(err.path ? { path: err.path } : {}),
        },
      };
    }
    send(message, () => {
      process.off('disconnect', orphaned);
      process.disconnect();
    });
  });
}
