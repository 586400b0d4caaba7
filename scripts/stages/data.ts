/**
 * Stage 3, data: the data files the ingest's records make (each transcript's
 * twins and `/transcripts.json`, scripts/lib/data-files-fs.ts), written into
 * the new site beside Astro's pages, which may be written at the same time
 * (the site stage in the background); then the compressed whole-archive
 * downloads joined from those twins. It reads nothing Astro writes.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { plural } from '../core/text.ts';
import { BULK_FILES, writeBulkDownloads } from '../lib/bulk-downloads-fs.ts';
import { MANIFEST_FILE, writeDataFiles } from '../lib/data-files-fs.ts';
import type { Figures, Stage } from './context.ts';

/**
 * The data files in `site`: the twins in `/transcripts/` (not Astro's page
 * folders beside them) and the files at the top. Listed without walking the
 * site, where Astro may be writing.
 */
function dataFigures(site: string): Figures {
  const figures = { pages: 0, files: 0, bytes: 0 };
  const count = (file: string): void => {
    const size = statSync(file, { throwIfNoEntry: false })?.size;
    if (size === undefined) return;
    figures.files++;
    figures.bytes += size;
  };
  const twins = join(site, 'transcripts');
  const entries = existsSync(twins) ? readdirSync(twins, { withFileTypes: true }) : [];
  for (const e of entries) if (e.isFile() && /\.(json|txt|csv)$/.test(e.name)) count(join(twins, e.name));
  for (const name of [MANIFEST_FILE, ...BULK_FILES]) count(join(site, name));
  return figures;
}

export const dataStage: Stage = {
  name: 'data',
  title: 'Data files',
  async run(ctx) {
    const { options, staging } = ctx;
    const data = await writeDataFiles({
      content: options.content,
      site: staging,
      previous: options.out,
      cacheDir: ctx.cache,
      ...(options.part ? { part: options.part } : {}),
    });
    // One part of N has its own twins only: the parts are combined with the downloads of every transcript.
    const bulk = options.part
      ? undefined
      : await writeBulkDownloads(staging, { previous: options.out, cacheDir: ctx.cache });
    const figures = {
      ...dataFigures(staging),
      pages: data.transcripts,
      notes: { written: data.written, linked: data.linked },
    };
    const downloads =
      bulk === undefined
        ? ''
        : bulk.written
          ? `, downloads written (${bulk.compressed} parts compressed, ${bulk.copied} copied from the published ones)`
          : ', downloads unchanged';
    return {
      ok: true,
      figures,
      lines: [`${plural(data.written, 'file')} written, ${plural(data.linked, 'file')} unchanged${downloads}`],
      problems: [],
    };
  },
};
