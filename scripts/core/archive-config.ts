/**
 * The archive's own settings, `archive.config.yaml` at the project root:
 * where the site is served from, what the archive is called and who
 * publishes it, and the language of its pages. Every field is optional; the
 * file itself is too. Read by the build (`scripts/build.ts`) and by Astro
 * (`astro.config.mjs`), so both agree.
 */
import { z } from 'zod';
import { parseYamlWith } from './parse-yaml.ts';
import type { Problem } from './problems.ts';
import { WebUrlSchema } from './schema.ts';

/** A web address, or a path on the site's own host starting with `/`. */
export const MediaBaseSchema = z.union([WebUrlSchema, z.string().regex(/^\/(?!\/)[^\s\p{Cc}?#\\]*$/u)], {
  error: 'expected a web address (https://…/) or a path on this site starting with `/` (such as `/media/`)',
});

export const CONFIG_FILE = 'archive.config.yaml';

export const ArchiveConfigSchema = z
  .object({
    /**
     * The address the site is served from (`https://archive.example.org/`):
     * citations, feeds, the sitemap and JSON-LD carry absolute links with it.
     * `--site` overrides it for one build.
     */
    site: WebUrlSchema.optional(),
    /** The archive's name: page titles, feeds, and the website in citations. */
    name: z.string().min(1).default('Transcript archive'),
    /** Who publishes it, as citations name the publisher; the archive's name when absent. */
    publisher: z.string().min(1).optional(),
    /** BCP 47 language of the site's own pages (a transcript's pages take the transcript's language). */
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as `en` or `pt-BR`')
      .default('en'),
    /**
     * Where recordings named by a relative `media:` are served
     * (`https://media.example.org/briefings/`, or `/media/` for a folder
     * beside the site); `--media-base` overrides it for one build.
     */
    mediaBase: MediaBaseSchema.optional(),
  })
  .strict();
export type ArchiveConfig = z.infer<typeof ArchiveConfigSchema>;

export const DEFAULT_CONFIG: ArchiveConfig = ArchiveConfigSchema.parse({});

/** Reads the file's text (absent: every default); a mistake comes back as problems at `file:line`. */
export function parseArchiveConfig(
  text: string | undefined,
  file = CONFIG_FILE,
): { config: ArchiveConfig } | { problems: Problem[] } {
  if (text === undefined) return { config: DEFAULT_CONFIG };
  const parsed = parseYamlWith(ArchiveConfigSchema, text, file, 'invalid-config');
  return 'problems' in parsed ? parsed : { config: parsed.value };
}

/** Where relative `media:` addresses resolve: `--media-base` first, else the config's; absent when neither says. */
export function mediaBaseFor(config: ArchiveConfig, flag: string | undefined): string | undefined {
  return flag ?? config.mediaBase;
}

/** The site's address for a build: `--site` first, else the config's; absent when neither says. */
export function siteAddress(config: ArchiveConfig, flag: string | undefined): string | undefined {
  return flag ?? config.site;
}
