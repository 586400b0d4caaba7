/**
 * Parsing and filing in worker threads changes nothing: the fixture archive
 * ingested with its files parsed by two workers, and filed under its topics
 * there, equals the archive parsed and filed in one thread.
 */
import { describe, expect, it } from 'vitest';
import { archiveSteps, type Filing, ingestArchive } from '../../scripts/core/ingest-archive.ts';
import { parseInWorkers, startParsePool } from '../../scripts/ingest/parse-pool-fs.ts';
import { readSeeds } from '../../scripts/ingest/read-seeds-fs.ts';

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
      filings = await pool.file(step.value);
      step = steps.next(filings);
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
