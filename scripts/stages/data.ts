/**
 * Stage 3, data: the data files the ingest's records make (each transcript's
 * twins and `/transcripts.json`, scripts/lib/data-files-fs.ts), written into
 * the new site beside Astro's pages, which may be written at the same time
 * (the site stage in the background); then the compressed whole-archive
 * downloads joined from those twins. It reads nothing Astro writes.
 */
import { join, relative, sep } from 'node:path';
import { TWIN_EXTENSIONS } from '../core/data-files.ts';
import { plural } from '../core/text.ts';
import { BULK_FILES, writeBulkDownloads } from '../lib/bulk-downloads-fs.ts';
import { MANIFEST_FILE, writeDataFiles } from '../lib/data-files-fs.ts';
import { countFiles, type Stage } from './context.ts';

const TOP_FILES: ReadonlySet<string> = new Set([MANIFEST_FILE, ...BULK_FILES]);
const TWIN = new RegExp(`^transcripts/[^/]+\\.(?:${TWIN_EXTENSIONS.join('|')})$`);

/** Whether `file` in `site` is one this stage writes: a twin, the manifest, a download. */
export function isDataFile(site: string, file: string): boolean {
  const path = relative(site, file).split(sep).join('/');
  return TOP_FILES.has(path) || TWIN.test(path);
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
    // Its own files, found without entering Astro's page folders, where Astro may be writing.
    const twins = join(staging, 'transcripts');
    const figures = {
      ...(await countFiles(
        staging,
        (file) => isDataFile(staging, file),
        (folder) => folder !== twins,
      )),
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
