/**
 * The ingest stage as the CLIs run it: read seeds → pure pipeline → write
 * content → report. Returns whether the stage failed instead of exiting.
 */
import { stat } from 'node:fs/promises';
import type { Listing } from '../lib/build-stamp-fs.ts';
import { checkRecord, readRecordAhead, seedsKey } from '../lib/permalink-record-fs.ts';
import {
  ingestStamp,
  loadIngestCache,
  loadReplay,
  loadSeedStamps,
  saveIngestCache,
  saveReplay,
  saveSeedStamps,
} from './ingest-cache-fs.ts';
import type { ParsePool } from './parse-pool-fs.ts';
import { readSeeds, type SeedStamp } from './read-seeds-fs.ts';
import { reconcileIds } from './reconcile-ids-fs.ts';
import { allProblems, formatIngestReport, formatProblems, replayedReport } from './report.ts';
import { writeAbout, writeContent } from './write-content-fs.ts';

export interface IngestOptions {
  seeds: string;
  content: string;
  strict: boolean;
  report: boolean;
  /** Build even when the speaker registry or topic rules do not parse (without them). */
  lenient: boolean;
  /** This is a first build: start a permalink record even if the archive looks published. */
  newArchive: boolean;
  /** The output folder the build publishes to, if any: a site there means the archive was published. */
  out?: string;
}

/**
 * Files to parse again per worker, at least, for workers started for them alone: each worker first
 * loads the NLP model (~2 s), which a file's parse (~15 ms) repays only by the hundred.
 */
const LATE_FILES_PER_WORKER = 150;

/** Problems with the archive-wide files: without `--lenient` they stop the run. */
const ARCHIVE_FILE_PROBLEMS = new Set(['invalid-speakers', 'invalid-topics']);

/**
 * Lenient by default: a bad file is reported and the others still build. `--strict` fails on any
 * problem; a registry or rules file that does not parse fails the run unless `--lenient`, or the
 * site would lose the facts it holds.
 */
function verdict(
  options: Pick<IngestOptions, 'strict' | 'lenient'>,
  problems: number,
  archiveFiles: boolean,
): Pick<IngestOutcome, 'ok' | 'stopped'> {
  if (options.strict && problems > 0)
    return { ok: false, stopped: 'the input has problems (listed above) and --strict is set' };
  if (archiveFiles && !options.lenient)
    return {
      ok: false,
      stopped:
        'the speaker registry or topic rules do not parse (above); fix them, or pass --lenient to build without them',
    };
  return { ok: true };
}

/** Whether every seed has the size and time it had at the last run, and no seed was added or removed. */
function sameStamps(known: ReadonlyMap<string, SeedStamp>, now: ReadonlyMap<string, SeedStamp>): boolean {
  return known.size === now.size && [...now].every(([file, s]) => known.get(file)?.stamp === s.stamp);
}

function failed(problem: string, stopped: string): IngestOutcome {
  return { ok: false, stopped, transcripts: 0, written: 0, inputBytes: 0, lines: [], problems: [problem] };
}

export interface IngestOutcome {
  ok: boolean;
  /** Why the run failed, as the end of a sentence, when it failed for its input as a whole. */
  stopped?: string;
  transcripts: number;
  /** Content files written or removed: 0 when the content folder did not change. */
  written: number;
  /** The content folder as the run left it, listed for the build stamp (none when the run stopped early). */
  content?: Listing;
  /** Bytes of transcript and metadata files read. */
  inputBytes: number;
  lines: string[];
  problems: string[];
}

/** What the caller is told while the ingest runs. */
export interface IngestHooks {
  /** The last run's outcome does not stand: the ingest parses (and most likely writes). */
  parsing?: () => void;
}

export async function runIngest(options: IngestOptions, hooks: IngestHooks = {}): Promise<IngestOutcome> {
  const seedsStat = await stat(options.seeds).catch(() => undefined);
  if (!seedsStat)
    return failed(
      `${options.seeds}: error the seeds folder does not exist\n  ↳ Pass an existing folder with --seeds, or create it.`,
      'there is no seeds folder to read',
    );
  if (!seedsStat.isDirectory())
    return failed(
      `${options.seeds}: error --seeds names a file, not a folder\n  ↳ Pass the folder that holds your transcripts (for one file, put it in a folder of its own).`,
      'there is no seeds folder to read',
    );
  const record = await checkRecord({
    content: options.content,
    seeds: options.seeds,
    newArchive: options.newArchive,
    ...(options.out ? { out: options.out } : {}),
  });
  if ('error' in record) return failed(record.error, 'the permalink record must be restored or fixed first (above)');
  // This run's word on the record (a new archive's first build): never replayed by a later run.
  const recordNote = record.note ? [`↳ ${record.note}`] : [];
  const known = await loadSeedStamps(options.content);
  const seeds = await readSeeds(options.seeds, known);
  // The caller is told once that the ingest parses, as early as that is known.
  let told = false;
  const parsing = (): void => {
    if (!told) hooks.parsing?.();
    told = true;
  };
  // A seed added, removed or touched since the last run: that run's outcome cannot stand (its stamp
  // holds the seeds' stamps), and the caller is told now, before the content folder is walked to say so.
  if (known.size > 0 && !sameStamps(known, seeds.stamps)) parsing();
  await writeAbout(options.content, seeds.about);
  // The cache holds while the archive-wide inputs hold: topic rules and the speaker registry.
  // (and the problems of rules or registry files too large or unreadable to be read at all)
  const rules = `${seeds.topicRules?.text ?? ''}\0${seeds.speakerRegistry?.text ?? ''}\0${JSON.stringify(seeds.problems ?? [])}`;
  // Nothing read has changed since the last run (no seed file, rule, option, code or content
  // file): that run's outcome stands, and it is reported again without parsing or writing.
  // A run told above that it parses skips the question: its seeds' stamps are not the last run's,
  // so neither is its stamp, and walking the content folder for it cost an edit ~1 s at 10,000.
  const runOptions = { seeds: options.seeds, strict: options.strict, report: options.report };
  const before = told ? undefined : await ingestStamp(options.content, rules, seeds, runOptions);
  const replay = before && (await loadReplay(options.content));
  if (before && replay?.stamp === before.stamp) {
    return {
      ...verdict(options, replay.problems.length, replay.archiveFiles),
      transcripts: replay.transcripts,
      written: 0,
      content: before.content,
      inputBytes: seeds.inputBytes,
      lines: [...recordNote, ...replayedReport(replay.lines, replay.transcripts, replay.contentFiles)],
      problems: replay.problems,
    };
  }
  parsing();
  // The pipeline and the NLP models it loads (~0.8 s of a core) only now: a run replayed above never needs them.
  const [{ archiveSteps, reusableFrom }, { recallTaggerAnswers, taggerAnswers }, { startParsePool }] =
    await Promise.all([
      import('../core/ingest-archive.ts'),
      import('../core/select-topics.ts'),
      import('./parse-pool-fs.ts'),
    ]);
  const cache = await loadIngestCache(options.content, rules);
  recallTaggerAnswers(cache?.answers ?? []);
  // New and changed files are parsed in worker threads, one per core; the rest come from the cache.
  // They also file their transcripts once the archive has chosen its topics.
  const toParse = seeds.sources.filter((s) => !reusableFrom(cache?.parsed, s));
  const pool = await startParsePool(toParse, seeds.speakerRegistry);
  // Most of the archive from the cache: the permalink record is read while the archive-wide steps
  // run. A run that parses most files would hold it (171 MB at 10,000) through the parse instead.
  if (toParse.length < seeds.sources.length / 2) readRecordAhead(options.content);
  const steps = archiveSteps({
    ...seeds,
    ...(cache ? { previous: cache.parsed, previousTopics: cache.topics } : {}),
    ...(cache?.vocabulary ? { previousVocabulary: cache.vocabulary } : {}),
    ...(pool ? { parsed: pool.parsed } : {}),
  });
  let step: ReturnType<typeof steps.next>;
  let late: ParsePool | undefined;
  try {
    step = steps.next();
    while (!step.done) {
      // Unchanged transcripts the choice of topics touched are parsed again in the workers too, or
      // in workers of their own when nothing else was parsed and they are many, else here.
      const { topics, reparse } = step.value;
      late = pool ? undefined : await startParsePool(reparse, seeds.speakerRegistry, undefined, LATE_FILES_PER_WORKER);
      step = steps.next(await (pool ? pool.file(topics, reparse) : late?.file(topics)));
    }
  } catch (e) {
    // The workers wait for their topics: let them go, or the process would wait for them.
    await pool?.close();
    await late?.close();
    throw e;
  }
  const archive = step.value;
  const sourceFiles = seeds.sources.map((s) => s.file);
  // Permanent ids first: the content is written with them.
  const ids = await reconcileIds(options.content, archive, sourceFiles, new Date().toISOString().slice(0, 10));
  const written = await writeContent(
    options.content,
    archive,
    ids,
    sourceFiles,
    seedsKey(options.content, options.seeds),
    cache?.published,
  );
  await saveSeedStamps(options.content, seeds.stamps);
  await saveIngestCache(
    options.content,
    rules,
    { parsed: archive.ingested, published: written.published, topics: archive.topicsKey, answers: taggerAnswers() },
    cache,
  );
  const problems = allProblems(archive).map((p) => ({ ...p, file: `${options.seeds.replace(/\/+$/, '')}/${p.file}` }));
  const archiveFiles = problems.some((p) => ARCHIVE_FILE_PROBLEMS.has(p.code));
  const report = formatIngestReport(archive, written, seeds.skipped, options);
  // What the next run replays if nothing changes: the content folder as written now.
  const after = await ingestStamp(options.content, rules, seeds, runOptions);
  const outcome = {
    ...verdict(options, problems.length, archiveFiles),
    transcripts: [...archive.ingested.values()].filter((f) => f.versionOf === undefined).length,
    written: written.written.length + written.removed.length,
    content: after.content,
    inputBytes: seeds.inputBytes,
    lines: [...recordNote, ...report],
    problems: formatProblems(problems),
  };
  await saveReplay(options.content, {
    stamp: after.stamp,
    transcripts: outcome.transcripts,
    contentFiles: written.written.length + written.unchanged,
    inputBytes: outcome.inputBytes,
    lines: report,
    problems: outcome.problems,
    archiveFiles,
  });
  return outcome;
}
