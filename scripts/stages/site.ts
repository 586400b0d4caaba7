/**
 * Stage 2, site: `astro build` in a child process, into the staging folder:
 * the pages, while the data and search stages run beside it when memory
 * allows (see `background` below).
 */
import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { plural } from '../core/text.ts';
import { cacheKey } from '../lib/build-cache-fs.ts';
import { ROOT } from '../lib/cli.ts';
import { AWAIT_CONTENT } from '../lib/content-gate-fs.ts';
import { acquireAstroStage } from '../lib/lock-fs.ts';
import { gigabytes, HEAP_GROWTH_FLAG, memoryBudget, overlappedPeak } from '../lib/memory-plan.ts';
import { type NodeChild, startNode } from '../lib/run-node-fs.ts';
import { type BuildContext, countFiles, megabytes, SEARCH_FOLDERS, type Stage, stop } from './context.ts';
import { DATA_FILE } from './data.ts';
import { startAddressCheck } from './join.ts';

const ASTRO_BIN = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** The Astro stage's heap limit in MB: half the machine's memory, never under V8's usual 4 GB. */
function astroHeapMB(): number {
  return Math.max(4096, Math.floor(totalmem() / 2 / 1024 / 1024));
}

/**
 * Astro's content cache, one per content folder: entries are cached by the
 * digest of their text, so a cache shared by two content folders serves one
 * folder's entries with the other's file paths.
 */
function cacheDirFor(content: string): string {
  return join(ROOT, 'node_modules', '.astro', `content-${cacheKey(content)}`);
}

/**
 * Whether Astro's incremental build carries this project's patch
 * (scripts/patches/): restored pages as hard links, cached pages replaced,
 * never rewritten. Without it the build is still correct, only slower: every
 * unchanged page is copied and then read again by the checks.
 */
function astroPatched(): boolean {
  try {
    return readFileSync(join(ROOT, 'node_modules/astro/dist/core/build/incremental.js'), 'utf8').includes(
      'transcript-archive patch',
    );
  } catch {
    return false;
  }
}

/** `astro build` started, and the release of this project's Astro lock, which it holds. */
interface Astro extends NodeChild {
  release: () => Promise<void>;
}

/** Astro started as each build starts, until the stage runs and takes it over. */
const early = new WeakMap<object, Promise<Astro>>();

/**
 * Starts `astro build` into the staging folder once this project's Astro
 * stage is free. Started early (`waits`), it reads no content before its go,
 * a line on its input (`scripts/lib/content-gate-fs.ts`).
 */
async function startAstro(ctx: BuildContext, waits: boolean, signal?: AbortSignal): Promise<Astro> {
  const { options, staging } = ctx;
  const stage = await acquireAstroStage(ctx.log, signal);
  ctx.onStop(stage.release);
  const env = {
    ...process.env,
    ARCHIVE_CACHE_DIR: process.env['ARCHIVE_CACHE_DIR'] ?? cacheDirFor(options.content),
    ARCHIVE_CONTENT_DIR: options.content,
    // Where the ingest kept its views of the permalink record (the site reads its retired pages).
    ARCHIVE_BUILD_CACHE: ctx.cache,
    ARCHIVE_OUT_DIR: staging,
    // The staging folder is new, and the data and search stages may be writing into it already.
    ARCHIVE_KEEP_OUT_DIR: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
    ...(options.site ? { ARCHIVE_SITE: options.site } : {}),
    ...(options.mediaBase ? { ARCHIVE_MEDIA_BASE: options.mediaBase } : {}),
    ...(options.part ? { ARCHIVE_PART: `${options.part.index + 1}/${options.part.count}` } : {}),
    ...(waits ? { [AWAIT_CONTENT]: '1' } : {}),
    // Astro holds every transcript record in its data store: past some 8,000 transcripts that
    // outgrows V8's default 4 GB heap. Half the machine's memory (at least 4 GB) is its limit instead.
    NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --max-old-space-size=${astroHeapMB()}`.trim(),
  };
  const astro = startNode(ASTRO_BIN, ['build'], {
    env,
    nodeFlags: [HEAP_GROWTH_FLAG],
    label: 'astro build',
    verbose: options.verbose,
    track: ctx.track,
    input: waits,
  });
  return { ...astro, release: stage.release };
}

export const siteStage: Stage = {
  name: 'site',
  title: 'Site (Astro)',
  /**
   * `astro build` runs beside the data and search stages, which read only the
   * ingest's records and write files Astro does not (it is told not to empty
   * the staging folder): on two cores, the one Astro leaves idle for much of
   * its run does their work. Unless Astro's memory (which grows with the
   * records it holds) and the search stage's, added up, could outgrow what the
   * build may use (`--memory`): then they run one after the other.
   */
  background: (ctx, before) => {
    const expected = overlappedPeak(before.get('ingest')?.figures.bytes ?? Number.POSITIVE_INFINITY);
    const budget = memoryBudget(ctx.options.memory, totalmem());
    if (expected <= budget) return true;
    return `alone: beside the data and search stages it could need ${gigabytes(expected)}, more than the ${gigabytes(budget)} this build may use (--memory)`;
  },
  /**
   * Astro starts as the build does: while the ingest runs (on one core, for
   * an edit), it loads its config, integrations and Vite, then waits for
   * the go before it reads the content.
   */
  start(ctx) {
    // Called off while another build holds the project's Astro stage: this one stops waiting for it.
    const waiting = new AbortController();
    const astro = startAstro(ctx, true, waiting.signal);
    // Awaited by `run`, or here when called off: never an unhandled rejection in between.
    astro.catch(() => undefined);
    early.set(ctx.build, astro);
    return async () => {
      if (early.get(ctx.build) !== astro) return;
      early.delete(ctx.build);
      waiting.abort();
      const started = await astro.catch(() => undefined);
      if (!started) return;
      started.child.kill('SIGTERM');
      await started.done;
      await started.release();
    };
  },
  async run(ctx) {
    const { staging } = ctx;
    const taken = early.get(ctx.build);
    early.delete(ctx.build);
    const astro = await (taken ?? startAstro(ctx, false));
    // This stage's own tracking too: in the background, it is the child a failing stage stops.
    ctx.track(astro.child);
    astro.report(ctx.log);
    astro.child.stdin?.end('go\n');
    const site = await astro.done;
    await astro.release();
    if (!site.ok) return stop('astro build failed (its output is above)', [site.output.trim()]);
    // The pages are all there: the published addresses are looked up beside the tally below.
    startAddressCheck(ctx);
    // Astro's files only: the data and search stages may be writing theirs beside them.
    const figures = await countFiles(staging, { skip: SEARCH_FOLDERS, exclude: DATA_FILE });
    const lines = [`${plural(figures.pages, 'page')}, ${plural(figures.files, 'file')}, ${megabytes(figures.bytes)}`];
    if (!astroPatched())
      lines.push(
        "↳ Astro's incremental-build patch is not applied (run `npm install` to apply it): unchanged pages were copied, not linked",
      );
    return { ok: true, figures, lines, problems: [] };
  },
};
