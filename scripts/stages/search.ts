/**
 * Stage 5, search: the passage index (each word's passages, from the twins)
 * and Pagefind's index of filters, in shards. It reads only the data stage's
 * files, so it may run while Astro still writes its pages (see site.ts).
 */

import { VOCABULARY_DIR } from '../../src/lib/passage-index.ts';
import { plural } from '../core/text.ts';
import type { Listing } from '../lib/build-stamp-fs.ts';
import { buildSearchIndex, readSearchAhead } from '../search/build-search-index-fs.ts';
import { listSearchFolder, readAheadWhileIngestParses, SEARCH_FOLDERS, type Stage, stop } from './context.ts';

export const searchStage: Stage = {
  name: 'search',
  title: 'Search index (passage index, Pagefind)',
  start: readAheadWhileIngestParses((ctx) => readSearchAhead(ctx.cache, ctx.options.out)),
  async run(ctx) {
    const { options, staging } = ctx;
    // Each folder listed once written, for the figures and, final from there on, for the new site's stamp:
    // the passage index's while Pagefind's shards are made.
    const listed = new Map<string, Promise<Listing>>();
    const search = await buildSearchIndex({
      site: staging,
      previous: options.out,
      cache: ctx.cache,
      perShard: options.shardPages,
      ...(options.part ? { part: options.part } : {}),
      ...(options.memory === undefined ? {} : { memory: options.memory }),
      progress: (line) => ctx.log(`  ${line}`),
      wordsWritten: () => listed.set(VOCABULARY_DIR, listSearchFolder(ctx, VOCABULARY_DIR)),
    });
    if (!search.ok) return stop('the search index was not written', [search.output.trim()]);
    const tallies = await Promise.all(SEARCH_FOLDERS.map((name) => listed.get(name) ?? listSearchFolder(ctx, name)));
    const figures = {
      files: tallies.reduce((sum, { tally }) => sum + tally.files, 0),
      bytes: tallies.reduce((sum, { tally }) => sum + tally.bytes, 0),
      pages: search.pages,
      notes: { shards: search.shards, reused: search.reused },
    };
    const reused = search.reused > 0 ? `, ${plural(search.reused, 'shard')} reused` : '';
    return {
      ok: true,
      figures,
      lines: [`${plural(search.pages, 'page')} indexed in ${plural(search.shards, 'shard')}${reused}`],
      problems: [],
    };
  },
};
