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
  // Stylesheets as files, never inline `<style>`: the Content-Security-Policy (src/lib/csp.ts) allows no inline CSS.
  build: { format: 'directory', inlineStylesheets: 'never' },
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
