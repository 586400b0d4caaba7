// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// The build script (scripts/build.ts) passes its folders through the environment, so one
// config serves the seed archive, a user's own folder, and the test fixtures.
const env = process.env;

export default defineConfig({
  ...(env.ARCHIVE_SITE ? { site: env.ARCHIVE_SITE } : {}),
  outDir: env.ARCHIVE_OUT_DIR ?? './dist',
  cacheDir: env.ARCHIVE_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // Pages whose getStaticPaths gives a cacheKey (transcripts and their twins) are copied from the
  // last build's cache when the key is unchanged. Needs build.concurrency 1, the default.
  experimental: { incrementalBuild: true },
  integrations: [mdx()],
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
    },
  },
  vite: {
    build: {
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
