/**
 * Stage 5, search: the passage index (each word's passages, from the twins)
 * and Pagefind's index of filters, in shards. It reads only the data stage's
 * files, so it may run while Astro still writes its pages (see site.ts).
 */
import { plural } from '../core/text.ts';
import { buildSearchIndex, readSearchAhead } from '../search/build-search-index-fs.ts';
import { listSearchFolder, readAheadWhileIngestParses, SEARCH_FOLDERS, type Stage, stop } from './context.ts';

export const searchStage: Stage = {
  name: 'search',
  title: 'Search index (passage index, Pagefind)',
  start: readAheadWhileIngestParses((ctx) => readSearchAhead(ctx.cache, ctx.options.out)),
  async run(ctx) {
    const { options, staging } = ctx;
    const search = await buildSearchIndex({
      site: staging,
      previous: options.out,
      cache: ctx.cache,
      perShard: options.shardPages,
      ...(options.part ? { part: options.part } : {}),
      ...(options.memory === undefined ? {} : { memory: options.memory }),
      progress: (line) => ctx.log(`  ${line}`),
    });
    if (!search.ok) return stop('the search index was not written', [search.output.trim()]);
    // Listed for the figures and, final from here on, for the new site's stamp.
    const listed = await Promise.all(SEARCH_FOLDERS.map((name) => listSearchFolder(ctx, name)));
    const figures = {
      files: listed.reduce((sum, { tally }) => sum + tally.files, 0),
      bytes: listed.reduce((sum, { tally }) => sum + tally.bytes, 0),
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
