/**
 * A content loader for the pages the archive retired (tombstones and
 * redirects), from the permalink record in the content folder: through the
 * views the ingest kept of the record file it wrote, in the build's cache
 * (`ARCHIVE_BUILD_CACHE`, set by the build script), or from the record itself
 * when those are not the record file's (`scripts/lib/record-views-fs.ts`).
 */
import { resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { contentReady } from '../../scripts/lib/content-gate-fs.ts';
import { RECORD_FILE } from '../../scripts/lib/permalink-record-fs.ts';
import { readRetiredPages } from '../../scripts/lib/record-views-fs.ts';

export function retiredPagesLoader(content: string): Loader {
  return {
    name: 'retired-pages',
    async load({ store, parseData, watcher }) {
      await contentReady();
      const sync = async (): Promise<void> => {
        const pages = await readRetiredPages(process.env['ARCHIVE_BUILD_CACHE'], content);
        store.clear();
        for (const page of pages) store.set({ id: page.id, data: await parseData({ id: page.id, data: page }) });
      };
      await sync();
      // `astro dev`: a record written by a new ingest is read again.
      const file = resolve(content, RECORD_FILE);
      watcher?.add(file);
      watcher?.on('change', (changed) => {
        if (changed === file) void sync();
      });
    },
  };
}
