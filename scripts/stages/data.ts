/**
 * Stage 3, data: the data files the ingest's records make (each transcript's
 * twins and `/transcripts.json`, scripts/lib/data-files-fs.ts), written into
 * the new site beside Astro's pages, which may be written at the same time
 * (the site stage in the background). It reads nothing Astro writes. The
 * compressed whole-archive downloads joined from the twins are the next
 * stage's (`downloads.ts`).
 */
import { TWIN_EXTENSIONS } from '../core/data-files.ts';
import { plural } from '../core/text.ts';
import { BULK_FILES } from '../lib/bulk-downloads-fs.ts';
import { MANIFEST_FILE, readDataFilesAhead, writeDataFiles } from '../lib/data-files-fs.ts';
import { readAheadWhileIngestParses, type Stage } from './context.ts';

/** A data file's path in the site (with `/`): a twin, the manifest, a download (the downloads stage's). */
export const DATA_FILE = new RegExp(
  `^(?:${[MANIFEST_FILE, ...BULK_FILES].map(RegExp.escape).join('|')}|transcripts/[^/]+\\.(?:${TWIN_EXTENSIONS.join('|')}))$`,
);

export const dataStage: Stage = {
  name: 'data',
  title: 'Data files',
  start: readAheadWhileIngestParses((ctx) => readDataFilesAhead(ctx.options.content, ctx.cache)),
  async run(ctx) {
    const { options, staging } = ctx;
    const data = await writeDataFiles({
      content: options.content,
      site: staging,
      previous: options.out,
      cacheDir: ctx.cache,
      ...(options.part ? { part: options.part } : {}),
    });
    // Its own files, as its writes and links tell them (no walk of the site, where Astro may be writing).
    const figures = {
      files: data.written + data.linked,
      bytes: data.bytes,
      pages: data.transcripts,
      notes: { written: data.written, linked: data.linked },
    };
    return {
      ok: true,
      figures,
      lines: [`${plural(data.written, 'file')} written, ${plural(data.linked, 'file')} unchanged`],
      problems: [],
    };
  },
};
