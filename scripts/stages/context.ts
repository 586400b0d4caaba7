/**
 * What every build stage gets and gives back. A stage takes the build's
 * context and returns its figures, the lines it reports and its problems;
 * `run-stages.ts` runs them in order and stops at the first that fails. A
 * stage may run in the background, beside the stages after it, until one
 * that waits for it.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { VOCABULARY_DIR } from '../../src/lib/passage-index.ts';
import { buildStamp, type Listing, listFolder, listOut } from '../lib/build-stamp-fs.ts';
import type { CliOptions } from '../lib/cli.ts';
import { markSite } from '../lib/output-folder-fs.ts';
import type { StageStats } from '../lib/stage-clock-fs.ts';
import { type TallyOptions, tallyTree } from '../lib/tree-tally-fs.ts';

export interface BuildContext {
  options: CliOptions;
  /**
   * This build, as a key: what its stages hand one another (Astro started
   * early, the folders listed on the way, the address check) is kept by it,
   * not by the staging folder's name, which a later build in the same
   * process may share. A stage's context may be a copy; this stays the same
   * object (made by `runStages`).
   */
  build: object;
  /** The folder the new site is built in, beside the output folder; published by one rename. */
  staging: string;
  /** The build cache folder (kept between builds). */
  cache: string;
  /** Progress lines while a stage runs. */
  log: (line: string) => void;
  /** Tells the build which child process runs now, so Ctrl-C stops it too. */
  track: (child: ChildProcess | undefined) => void;
  /**
   * Lowers the build process and its other children (Astro, started early)
   * so that `first`, the ingest's child, on every build's critical path, has
   * the cores before them; children started later inherit the lowered
   * priority (`lib/priority-fs.ts`).
   */
  putFirst: (first: ChildProcess) => void;
  /** Registers what must be undone if the build stops from here on (run in reverse order). */
  onStop: (undo: () => Promise<void>) => void;
  /** Set while the publish stage renames folders: a signal waits rather than split them. */
  setPublishing: (on: boolean) => void;
  /**
   * Resolves once the ingest parses (the last run's outcome does not stand),
   * so the stages after it will have work: while the ingest runs, they may
   * read their kept files ahead (`start`). A replayed run never resolves it.
   */
  ingestParsing: Promise<void>;
  /** Called by the ingest stage when the ingest parses. */
  markIngestParsing: () => void;
}

export type Figures = Pick<StageStats, 'files' | 'bytes' | 'pages'> & Partial<Pick<StageStats, 'inputBytes' | 'notes'>>;

export interface StageOutcome {
  ok: boolean;
  figures: Figures;
  /** Report lines, printed under the stage's header. */
  lines: string[];
  /** Problems, printed on stderr. */
  problems: string[];
  /** Why the build stopped, when `ok` is false: the end of "Build stopped: …". */
  stopped?: string;
  /** The stage found nothing left to do: the stages after it are skipped. */
  done?: boolean;
}

export interface Stage {
  name: string;
  /** The stage's header in the build's output. */
  title: string;
  /** Whether the stage runs for these options. */
  runs?: (options: CliOptions) => boolean;
  /**
   * `true` when the stage runs in the background, beside the stages after it,
   * given what the stages before it gave (by name); else why it runs in
   * order (printed under its header). The build waits for it before the
   * first stage that names it in `after`. If another stage fails, a child
   * process it runs is stopped; work in this process (the downloads' few
   * seconds) runs to its end before the staging folder is removed.
   */
  background?: (ctx: BuildContext, before: ReadonlyMap<string, StageOutcome>) => true | string;
  /**
   * Work started as the build starts, beside the stages before this one,
   * which its `run` takes over (the site stage's Astro loads while the
   * ingest runs). Returns how to call it off, for a build that ends before
   * this stage runs.
   */
  start?: (ctx: BuildContext) => () => Promise<void>;
  /** The background stages this one must wait for. */
  after?: readonly string[];
  run: (ctx: BuildContext) => Promise<StageOutcome>;
}

/**
 * Files, HTML pages and bytes under `dir`, walked in the walking thread (see
 * `tree-tally-fs.ts` for `skip` and `exclude`). A file gone by the time it is
 * measured (another stage's temporary file) is not counted.
 */
export async function countFiles(dir: string, options: Omit<TallyOptions, 'digest'> = {}): Promise<Figures> {
  return (await tallyTree(dir, options)).tally;
}

/**
 * A stage's `start` that reads what the stage kept, with `read`, once the
 * ingest parses: on the build's own thread, idle while the ingest runs, and
 * only in a build whose later stages will run. Nothing to call off.
 */
export function readAheadWhileIngestParses(read: (ctx: BuildContext) => void): NonNullable<Stage['start']> {
  return (ctx) => {
    void ctx.ingestParsing.then(() => read(ctx));
    return async () => {};
  };
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A stage that failed: nothing more to report than why. */
export function stop(stopped: string, problems: string[] = []): StageOutcome {
  return { ok: false, figures: { files: 0, bytes: 0, pages: 0 }, lines: [], problems, stopped };
}

/** The folders the search stage writes, and no other stage: final once it ends. */
export const SEARCH_FOLDERS: readonly string[] = ['pagefind', VOCABULARY_DIR];

/**
 * A site's listing for its stamp: the search stage's folders apart from the
 * rest, so that the new site's listing before its publish takes theirs from
 * the search stage, which lists them as it ends (`listSearchFolder`), and
 * walks only the rest. A published site is listed the same way, in one go.
 */
export function listSite(
  out: string,
  signal?: AbortSignal,
  known?: ReadonlyMap<string, Promise<Listing>>,
): Promise<Listing> {
  return listOut(out, { apart: SEARCH_FOLDERS, ...(signal ? { signal } : {}), ...(known ? { known } : {}) });
}

/** What each build listed already: the search stage's folders, the content folder after the ingest. */
const listedEarlier = new WeakMap<object, { folders: Map<string, Promise<Listing>>; content?: Listing }>();

function earlier(ctx: BuildContext): { folders: Map<string, Promise<Listing>>; content?: Listing } {
  let listed = listedEarlier.get(ctx.build);
  if (!listed) {
    listed = { folders: new Map() };
    listedEarlier.set(ctx.build, listed);
  }
  return listed;
}

/** Lists one of the search stage's folders of the new site, once the stage wrote it, for its figures and the site's stamp. */
export function listSearchFolder(ctx: BuildContext, name: string): Promise<Listing> {
  const listed = listFolder(join(ctx.staging, name));
  // A build that stops before it is read (its staging folder gone) never reads it.
  listed.catch(() => undefined);
  earlier(ctx).folders.set(name, listed);
  return listed;
}

/** The content folder as the ingest listed it after its last write (nothing writes there after the ingest), if it did. */
export function keepContentListing(ctx: BuildContext, content: Listing | undefined): void {
  const listed = earlier(ctx);
  if (content) listed.content = content;
  else delete listed.content;
}

/** What the published site was built from: equal stamps and an unchanged content folder, nothing to rebuild. */
export function siteStamp(
  ctx: BuildContext,
  listed?: Promise<Listing>,
  contentListed?: Listing,
): ReturnType<typeof buildStamp> {
  const { options } = ctx;
  return buildStamp(
    options.content,
    options.out,
    {
      site: options.site,
      mediaBase: options.mediaBase,
      cache: ctx.cache,
      part: options.part ? `${options.part.index + 1}/${options.part.count}` : undefined,
      shardPages: String(options.shardPages),
    },
    listed ?? listSite(options.out),
    contentListed,
  );
}

/** Each build's new site's stamp, once asked for (see {@link finalStamp}). */
const finalStamps = new WeakMap<object, ReturnType<typeof buildStamp>>();

/**
 * The stamp the new site will have once published, with its figures: its
 * staging folder marked as a built site, then listed in the walking thread.
 * The check stage asks first, as it starts (every file is in place by then),
 * so the walk of the site runs beside the check instead of after the
 * publish's rename; the rename moves the folder and leaves each file's path
 * under it, size and time as listed. The walk leaves out what this build
 * listed already: the search stage's folders and the content folder. Made
 * once per build.
 */
export function finalStamp(ctx: BuildContext): ReturnType<typeof buildStamp> {
  let stamp = finalStamps.get(ctx.build);
  if (!stamp) {
    const { folders, content } = earlier(ctx);
    stamp = markSite(ctx.staging).then(() => siteStamp(ctx, listSite(ctx.staging, undefined, folders), content));
    // A build stopped before the publish never reads it.
    stamp.catch(() => undefined);
    finalStamps.set(ctx.build, stamp);
  }
  return stamp;
}
