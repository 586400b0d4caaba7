/**
 * The ingest stage as the CLIs run it: read seeds → pure pipeline → write
 * content → report. Returns whether the stage failed instead of exiting.
 */
import { stat } from 'node:fs/promises';
import { ingestArchive, reusableFrom } from '../core/ingest-archive.ts';
import {
  ingestStamp,
  loadIngestCache,
  loadReplay,
  loadSeedStamps,
  saveIngestCache,
  saveReplay,
  saveSeedStamps,
} from './ingest-cache-fs.ts';
import { parseInWorkers } from './parse-pool-fs.ts';
import { readSeeds } from './read-seeds-fs.ts';
import { allProblems, formatIngestReport, formatProblems, replayedReport } from './report.ts';
import { writeAbout, writeContent } from './write-content-fs.ts';

export interface IngestOptions {
  seeds: string;
  content: string;
  strict: boolean;
  report: boolean;
}

export interface IngestOutcome {
  ok: boolean;
  transcripts: number;
  /** Content files written or removed: 0 when the content folder did not change. */
  written: number;
  /** Bytes of transcript and metadata files read. */
  inputBytes: number;
  lines: string[];
  problems: string[];
}

export async function runIngest(options: IngestOptions): Promise<IngestOutcome> {
  const seedsStat = await stat(options.seeds).catch(() => undefined);
  if (!seedsStat?.isDirectory()) {
    return {
      ok: false,
      transcripts: 0,
      written: 0,
      inputBytes: 0,
      lines: [],
      problems: [
        `${options.seeds}: error the seeds folder does not exist\n  ↳ Pass an existing folder with --seeds, or create it.`,
      ],
    };
  }
  const seeds = await readSeeds(options.seeds, await loadSeedStamps(options.content));
  await writeAbout(options.content, seeds.about);
  // The cache holds while the archive-wide inputs hold: topic rules and the speaker registry.
  const rules = `${seeds.topicRules?.text ?? ''}\0${seeds.speakerRegistry?.text ?? ''}`;
  // Nothing read has changed since the last run (no seed file, rule, option, code or content
  // file): that run's outcome stands, and it is reported again without parsing or writing.
  const runOptions = { seeds: options.seeds, strict: options.strict, report: options.report };
  const before = await ingestStamp(options.content, rules, seeds, runOptions);
  const replay = await loadReplay(options.content);
  if (replay?.stamp === before) {
    return {
      ok: !(options.strict && replay.problems.length > 0),
      transcripts: replay.transcripts,
      written: 0,
      inputBytes: seeds.inputBytes,
      lines: replayedReport(replay.lines, replay.transcripts, replay.contentFiles),
      problems: replay.problems,
    };
  }
  const cache = await loadIngestCache(options.content, rules);
  // New and changed files are parsed in worker threads, one per core; the rest come from the cache.
  const parsed = await parseInWorkers(
    seeds.sources.filter((s) => !reusableFrom(cache?.parsed, s)),
    seeds.speakerRegistry,
  );
  const archive = ingestArchive({
    ...seeds,
    ...(cache ? { previous: cache.parsed, previousTopics: cache.topics } : {}),
    parsed,
  });
  const written = await writeContent(
    options.content,
    archive,
    seeds.sources.map((s) => s.file),
    cache?.published,
  );
  await saveSeedStamps(options.content, seeds.stamps);
  await saveIngestCache(options.content, rules, {
    parsed: archive.ingested,
    published: written.published,
    topics: archive.topicsKey,
  });
  const problems = allProblems(archive).map((p) => ({ ...p, file: `${options.seeds.replace(/\/+$/, '')}/${p.file}` }));
  // Lenient by default: a bad file is reported and the others still build. `--strict` fails on any problem.
  const ok = !(options.strict && problems.length > 0);
  const outcome = {
    ok,
    transcripts: archive.ingested.size,
    written: written.written.length + written.removed.length,
    inputBytes: seeds.inputBytes,
    lines: formatIngestReport(archive, written, seeds.skipped, options),
    problems: formatProblems(problems),
  };
  // What the next run replays if nothing changes: this report, with the content folder as written now.
  await saveReplay(options.content, {
    stamp: await ingestStamp(options.content, rules, seeds, runOptions),
    transcripts: outcome.transcripts,
    contentFiles: written.written.length + written.unchanged,
    inputBytes: outcome.inputBytes,
    lines: outcome.lines,
    problems: outcome.problems,
  });
  return outcome;
}
