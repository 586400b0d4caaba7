/**
 * Parses the seed files an ingest must parse (new or changed ones) in worker
 * threads, one per core, so a 2-core machine parses two transcripts at once.
 * Each worker runs the pure `parseSource` on its share and sends each result
 * back as soon as it has it (the main thread, otherwise idle, takes them in
 * meanwhile). It keeps each transcript's turns: once the archive has chosen its
 * topics, the workers file their own transcripts under them (`transcriptFiler`,
 * the matching and the "discussed" test), parse and file the unchanged
 * transcripts that choice touches (`TopicsChosen.reparse`), and then end. The
 * archive-wide steps (choosing topics, speakers, slugs) stay in one place,
 * `archiveSteps`.
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { FiledElsewhere, Filing, SourceFile } from '../core/ingest-archive.ts';
import { parseSource, registryOf, transcriptFiler } from '../core/ingest-archive.ts';
import type { TranscriptResult } from '../core/ingest-transcript.ts';
import type { Topic, Turn } from '../core/schema.ts';

/** Below this many files a worker's start-up (loading the NLP model) costs more than it saves. */
const MIN_FILES_PER_WORKER = 40;

interface Job {
  sources: SourceFile[];
  registry?: { file: string; text: string };
}

/** A worker's messages: one per parsed file, one when its share is parsed, then one per filing and one at their end. */
type FromWorker =
  | { kind: 'parsed'; file: string; result: TranscriptResult }
  | { kind: 'done' }
  | { kind: 'filing'; file: string; filing: Filing }
  | { kind: 'filed' };

/**
 * The main thread's one message to a worker: the topics to file under, and more sources to parse
 * and file (after its own), or `null` to end without filing.
 */
type ToWorker = { topics: readonly Topic[]; sources: SourceFile[] } | null;

export interface ParsePool {
  /** Every file the workers parsed, by file. */
  parsed: Map<string, TranscriptResult>;
  /**
   * Files the parsed transcripts under `topics` in the workers, parses and files `more` there too
   * (their results join `parsed`), and the workers end.
   */
  file(topics: readonly Topic[], more?: readonly SourceFile[]): Promise<FiledElsewhere>;
  /** Ends the workers without filing. */
  close(): Promise<void>;
}

/**
 * Parses `sources` in up to one worker per core, the larger files first and
 * spread so each worker gets about as many bytes, and keeps the workers for
 * the filing. Returns `undefined` (and lets `archiveSteps` parse in this
 * thread) when there are too few files to be worth it.
 */
export async function startParsePool(
  sources: readonly SourceFile[],
  registry: { file: string; text: string } | undefined,
  threads = availableParallelism(),
  minPerWorker = MIN_FILES_PER_WORKER,
): Promise<ParsePool | undefined> {
  const count = Math.min(threads, Math.floor(sources.length / minPerWorker));
  if (count < 2) return undefined;
  const parsed = new Map<string, TranscriptResult>();
  const workers = shares(sources, count).map(
    (share) => new PoolWorker({ sources: share, ...(registry ? { registry } : {}) }, parsed),
  );
  await Promise.all(workers.map((w) => w.parsed));
  return {
    parsed,
    file: async (topics, more = []) => {
      const extra = shares(more, workers.length);
      const all = await Promise.all(workers.map((w, k) => w.file(topics, extra[k] ?? [])));
      return { filings: new Map(all.flatMap((m) => [...m])), parsed };
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}

/** Parses `sources` in workers (see {@link startParsePool}) without filing them: an empty map when not worth it. */
export async function parseInWorkers(
  sources: readonly SourceFile[],
  registry: { file: string; text: string } | undefined,
  threads = availableParallelism(),
  minPerWorker = MIN_FILES_PER_WORKER,
): Promise<Map<string, TranscriptResult>> {
  const pool = await startParsePool(sources, registry, threads, minPerWorker);
  await pool?.close();
  return pool?.parsed ?? new Map();
}

/**
 * `sources` split into `count` shares of about as many bytes each, the larger files first, as
 * plain objects: a source read lazily has getters, which do not cross to a worker.
 */
function shares(sources: readonly SourceFile[], count: number): SourceFile[][] {
  const plain = sources.map((s) => ({
    file: s.file,
    bytes: s.bytes,
    hash: s.hash,
    ...(s.meta ? { meta: { file: s.meta.file, text: s.meta.text } } : {}),
    ...(s.unread ? { unread: s.unread } : {}),
    ...(s.known ? { known: s.known } : {}),
  }));
  const out: SourceFile[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  for (const s of plain.sort((a, b) => b.bytes.length - a.bytes.length)) {
    const k = load.indexOf(Math.min(...load));
    out[k]?.push(s);
    load[k] = (load[k] ?? 0) + s.bytes.length;
  }
  return out;
}

/** One worker of the pool, from the main thread's side. */
class PoolWorker {
  readonly parsed: Promise<void>;
  private readonly worker: Worker;
  private readonly ended: Promise<void>;
  private readonly filings = new Map<string, Filing>();
  private filed = false;

  constructor(job: Job, into: Map<string, TranscriptResult>) {
    this.worker = new Worker(new URL(import.meta.url), { workerData: job });
    let parsedDone = (): void => {};
    this.parsed = new Promise((resolve) => {
      parsedDone = resolve;
    });
    let done = false;
    this.worker.on('message', (message: FromWorker) => {
      if (message.kind === 'parsed') into.set(message.file, message.result);
      else if (message.kind === 'done') {
        done = true;
        parsedDone();
      } else if (message.kind === 'filing') this.filings.set(message.file, message.filing);
      else this.filed = true;
    });
    this.ended = new Promise((resolve, reject) => {
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => {
        if (done) resolve();
        else reject(new Error(`a parse worker stopped (exit code ${code}) without its results`));
      });
    });
    // A worker that fails while parsing fails the parse, not only the end.
    this.parsed = Promise.race([this.parsed, this.ended]);
  }

  async file(topics: readonly Topic[], sources: SourceFile[]): Promise<Map<string, Filing>> {
    this.worker.postMessage({ topics, sources } satisfies ToWorker);
    await this.ended;
    if (!this.filed) throw new Error('a parse worker ended without filing its transcripts');
    return this.filings;
  }

  async close(): Promise<void> {
    this.worker.postMessage(null satisfies ToWorker);
    await this.ended;
  }
}

if (parentPort && (workerData as Job | undefined)?.sources) {
  const port = parentPort;
  const job = workerData as Job;
  const { registry } = registryOf(job.registry);
  // Only the turns are kept for the filing: the rest of each result can go once it is sent, and each
  // source's bytes once it is parsed (taken out of the job, which the worker holds to its end).
  const kept: [string, readonly Turn[]][] = [];
  for (let source = job.sources.shift(); source; source = job.sources.shift()) {
    const result = parseSource(source, registry);
    port.postMessage({ kind: 'parsed', file: source.file, result } satisfies FromWorker);
    if (result.transcript) kept.push([source.file, result.transcript.turns]);
  }
  port.postMessage({ kind: 'done' } satisfies FromWorker);
  port.once('message', (message: ToWorker) => {
    if (!message) return;
    const file = transcriptFiler(message.topics);
    // Each transcript is let go once filed.
    for (let next = kept.shift(); next; next = kept.shift())
      port.postMessage({ kind: 'filing', file: next[0], filing: file(next[1]) } satisfies FromWorker);
    // Then the transcripts the choice of topics touched, parsed again and filed at once.
    for (let source = message.sources.shift(); source; source = message.sources.shift()) {
      const result = parseSource(source, registry);
      port.postMessage({ kind: 'parsed', file: source.file, result } satisfies FromWorker);
      if (result.transcript)
        port.postMessage({
          kind: 'filing',
          file: source.file,
          filing: file(result.transcript.turns),
        } satisfies FromWorker);
    }
    port.postMessage({ kind: 'filed' } satisfies FromWorker);
  });
}
