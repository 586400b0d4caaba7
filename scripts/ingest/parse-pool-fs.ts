/**
 * Parses the seed files an ingest must parse (new or changed ones) in worker
 * threads, one per core, so a 2-core machine parses two transcripts at once.
 * Each worker runs the pure `parseSource` on its share and sends the results
 * back; the archive-wide steps (topics, speakers, slugs) stay in one place,
 * `ingestArchive`, which takes these results instead of parsing again.
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { SourceFile } from '../core/ingest-archive.ts';
import { parseSource, registryOf } from '../core/ingest-archive.ts';
import type { TranscriptResult } from '../core/ingest-transcript.ts';

/** Below this many files a worker's start-up (loading the NLP model) costs more than it saves. */
const MIN_FILES_PER_WORKER = 40;

interface Job {
  sources: SourceFile[];
  registry?: { file: string; text: string };
}

/**
 * Parses `sources` in up to one worker per core, the larger files first and
 * spread so each worker gets about as many bytes. Returns nothing (and lets
 * `ingestArchive` parse in this thread) when there are too few to be worth it.
 */
export async function parseInWorkers(
  sources: readonly SourceFile[],
  registry: { file: string; text: string } | undefined,
  threads = availableParallelism(),
  minPerWorker = MIN_FILES_PER_WORKER,
): Promise<Map<string, TranscriptResult>> {
  const count = Math.min(threads, Math.floor(sources.length / minPerWorker));
  if (count < 2) return new Map();
  // Plain objects: a source read lazily has getters, which do not cross to a worker.
  const plain = sources.map((s) => ({
    file: s.file,
    bytes: s.bytes,
    hash: s.hash,
    ...(s.meta ? { meta: { file: s.meta.file, text: s.meta.text } } : {}),
    ...(s.unread ? { unread: s.unread } : {}),
  }));
  const shares: SourceFile[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  for (const s of [...plain].sort((a, b) => b.bytes.length - a.bytes.length)) {
    const k = load.indexOf(Math.min(...load));
    shares[k]?.push(s);
    load[k] = (load[k] ?? 0) + s.bytes.length;
  }
  const results = await Promise.all(
    shares.map((share) => runWorker({ sources: share, ...(registry ? { registry } : {}) })),
  );
  return new Map(results.flat());
}

function runWorker(job: Job): Promise<[string, TranscriptResult][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    let out: [string, TranscriptResult][] | undefined;
    worker.once('message', (message: [string, TranscriptResult][]) => {
      out = message;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (out) resolve(out);
      else reject(new Error(`a parse worker stopped (exit code ${code}) without its results`));
    });
  });
}

if (parentPort && (workerData as Job | undefined)?.sources) {
  const job = workerData as Job;
  const { registry } = registryOf(job.registry);
  parentPort.postMessage(job.sources.map((source) => [source.file, parseSource(source, registry)]));
}
