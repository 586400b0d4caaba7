/**
 * Parsing in worker threads changes nothing: the fixture archive ingested
 * with its files parsed by two workers equals the archive parsed in one thread.
 */
import { describe, expect, it } from 'vitest';
import { ingestArchive } from '../../scripts/core/ingest-archive.ts';
import { parseInWorkers } from '../../scripts/ingest/parse-pool-fs.ts';
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
});
