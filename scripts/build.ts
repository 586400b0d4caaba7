/**
 * `npm run build -- [--seeds DIR] [--out DIR] [--content DIR] [--site URL] [--strict]`
 *
 * The whole pipeline, stage by stage:
 *   1. ingest   seeds → MDX collections in the content folder
 *   2. site     `astro build` in a child process, into a staging folder; then
 *               the whole-archive downloads are joined from the twins it built
 *   3. search   Pagefind indexes the staging folder, after Astro has exited
 *               (so the two memory peaks never stack)
 *   4. publish  the staging folder replaces the output folder in one rename,
 *               so an interrupted build never leaves a half-written site
 *
 * Before step 4 the new site's links and anchors are checked (about 1 s per
 * 2,000 pages; `--no-check` skips it): a broken one stops the build, so a
 * broken site never replaces a good one.
 * Ctrl-C or SIGTERM stops the running stage, removes the staging folder and
 * the lock; the published site stays as it was. A build killed outright
 * (SIGKILL, power loss) leaves its lock and staging folder behind: the next
 * build sees that their process is gone, takes over and cleans up.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, statSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { checkSite } from './check-site.ts';
import { formatLinkReport } from './core/check-links.ts';
import { plural } from './core/text.ts';
import { runIngestInWorker } from './ingest/ingest-worker.ts';
import { buildStamp, readStamp, writeStamp } from './lib/build-stamp-fs.ts';
import { writeBulkDownloads } from './lib/bulk-downloads-fs.ts';
import { lostUrls } from './lib/check-published-fs.ts';
import { type CliOptions, cacheDir, parseCli, ROOT, seconds } from './lib/cli.ts';
import { isRunning } from './lib/pid.ts';
import { stageClock } from './lib/stage-clock-fs.ts';
import { buildSearchIndex } from './search/build-search-index-fs.ts';

const USAGE = `Usage: npm run build -- [options]

  --seeds DIR     folder of transcripts to read (default: seeds)
  --out DIR       folder to write the site to (default: dist)
  --content DIR   folder for the generated MDX collections (default: content)
  --site URL      the address the site will be served from (for absolute links)
  --strict        fail on any warning or error in the input
  --no-check      skip the check of every internal link and anchor of the new
                  site (by default a broken one stops the build before publishing)
  --report        list every input file with its format, turns and problems
  --verbose       show the output of Astro and Pagefind
  --part K/N      build part K of N of the archive, to combine later (see /docs/scaling/)
  --shard-pages N about how many pages each search index shard holds (default: 5000)
  --stats FILE    write each stage's wall time, CPU time and output as JSON
  -h, --help      show this help`;

const ASTRO_BIN = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** The child process of the running stage, stopped with the build on Ctrl-C. */
let currentChild: ChildProcess | undefined;
/** What an interrupted build must undo, once it holds the lock. */
let interruption: { staging: string; release: () => Promise<void> } | undefined;
/** Frees the project's Astro stage for the next build, while this build holds it. */
let releaseAstroStage: (() => Promise<void>) | undefined;
/** The publish stage is two renames: a signal waits for them rather than split them. */
let publishing = false;

interface StageResult {
  ok: boolean;
  output: string;
}

/** The Astro stage's heap limit in MB: half the machine's memory, never under V8's usual 4 GB. */
function astroHeapMB(): number {
  return Math.max(4096, Math.floor(totalmem() / 2 / 1024 / 1024));
}

/** Runs a Node script as a child process, with a heartbeat line when it runs long. */
function runNode(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  label: string,
  verbose: boolean,
): Promise<StageResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    currentChild = child;
    let output = '';
    const collect = (chunk: Buffer): void => {
      const text = chunk.toString();
      output += text;
      if (verbose) process.stdout.write(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const started = performance.now();
    const heartbeat = setInterval(() => {
      console.log(`  … ${label} still running (${seconds(performance.now() - started)})`);
    }, 15_000);
    child.on('close', (code) => {
      currentChild = undefined;
      clearInterval(heartbeat);
      resolve({ ok: code === 0, output });
    });
  });
}

async function countFiles(
  dir: string,
  only?: (path: string) => boolean,
): Promise<{ pages: number; files: number; bytes: number }> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  let pages = 0;
  let files = 0;
  let bytes = 0;
  for (const e of entries) {
    if (!e.isFile()) continue;
    if (only && !only(join(e.parentPath, e.name))) continue;
    files++;
    if (e.name.endsWith('.html')) pages++;
    bytes += statSync(join(e.parentPath, e.name)).size;
  }
  return { pages, files, bytes };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Astro writes generated modules into the project's `.astro/` folder whatever
 * the output folder, so two builds in one checkout must not run their Astro
 * stages at once, even into different folders: the second waits for the first.
 */
const ASTRO_STAGE_LOCK = join(ROOT, '.astro', 'build-stage.lock');

/** Waits for the project's Astro stage to be free, then holds it. */
async function acquireAstroStage(): Promise<{ release: () => Promise<void> }> {
  let said = false;
  for (;;) {
    const lock = await acquireLock(ASTRO_STAGE_LOCK);
    if (!('holder' in lock)) return lock;
    if (!said)
      console.log(`  … waiting for build process ${lock.holder} to finish its Astro stage (one at a time per project)`);
    said = true;
    await new Promise((done) => setTimeout(done, 500));
  }
}

/**
 * Astro's content cache, one per content folder: entries are cached by the
 * digest of their text, so a cache shared by two content folders serves one
 * folder's entries with the other's file paths.
 */
function cacheDirFor(content: string): string {
  const key = createHash('sha256').update(content).digest('hex').slice(0, 12);
  return join(ROOT, 'node_modules', '.astro', `content-${key}`);
}

/** The lock file that keeps a second build out of an output folder. */
function lockPath(out: string): string {
  return `${out}.build-lock`;
}

type Lock = { release: () => Promise<void>; stale?: number } | { holder: number };

/**
 * One build at a time per output folder: a second one is refused, not
 * interleaved. The lock file holds the builder's process id, written before
 * the file appears (a hard link of a finished file), so a lock is never seen
 * empty. A lock whose process is gone was left by a killed build: it is taken
 * over, and the caller says so.
 */
async function acquireLock(lock: string): Promise<Lock> {
  await mkdir(dirname(lock), { recursive: true });
  let stale: number | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const mine = `${lock}.${process.pid}`;
    await writeFile(mine, String(process.pid));
    try {
      await link(mine, lock);
      return { release: () => rm(lock, { force: true }), ...(stale === undefined ? {} : { stale }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      await rm(mine, { force: true });
    }
    const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
    if (isRunning(holder)) return { holder };
    // Move the stale lock aside under a name of our own; if another build took it over
    // in between, what we moved is that build's live lock: put it back and give way.
    const aside = `${lock}.stale-${process.pid}`;
    const movedAside = await rename(lock, aside).then(
      () => true,
      () => false,
    );
    if (!movedAside) continue;
    const moved = Number((await readFile(aside, 'utf8').catch(() => '')).trim());
    if (moved !== holder && isRunning(moved)) {
      await link(aside, lock).catch(() => undefined);
      await rm(aside, { force: true });
      return { holder: moved };
    }
    await rm(aside, { force: true });
    stale = holder;
  }
  return { holder: Number((await readFile(lock, 'utf8').catch(() => '')).trim()) };
}

/**
 * What a killed build leaves beside the output folder: its staging folder and,
 * if it died between the two renames of the publish stage, the previous site
 * moved aside. Runs under the lock, so no live build owns these. The previous
 * site is put back when the output folder is missing.
 */
async function recoverKilledBuilds(out: string): Promise<string[]> {
  const notes: string[] = [];
  const parent = dirname(out);
  const name = basename(out);
  const leftovers = (await readdir(parent)).filter((f) => {
    // `out.tmp-PID` (staging), `out.tmp-PID.shard-PID-K[.out]` (a search shard's tree and index), `out.old-PID`.
    const m = /^(.*)\.(tmp|old)-(\d+)(?:\.shard-\d+(?:-\d+)?(?:\.out)?)?$/.exec(f);
    return m?.[1] === name && Number(m[3]) !== process.pid && !isRunning(Number(m[3]));
  });
  for (const f of leftovers.filter((l) => l.includes('.old-'))) {
    if (existsSync(out)) continue;
    await rename(join(parent, f), out);
    notes.push(`restored the published site from ${f}, left by a build killed while publishing`);
  }
  for (const f of leftovers) {
    if (!existsSync(join(parent, f))) continue;
    await rm(join(parent, f), { recursive: true, force: true });
    notes.push(`removed ${f}, left by a killed build`);
  }
  return notes;
}

async function build(options: CliOptions): Promise<boolean> {
  const totalStart = performance.now();
  const lock = await acquireLock(lockPath(options.out));
  if ('holder' in lock) {
    console.error(
      `error: another build (process ${lock.holder}) is writing to ${options.out} (lock file ${lockPath(options.out)})\n  ↳ Wait for it to finish; if no build is running, delete the lock file.`,
    );
    return false;
  }
  const { release } = lock;
  if (lock.stale !== undefined) {
    console.log(
      `Took over the lock of build process ${lock.stale}, which stopped without releasing it (killed or crashed)`,
    );
  }
  for (const note of await recoverKilledBuilds(options.out)) console.log(`  ↳ ${note}`);
  const staging = `${options.out}.tmp-${process.pid}`;
  const clock = stageClock();
  interruption = { staging, release };
  try {
    console.log('Ingest');
    clock.start('ingest');
    const ingest = await runIngestInWorker({
      seeds: options.seeds,
      content: options.content,
      strict: options.strict,
      report: options.report,
    });
    for (const line of ingest.lines) console.log(`  ${line}`);
    for (const p of ingest.problems) console.error(p);
    if (!ingest.ok) {
      console.error('Build stopped: the input has problems and --strict is set.');
      return false;
    }
    const content = await countFiles(options.content);
    const ingested = clock.end({ ...content, pages: ingest.transcripts, inputBytes: ingest.inputBytes });
    console.log(`  ✓ ${seconds(ingested.wallMs)}`);

    const cache = cacheDir();
    const part = options.part ? `${options.part.index + 1}/${options.part.count}` : undefined;
    const stampOf = () =>
      buildStamp(options.content, options.out, {
        site: options.site,
        cache,
        part,
        shardPages: String(options.shardPages),
      });
    if (
      ingest.written === 0 &&
      existsSync(options.out) &&
      (await stampOf()) === (await readStamp(cache, options.out))
    ) {
      for (const name of ['site', 'search', 'publish']) {
        clock.start(name);
        clock.end({ files: 0, bytes: 0, pages: 0, notes: { skipped: true } });
      }
      console.log('Site, search index, publish');
      console.log(
        `  ✓ up to date: nothing changed since the last build, ${relative(process.cwd(), options.out) || '.'} left as it is`,
      );
      console.log(
        `Built in ${seconds(performance.now() - totalStart)} (ingest ${seconds(ingested.wallMs)}, nothing else to do)`,
      );
      return true;
    }

    console.log('Site (Astro)');
    const stage = await acquireAstroStage();
    releaseAstroStage = stage.release;
    clock.start('site');
    const env = {
      ...process.env,
      ARCHIVE_CACHE_DIR: process.env['ARCHIVE_CACHE_DIR'] ?? cacheDirFor(options.content),
      ARCHIVE_CONTENT_DIR: options.content,
      ARCHIVE_OUT_DIR: staging,
      ASTRO_TELEMETRY_DISABLED: '1',
      ...(options.site ? { ARCHIVE_SITE: options.site } : {}),
      ...(options.part ? { ARCHIVE_PART: `${options.part.index + 1}/${options.part.count}` } : {}),
      // Astro holds every transcript record in its data store: past some 8,000 transcripts that
      // outgrows V8's default 4 GB heap. Half the machine's memory (at least 4 GB) is its limit instead.
      NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --max-old-space-size=${astroHeapMB()}`.trim(),
    };
    const site = await runNode(ASTRO_BIN, ['build'], env, 'astro build', options.verbose);
    releaseAstroStage = undefined;
    await stage.release();
    if (!site.ok) {
      console.error(site.output.trim());
      console.error('Build stopped: astro build failed (its output is above).');
      return false;
    }
    // One part of N has its own twins only: the parts are combined with the downloads of every transcript.
    if (!options.part) await writeBulkDownloads(staging, { previous: options.out, cacheDir: cache });
    // Page scans of the site check, kept between builds: the lost-address check reads them too.
    const scans = join(cache, 'site-check');
    const lost = await lostUrls(options.content, staging, options.part, scans);
    if (lost.length > 0) {
      for (const url of lost.slice(0, 50))
        console.error(`${url}: error [lost-url] a published address would stop resolving`);
      console.error(
        `Build stopped: ${plural(lost.length, 'published address', 'published addresses')} would break.\n  ↳ Restore the transcript, or retire or move it on purpose in ${options.content}/permalinks.json (see README, "URLs that never break").`,
      );
      return false;
    }
    const built = clock.end(await countFiles(staging));
    console.log(
      `  ✓ ${plural(built.pages, 'page')}, ${plural(built.files, 'file')}, ${megabytes(built.bytes)} in ${seconds(built.wallMs)}`,
    );

    console.log('Search index (Pagefind)');
    clock.start('search');
    const search = await buildSearchIndex({
      site: staging,
      previous: options.out,
      perShard: options.shardPages,
      ...(options.part ? { part: options.part } : {}),
      cacheDir: join(cache, 'search-records'),
      verbose: options.verbose,
      progress: (line) => console.log(`  ${line}`),
    });
    if (!search.ok) {
      console.error(search.output.trim());
      console.error('Build stopped: Pagefind failed (its output is above).');
      return false;
    }
    const index = await countFiles(join(staging, 'pagefind'));
    const searched = clock.end({
      ...index,
      pages: search.pages,
      notes: { shards: search.shards, reused: search.reused },
    });
    const reusedNote = search.reused > 0 ? `, ${plural(search.reused, 'shard')} reused` : '';
    console.log(
      `  ✓ ${plural(search.pages, 'page')} indexed in ${plural(search.shards, 'shard')}${reusedNote} in ${seconds(searched.wallMs)}`,
    );

    // One part of N links to pages of the other parts: its links are checked when the parts are combined.
    if (options.check && !options.part) {
      console.log('Site check');
      const checkStart = performance.now();
      const report = await checkSite(staging, scans);
      for (const line of formatLinkReport(report)) console.log(line);
      if (report.problems.length > 0) {
        console.error('Build stopped: the new site has broken links (listed above); the published site is unchanged.');
        return false;
      }
      console.log(`  ✓ ${seconds(performance.now() - checkStart)}`);
    }

    console.log('Publish');
    clock.start('publish');
    publishing = true;
    const old = `${options.out}.old-${process.pid}`;
    if (existsSync(options.out)) await rename(options.out, old);
    await rename(staging, options.out);
    publishing = false;
    await rm(old, { recursive: true, force: true });
    const total = await countFiles(options.out);
    await writeStamp(cache, options.out, await stampOf());
    clock.end(total);
    console.log(
      `  ✓ ${relative(process.cwd(), options.out) || '.'}: ${plural(total.files, 'file')}, ${megabytes(total.bytes)}`,
    );
    console.log(
      `Built in ${seconds(performance.now() - totalStart)} (${clock.stages
        .slice(0, 3)
        .map((s) => `${s.name} ${seconds(s.wallMs)}`)
        .join(', ')})`,
    );
    return true;
  } finally {
    interruption = undefined;
    await removeStaging(staging);
    await release();
    if (options.stats) await writeFile(options.stats, `${JSON.stringify({ stages: clock.stages }, null, 2)}\n`);
  }
}

/** The staging folder, and the trees the search stage builds its shards in beside it. */
async function removeStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
  const prefix = `${basename(staging)}.shard-${process.pid}-`;
  for (const name of await readdir(dirname(staging)).catch(() => [] as string[]))
    if (name.startsWith(prefix)) await rm(join(dirname(staging), name), { recursive: true, force: true });
}

/** Ctrl-C or SIGTERM: stop the stage's child, remove the staging folder and the lock, exit. */
function interrupt(signal: NodeJS.Signals): void {
  if (publishing) return;
  const undo = interruption;
  const child = currentChild;
  void (async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([once(child, 'close'), new Promise((done) => setTimeout(done, 5_000))]);
    }
    await releaseAstroStage?.();
    if (undo) {
      await removeStaging(undo.staging);
      await undo.release();
    }
    console.error(`Build interrupted (${signal}): nothing was published, the site in the output folder is unchanged.`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  })();
}
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);

const options = parseCli(process.argv.slice(2));
if ('error' in options) {
  console.error(`error: ${options.error}\n\n${USAGE}`);
  process.exit(1);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
process.exit((await build(options)) ? 0 : 1);
