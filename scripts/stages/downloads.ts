/**
 * Stage 4, downloads: the compressed whole-archive downloads
 * (`/archive.jsonl.gz`, `/archive.csv.gz`, scripts/lib/bulk-downloads-fs.ts)
 * joined from the twins the data stage wrote, in the background beside the
 * search stage, which reads the twins but not the downloads. On a rebuild at
 * 10,000 transcripts they took ~3 s of the data stage's ~6.5 s, which the
 * search stage had waited for. One part of N (`--part`) makes none: the
 * parts are combined with the downloads of every transcript.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BULK_FILES, readBulkRecordAhead, writeBulkDownloads } from '../lib/bulk-downloads-fs.ts';
import { readAheadWhileIngestParses, type Stage } from './context.ts';

export const downloadsStage: Stage = {
  name: 'downloads',
  title: 'Downloads',
  runs: (options) => !options.part,
  background: () => true,
  start: readAheadWhileIngestParses((ctx) => readBulkRecordAhead(ctx.cache)),
  async run(ctx) {
    const { options, staging } = ctx;
    const bulk = await writeBulkDownloads(staging, { previous: options.out, cacheDir: ctx.cache });
    const sizes = await Promise.all(BULK_FILES.map(async (f) => (await stat(join(staging, f))).size));
    return {
      ok: true,
      figures: { files: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0), pages: 0 },
      lines: [
        bulk.written
          ? `${BULK_FILES.join(', ')} written (${bulk.compressed} parts compressed, ${bulk.copied} copied from the published ones)`
          : `${BULK_FILES.join(', ')} unchanged`,
      ],
      problems: [],
    };
  },
};
