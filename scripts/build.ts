/**
 * `npm run build -- [--seeds DIR] [--out DIR] [--content DIR] [--site URL] [--media-base URL] [--strict]`
 *
 * The lock, the signal handling and the loop over the stages
 * (`stages/run-stages.ts`), one module each in `scripts/stages/`, in the
 * order of `stages/order.ts`. The first stage that fails stops the build;
 * the published site is then unchanged, and so is the permalink record.
 *
 * Ctrl-C or SIGTERM stops the running stage, removes the staging folder and
 * the lock; the published site stays as it was. A build killed outright
 * (SIGKILL, power loss) leaves its lock and staging folder behind: the next
 * build sees that their process is gone, takes over and cleans up.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { NO_SITE_WARNING, siteForBuild } from './lib/archive-config-fs.ts';
import { type CliOptions, cacheDir, parseCli, ROOT, seconds } from './lib/cli.ts';
import { useCompileCache } from './lib/compile-cache-fs.ts';
import { acquireLock, lockPath } from './lib/lock-fs.ts';
import { HEAP_GROWTH_FLAG } from './lib/memory-plan.ts';
import { checkOutput } from './lib/output-folder-fs.ts';
import { BEHIND_ASTRO, BEHIND_INGEST, lowerPriority } from './lib/priority-fs.ts';
import { recoverKilledBuilds, removeStaging, removeStagingNow, stagingFor } from './lib/recover-fs.ts';
import { stageClock } from './lib/stage-clock-fs.ts';
import type { BuildContext } from './stages/context.ts';

// First, so that the stages' modules are compiled once and kept between builds (lib/compile-cache-fs.ts).
useCompileCache();
const [{ STAGES }, { runStages }] = await Promise.all([import('./stages/order.ts'), import('./stages/run-stages.ts')]);
const USAGE = `Usage: npm run build -- [options]

  --seeds DIR     folder of transcripts to read (default: seeds)
  --out DIR       folder to publish the site to (default: dist); the build
                  replaces it whole, keeping CNAME, .nojekyll and .git
  --content DIR   folder for the generated MDX collections and the permalink
                  record (default: content for seeds/, else content/archives/NAME)
  --site URL      the address the site will be served from (for absolute links)
  --media-base URL  where recordings named by a relative media: are served
                  (https://…/ or /path/ on this site; see /docs/configuration/)
  --strict        fail on any warning or error in the input
  --lenient       build even when speakers.yaml or topics.yaml does not parse
  --force         publish into a folder that holds files this tool did not make
  --new-archive   start a new permalink record: only for an archive never published
  --no-check      skip the check of every internal link and anchor of the new
                  site (by default a broken one stops the build before publishing)
  --report        list every input file with its format, turns and problems
  --verbose       show the output of Astro
  --part K/N      build part K of N of the archive, to combine later (see /docs/scaling/)
  --shard-pages N about how many pages each search index shard holds (default: 1250)
  --memory GB     the memory the build may use at once (default: half the machine's)
  --stats FILE    write each stage's wall time, CPU time and output as JSON
  -h, --help      show this help`;

/** What a signal must stop or undo: the running children, and the undo steps of the stages so far. */
const running: {
  children: Set<ChildProcess>;
  /** The staging folder, once the build has one. */
  staging?: string;
  undo: (() => Promise<void>)[];
  publishing: boolean;
  /** A signal came: the handler ends the process, not the stage that failed because of it. */
  interrupted: boolean;
} = { children: new Set(), interrupted: false, undo: [], publishing: false };

async function undoAll(): Promise<void> {
  for (const undo of running.undo.splice(0).reverse()) await undo().catch(() => undefined);
}

async function build(options: CliOptions): Promise<boolean> {
  const totalStart = performance.now();
  const lock = await acquireLock(lockPath(options.out));
  if ('holder' in lock) {
    console.error(
      `${options.out}: error another build (process ${lock.holder}) is writing to this folder (lock file ${lockPath(options.out)})\n  ↳ Wait for it to finish; if no build is running, delete the lock file.`,
    );
    return false;
  }
  running.undo.push(lock.release);
  if (lock.stale !== undefined)
    console.log(
      `Took over the lock of build process ${lock.stale}, which stopped without releasing it (killed or crashed)`,
    );
  for (const note of await recoverKilledBuilds(options.out)) console.log(`  ↳ ${note}`);
  const staging = stagingFor(options.out, ROOT);
  running.staging = staging;
  running.undo.push(() => removeStaging(staging));
  const clock = stageClock();
  const parsing = Promise.withResolvers<void>();
  const ctx: Omit<BuildContext, 'build'> = {
    options,
    staging,
    cache: cacheDir(),
    log: (line) => console.log(line),
    track: (child) => {
      if (!child || child.exitCode !== null) return;
      running.children.add(child);
      child.once('close', () => running.children.delete(child));
    },
    putFirst: (first) => {
      lowerPriority(BEHIND_INGEST);
      for (const child of running.children)
        if (child !== first && child.pid !== undefined) lowerPriority(BEHIND_INGEST, child.pid);
    },
    onStop: (undo) => running.undo.push(undo),
    setPublishing: (on) => {
      running.publishing = on;
    },
    ingestParsing: parsing.promise,
    markIngestParsing: () => parsing.resolve(),
  };
  try {
    if (
      !(await runStages(STAGES, ctx, clock, {
        interrupted: () => running.interrupted,
        besideBackground: () => lowerPriority(BEHIND_ASTRO),
      }))
    )
      return false;
    // Published: nothing to undo but the staging folder and the lock.
    running.undo = running.undo.filter((u) => u === lock.release);
    const stages = clock.stages.filter((s) => s.name !== 'check' && s.name !== 'publish');
    console.log(
      `Built in ${seconds(performance.now() - totalStart)} (${stages.map((s) => `${s.name} ${seconds(s.wallMs)}`).join(', ')})`,
    );
    return true;
  } finally {
    await removeStaging(staging);
    await undoAll();
    if (options.stats) await writeFile(options.stats, `${JSON.stringify({ stages: clock.stages }, null, 2)}\n`);
  }
}

/** Ctrl-C or SIGTERM: stop the stage's child, undo what the stages did, exit. */
function interrupt(signal: NodeJS.Signals): void {
  if (running.publishing) {
    // The two renames of the publish stage are not split: the signal is taken once they are done.
    const wait = setInterval(() => {
      if (running.publishing) return;
      clearInterval(wait);
      interrupt(signal);
    }, 50);
    return;
  }
  running.interrupted = true;
  const children = [...running.children];
  void (async () => {
    for (const child of children) child.kill('SIGTERM');
    const closed = Promise.all(children.map((child) => once(child, 'close')));
    await Promise.race([closed, new Promise((done) => setTimeout(done, 5_000))]);
    await undoAll();
    if (running.staging) removeStagingNow(running.staging);
    console.error(`Build interrupted (${signal}): nothing was published, the site in the output folder is unchanged.`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  })();
}
// This process's heap (the data and search stages') is collected once it grows by half (memory-plan.ts).
setFlagsFromString(HEAP_GROWTH_FLAG);
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);
// A reader that goes away (`npm run build | head`) must not stop a build half-way: its output is dropped.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

const parsed = parseCli(process.argv.slice(2));
if ('error' in parsed) {
  console.error(`error: ${parsed.error}\n\n${USAGE}`);
  process.exit(1);
}
if (parsed.help) {
  console.log(USAGE);
  process.exit(0);
}
const output = checkOutput(parsed, ROOT);
if ('error' in output) {
  console.error(output.error);
  process.exit(1);
}
if (output.note) console.log(output.note);
// The site's address and the recordings' base: the flags, else archive.config.yaml.
const site = siteForBuild(ROOT, parsed.site, parsed.mediaBase);
if ('error' in site) {
  console.error(site.error);
  process.exit(1);
}
try {
  const ok = await build({ ...parsed, ...site, out: output.out });
  if (ok && !site.site) console.log(NO_SITE_WARNING);
  if (!running.interrupted) process.exit(ok ? 0 : 1);
} catch (e) {
  // A stage's child stopped by the signal: the signal's handler undoes, reports and exits.
  if (running.interrupted) await new Promise(() => {});
  // Not a user's mistake: a fault of the build or the machine. One line, the stack with --verbose.
  const err = e as NodeJS.ErrnoException;
  console.error(`error: the build failed: ${err.path ? `${err.path}: ` : ''}${err.message}`);
  if (parsed.verbose && err.stack) console.error(err.stack);
  else console.error('  ↳ Run again with --verbose for the details, and report it if it persists.');
  await undoAll();
  process.exit(1);
}
