/**
 * Command-line options shared by the scripts, parsed with Node's own
 * `util.parseArgs` (strict: an unknown flag is an error, not a surprise), and
 * each script's own flags: one another script takes is an error too.
 */
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MediaBaseSchema } from '../core/archive-config.ts';
import { type Part, parsePart } from '../core/search-shards.ts';

/** The project root: where `astro.config.mjs` lives. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The build cache folder: ARCHIVE_CACHE_DIR, as the Astro config reads it, or Astro's default. */
export function cacheDir(): string {
  return resolve(process.env['ARCHIVE_CACHE_DIR'] ?? `${ROOT}node_modules/.astro`);
}

const OPTIONS = {
  seeds: { type: 'string', default: 'seeds' },
  content: { type: 'string' },
  out: { type: 'string', default: 'dist' },
  site: { type: 'string' },
  'media-base': { type: 'string' },
  stats: { type: 'string' },
  'shard-pages': { type: 'string', default: '1250' },
  memory: { type: 'string' },
  part: { type: 'string' },
  port: { type: 'string', default: '4321' },
  strict: { type: 'boolean', default: false },
  lenient: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  'new-archive': { type: 'boolean', default: false },
  check: { type: 'boolean', default: true },
  report: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** A flag's name, without its dashes (`--no-check` is `check`). */
export type CliFlag = keyof typeof OPTIONS;

/** The flags of `npm run build`: every one but the preview's port. */
export const BUILD_FLAGS: readonly CliFlag[] = (Object.keys(OPTIONS) as CliFlag[]).filter((f) => f !== 'port');
export const INGEST_FLAGS: readonly CliFlag[] = ['seeds', 'content', 'report', 'strict', 'lenient', 'new-archive'];
export const PREVIEW_FLAGS: readonly CliFlag[] = ['out', 'port'];
export const CHECK_SITE_FLAGS: readonly CliFlag[] = ['out'];

export type CliOptions = {
  seeds: string;
  content: string;
  out: string;
  site?: string;
  /** Where recordings named by a relative `media:` are served (overrides archive.config.yaml's `mediaBase`). */
  mediaBase?: string;
  /** Where to write the build's figures per stage as JSON (for `npm run bench`). */
  stats?: string;
  /** About how many pages each search index shard holds (each is indexed by its own Pagefind process). */
  shardPages: number;
  /** The memory in GB the build may use at once (default: half the machine's): what may run side by side. */
  memory?: number;
  /** Build only this part of the archive (for parallel builds on several machines; see /docs/scaling/). */
  part?: Part;
  port: number;
  strict: boolean;
  /** Build even when the speaker registry or topic rules do not parse. */
  lenient: boolean;
  /** Publish into an output folder that holds files this tool did not publish. */
  force: boolean;
  /** A first build: start a permalink record even where the archive looks published. */
  newArchive: boolean;
  /** Check the new site's links and anchors before it is published (on unless `--no-check`). */
  check: boolean;
  report: boolean;
  verbose: boolean;
  help: boolean;
};

/**
 * Parses argv; paths come back absolute, resolved against the current
 * directory. `flags`: the ones this script takes (besides `--help`); another
 * script's flag is an error rather than silently doing nothing.
 */
export function parseCli(
  argv: readonly string[],
  flags: readonly CliFlag[] = BUILD_FLAGS,
): CliOptions | { error: string } {
  try {
    const { values, tokens } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: false,
      allowNegative: true,
      tokens: true,
    });
    for (const token of tokens)
      if (token.kind === 'option' && token.name !== 'help' && !flags.includes(token.name as CliFlag))
        return { error: `${token.rawName.split('=')[0]}: not an option of this command` };
    const port = Number(values.port);
    const part = values.part === undefined ? undefined : parsePart(values.part);
    if (part && 'error' in part) return { error: `--part: ${part.error}` };
    const shardPages = Number(values['shard-pages']);
    if (!Number.isInteger(shardPages) || shardPages < 1)
      return { error: `--shard-pages: \`${values['shard-pages']}\` is not a positive whole number` };
    const memory = values.memory === undefined ? undefined : Number(values.memory);
    if (memory !== undefined && !(memory > 0))
      return { error: `--memory: \`${values.memory}\` is not a number of gigabytes (such as 8 or 1.5)` };
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      return { error: `--port: \`${values.port}\` is not a port number` };
    const mediaBase = values['media-base'];
    if (mediaBase !== undefined && !MediaBaseSchema.safeParse(mediaBase).success)
      return {
        error: `--media-base: \`${mediaBase}\` is neither a web address (https://…/) nor a path on this site starting with \`/\``,
      };
    const seeds = resolve(values.seeds);
    return {
      seeds,
      content: values.content === undefined ? defaultContent(seeds) : resolve(values.content),
      out: resolve(values.out),
      ...(values.site ? { site: values.site } : {}),
      ...(mediaBase ? { mediaBase } : {}),
      ...(values.stats ? { stats: resolve(values.stats) } : {}),
      shardPages,
      ...(memory === undefined ? {} : { memory }),
      ...(part ? { part } : {}),
      port,
      strict: values.strict,
      lenient: values.lenient,
      force: values.force,
      newArchive: values['new-archive'],
      check: values.check,
      report: values.report,
      verbose: values.verbose,
      help: values.help,
    };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The content folder of an archive built without `--content`: `content/` for
 * the project's own `seeds/`, and `content/archives/<folder name>/` for any
 * other seeds folder, so that each archive keeps its own permalink record.
 */
export function defaultContent(seeds: string): string {
  if (seeds === resolve(ROOT, 'seeds')) return resolve(ROOT, 'content');
  const name =
    basename(seeds)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'archive';
  return resolve(ROOT, 'content', 'archives', name);
}

/** Seconds with one decimal: `12.3 s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
