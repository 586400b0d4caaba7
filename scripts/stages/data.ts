/**
 * Stage 3, data: the data files the ingest's records make (each transcript's
 * twins and `/transcripts.json`, scripts/lib/data-files-fs.ts), written into
 * the new site beside Astro's pages; then the compressed whole-archive
 * downloads joined from those twins, their sizes on the /data/ page, the
 * host's header file's `media-src` for the recordings the manifest names, and
 * every address the permalink record promises looked up in the new site.
 */
import { join } from 'node:path';
import { plural } from '../core/text.ts';
import { writeBulkDownloads } from '../lib/bulk-downloads-fs.ts';
import { lostUrls } from '../lib/check-published-fs.ts';
import { writeDataFiles } from '../lib/data-files-fs.ts';
import { fillDownloadSizes } from '../lib/download-sizes-fs.ts';
import { writeMediaPolicy } from '../lib/media-policy-fs.ts';
import { countFiles, type Stage, stop } from './context.ts';

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
    await fillDownloadSizes(staging);
    // The host's header file allows every recording the manifest just written names.
    const mediaOrigins = await writeMediaPolicy(staging);
    const lost = await lostUrls(options.content, staging, options.part, join(ctx.cache, 'site-check'));
    if (lost.length > 0)
      return stop(
        `${plural(lost.length, 'published address', 'published addresses')} would break.\n  ↳ Restore the transcript, or retire or move it on purpose in ${options.content}/permalinks.json (see /docs/urls/).`,
        lost.slice(0, 50).map((url) => `${url}: error [lost-url] a published address would stop resolving`),
      );
    const figures = {
      ...(await countFiles(staging, (path) => /\.(json|txt|csv|gz)$/.test(path) && !path.includes('/pagefind/'))),
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
      lines: [
        `${plural(data.written, 'file')} written, ${plural(data.linked, 'file')} unchanged${downloads}`,
        ...(mediaOrigins.length > 0
          ? [`recordings played from ${mediaOrigins.join(', ')} (media-src in _headers)`]
          : []),
      ],
      problems: [],
    };
  },
};
