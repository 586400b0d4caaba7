/**
 * The ingest stage in a worker thread, for the build: when the worker ends,
 * the memory of the parsed archive goes with it instead of staying in the
 * build process while Astro and Pagefind run (at 10,000 transcripts the
 * parsed archive is about 2.3 GB, which would add to Astro's peak).
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { IngestOptions, IngestOutcome } from './run-ingest-fs.ts';

/** Runs the ingest in a worker thread and resolves with its outcome once the thread has ended. */
export function runIngestInWorker(options: IngestOptions): Promise<IngestOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: options });
    let outcome: IngestOutcome | undefined;
    worker.once('message', (message: IngestOutcome) => {
      outcome = message;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (outcome) resolve(outcome);
      else reject(new Error(`the ingest worker stopped (exit code ${code}) without a result`));
    });
  });
}

if (parentPort) {
  // Loaded here, in the worker only: the build process never loads the ingest's language models
  // (about a second of every build's start, no-change rebuilds included).
  const { runIngest } = await import('./run-ingest-fs.ts');
  const options = workerData as IngestOptions;
  parentPort.postMessage(await runIngest(options));
}
