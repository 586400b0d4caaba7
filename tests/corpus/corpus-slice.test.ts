/**
 * A 200-file slice of the shared real corpora (100 from each archive),
 * through the whole pure pipeline: no crash, and no file loses a word.
 * The full run is `npm run check:corpus` (about 25 s for 3,364 files).
 * The corpora live outside the repository (../shared/corpora); where they are
 * absent, as in a clone without them, the test is reported as skipped.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCorpus } from '../../scripts/check-corpus.ts';
import { ROOT } from '../../scripts/lib/cli.ts';

const CORPORA = join(ROOT, '../shared/corpora');

describe.each(['bitcoin-transcripts.tar.xz', 'changelog-transcripts.tar.xz'])('a slice of %s', (name) => {
  const path = join(CORPORA, name);
  test.skipIf(!existsSync(path))(
    'ingests 100 real transcripts with no crash and no lost word',
    async () => {
      const summary = await checkCorpus(path, 100);
      expect(summary.crashes).toEqual([]);
      expect(summary.filesLosingWords).toEqual([]);
      expect(summary.files).toBeGreaterThanOrEqual(99);
      expect(summary.transcripts).toBeGreaterThan(90);
      expect(summary.turns).toBeGreaterThan(summary.transcripts);
    },
    120_000,
  );
});
