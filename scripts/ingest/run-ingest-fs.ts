/**
 * The ingest stage as the CLIs run it: read seeds → pure pipeline → write
 * content → report. Returns whether the stage failed instead of exiting.
 */
import { stat } from 'node:fs/promises';
import { ingestArchive } from '../core/ingest-archive.ts';
import { readSeeds } from './read-seeds-fs.ts';
import { allProblems, formatIngestReport, formatProblems } from './report.ts';
import { writeContent } from './write-content-fs.ts';

export interface IngestOptions {
  seeds: string;
  content: string;
  strict: boolean;
  report: boolean;
}

export interface IngestOutcome {
  ok: boolean;
  transcripts: number;
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
      inputBytes: 0,
      lines: [],
      problems: [
        `${options.seeds}: error the seeds folder does not exist\n  ↳ Pass an existing folder with --seeds, or create it.`,
      ],
    };
  }
  const seeds = await readSeeds(options.seeds);
  const archive = ingestArchive(seeds);
  const written = await writeContent(
    options.content,
    archive,
    seeds.sources.map((s) => s.file),
  );
  const problems = allProblems(archive).map((p) => ({ ...p, file: `${options.seeds.replace(/\/+$/, '')}/${p.file}` }));
  // Lenient by default: a bad file is reported and the others still build. `--strict` fails on any problem.
  const ok = !(options.strict && problems.length > 0);
  return {
    ok,
    transcripts: archive.transcripts.length,
    inputBytes: seeds.sources.reduce((n, s) => n + s.bytes.length + (s.meta?.text.length ?? 0), 0),
    lines: formatIngestReport(archive, written, seeds.skipped, options),
    problems: formatProblems(problems),
  };
}
