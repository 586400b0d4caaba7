/**
 * Reads `archive.config.yaml` from the project root (or the file named by
 * ARCHIVE_CONFIG, which tests use). A file with a mistake stops the caller
 * with one `file:line` message, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ArchiveConfig,
  CONFIG_FILE,
  mediaBaseFor,
  parseArchiveConfig,
  siteAddress,
} from '../core/archive-config.ts';
import { problemLocation } from '../core/problems.ts';

export class ConfigError extends Error {}

export function readArchiveConfig(root: string): ArchiveConfig {
  const file = process.env['ARCHIVE_CONFIG'] ?? join(root, CONFIG_FILE);
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = undefined;
  }
  const parsed = parseArchiveConfig(text, file);
  if ('config' in parsed) return parsed.config;
  throw new ConfigError(
    parsed.problems.map((p) => `${problemLocation(p)}: error ${p.message}\n  ↳ ${p.hint}`).join('\n'),
  );
}

/**
 * The site's address for a build (`--site`, else archive.config.yaml's
 * `site:`) and where relative recordings resolve (`--media-base`, else
 * `mediaBase:`); or the config file's mistake.
 */
export function siteForBuild(
  root: string,
  flag: string | undefined,
  mediaFlag?: string,
): { site?: string; mediaBase?: string } | { error: string } {
  try {
    const config = readArchiveConfig(root);
    const site = siteAddress(config, flag);
    const mediaBase = mediaBaseFor(config, mediaFlag);
    return { ...(site ? { site } : {}), ...(mediaBase ? { mediaBase } : {}) };
  } catch (e) {
    if (e instanceof ConfigError) return { error: e.message };
    throw e;
  }
}

/** The build summary's warning when no address is set. */
export const NO_SITE_WARNING = [
  '⚠ No site address: citations, feeds, JSON-LD and printed addresses are relative, and no sitemap was written.',
  `  ↳ Set \`site: https://…/\` in ${CONFIG_FILE} (or pass --site URL).`,
].join('\n');
