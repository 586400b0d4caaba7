/**
 * Parsing and filing in worker threads changes nothing: the fixture archive
 * ingested with its files parsed by two workers, and filed under its topics
 * there, equals the archive parsed and filed in one thread.
 */
import { describe, expect, it } from 'vitest';
import { archiveSteps, type Filing, ingestArchive, type SourceFile } from '../../scripts/core/ingest-archive.ts';
import type { TranscriptResult } from '../../scripts/core/ingest-transcript.ts';
import { parseInWorkers, startParsePool } from '../../scripts/ingest/parse-pool-fs.ts';
import { readSeeds } from '../../scripts/ingest/read-seeds-fs.ts';
import { base, transcript, WIND_TWICE } from '../helpers/topic-corpus.ts';

describe('parse pool', () => {
  it('gives the same archive as parsing in one thread', async () => {
    const seeds = await readSeeds('tests/fixtures/archive');
    const parsed = await parseInWorkers(seeds.sources, seeds.speakerRegistry, 2, 1);
    // Every file went through a worker, so the comparison below compares the two paths.
    expect(parsed.size).toBe(seeds.sources.length);
    const pooled = ingestArchive({ ...seeds, parsed });
    const serial = ingestArchive(seeds);
    expect(pooled).toEqual(serial);
    expect(serial.transcripts.length).toBeGreaterThan(5);
  });

  it('gives the same archive when the workers file the transcripts under its topics', async () => {
    const seeds = await readSeeds('tests/fixtures/archive');
    const pool = await startParsePool(seeds.sources, seeds.speakerRegistry, 2, 1);
    if (!pool) throw new Error('the pool did not start');
    const steps = archiveSteps({ ...seeds, parsed: pool.parsed });
    let step = steps.next();
    let filings: Map<string, Filing> | undefined;
    while (!step.done) {
      const filed = await pool.file(step.value.topics, step.value.reparse);
      filings = new Map(filed.filings);
      step = steps.next(filed);
    }
    // The workers filed every transcript they parsed, and some under a topic.
    const withTranscript = [...pool.parsed].filter(([, r]) => r.transcript).map(([file]) => file);
    expect([...(filings?.keys() ?? [])].sort()).toEqual(withTranscript.sort());
    expect([...(filings?.values() ?? [])].some((f) => f.filed.length > 0)).toBe(true);
    const serial = ingestArchive(seeds);
    expect(step.value).toEqual(serial);
    expect(serial.transcripts.some((t) => t.topics.length > 0)).toBe(true);
  });
});

describe('parse pool, when a new choice of topics touches unchanged transcripts', () => {
  /** The helper archive built once, then grown by `added`: the second run's steps, and that run in one thread. */
  function grown(added: readonly SourceFile[]) {
    const first = ingestArchive({ sources: base() });
    const input = { sources: [...base(), ...added], previous: first.ingested, previousTopics: first.topicsKey };
    return {
      steps: (parsed?: ReadonlyMap<string, TranscriptResult>) =>
        archiveSteps({ ...input, ...(parsed ? { parsed } : {}) }),
      serial: ingestArchive(input),
    };
  }
  const TOUCHED = ['episode-02.txt', 'episode-03.txt', 'episode-04.txt', 'episode-05.txt'];

  it('parses and files them in the workers that parsed the new files, as one thread would', async () => {
    const added = [transcript(24, WIND_TWICE), transcript(25, WIND_TWICE)];
    const run = grown(added);
    const pool = await startParsePool(added, undefined, 2, 1);
    if (!pool) throw new Error('the pool did not start');
    const steps = run.steps(pool.parsed);
    const step = steps.next();
    if (step.done) throw new Error('the steps did not pause');
    // The older transcripts that mention the new topic, and only those, are to be parsed again.
    expect(step.value.reparse.map((s) => s.file).sort()).toEqual(TOUCHED);
    const filed = await pool.file(step.value.topics, step.value.reparse);
    expect([...filed.parsed.keys()].sort()).toEqual([...TOUCHED, 'episode-24.txt', 'episode-25.txt']);
    expect([...filed.filings.keys()].sort()).toEqual([...TOUCHED, 'episode-24.txt', 'episode-25.txt']);
    const done = steps.next(filed);
    expect(done.done).toBe(true);
    expect(done.value).toEqual(run.serial);
  });

  it('parses them in workers of their own when the pool had nothing else to parse, as one thread would', async () => {
    const run = grown([transcript(24, WIND_TWICE)]);
    const steps = run.steps();
    const step = steps.next();
    if (step.done) throw new Error('the steps did not pause');
    const late = await startParsePool(step.value.reparse, undefined, 2, 1);
    if (!late) throw new Error('the pool did not start');
    const filed = await late.file(step.value.topics);
    expect([...filed.parsed.keys()].sort()).toEqual(TOUCHED);
    const done = steps.next(filed);
    expect(done.value).toEqual(run.serial);
  });
});
