// @ts-check
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { readArchiveConfig } from './scripts/lib/archive-config-fs.ts';
import { readRetiredPages } from './scripts/lib/record-views-fs.ts';
import { sitemapFilter } from './src/lib/sitemap-filter.ts';
import { steadyHighlighting } from './src/lib/steady-highlighting.ts';

// The build script (scripts/build.ts) passes its folders through the environment, so one
// config serves the seed archive, a user's own folder, and the test fixtures.
const env = process.env;
const contentDir = env.ARCHIVE_CONTENT_DIR ?? './content';
// archive.config.yaml: the site's address (the build's --site overrides it), name, publisher, language.
const config = readArchiveConfig(fileURLToPath(new URL('.', import.meta.url)));
const site = env.ARCHIVE_SITE || config.site;
// Where relative `media:` addresses resolve: --media-base (through the build), else the config's.
const mediaBase = env.ARCHIVE_MEDIA_BASE || config.mediaBase || '';

// The archive's retired pages (tombstones and redirects) are not for search engines' sitemaps: read
// once, through the views the ingest kept of the permalink record (scripts/lib/record-views-fs.ts),
// when the pages are built: the build script starts Astro while its ingest still writes the record.
/** @type {import('./scripts/core/permalinks/record.ts').RetiredPage[]} */
let retired = [];
/** @type {import('astro').AstroIntegration} */
const retiredPages = {
  name: 'retired-pages',
  hooks: {
    'astro:build:start': async () => {
      retired = await readRetiredPages(env.ARCHIVE_BUILD_CACHE, contentDir).catch(() => []);
    },
  },
};

export default defineConfig({
  ...(site ? { site } : {}),
  outDir: env.ARCHIVE_OUT_DIR ?? './dist',
  cacheDir: env.ARCHIVE_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'ignore',
  // Stylesheets as files, never inline `<style>`: the Content-Security-Policy (src/lib/csp.ts) allows no inline CSS.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Pages whose getStaticPaths gives a cacheKey (transcripts and their twins) are copied from the
  // last build's cache when the key is unchanged. Needs build.concurrency 1, the default.
  experimental: { incrementalBuild: true },
  // A sitemap needs absolute addresses: it is written when the site's address is set (config or --site).
  integrations: [mdx(), ...(site ? [retiredPages, sitemap({ filter: sitemapFilter(() => retired) })] : [])],
  markdown: {
    // One theme of CSS variables, coloured for light and dark in global.css: one colour per token
    // in the HTML instead of two. Highlighting without a clock: the same code, the same markup.
    shikiConfig: { theme: 'css-variables', transformers: [steadyHighlighting] },
  },
  vite: {
    define: {
      'import.meta.env.ARCHIVE_NAME': JSON.stringify(config.name),
      'import.meta.env.ARCHIVE_PUBLISHER': JSON.stringify(config.publisher ?? config.name),
      'import.meta.env.ARCHIVE_LANGUAGE': JSON.stringify(config.language),
      'import.meta.env.ARCHIVE_MEDIA_BASE': JSON.stringify(mediaBase),
    },
    build: {
      // The build script gives Astro a new staging folder, which its data and search stages may
      // already be writing into (scripts/stages/site.ts): Astro must not empty it.
      emptyOutDir: !env.ARCHIVE_KEEP_OUT_DIR,
      // Scripts as files, never inlined however small: the Content-Security-Policy allows no inline script.
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Every MDX module triggers this harmless warning (withastro/astro#18087); at
        // thousands of transcripts it would drown the warnings that matter.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
