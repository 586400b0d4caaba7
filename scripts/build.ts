/**
 * `npm run build -- [--seeds DIR] [--out DIR] [--content DIR] [--site URL] [--strict]`
 *
 * The whole pipeline, stage by stage:
 *   1. ingest   seeds → MDX collections in the content folder
 *   2. site     `astro build` in a child process, into a staging folder
 *   3. search   Pagefind indexes the staging folder, after Astro has exited
 *               (so the two memory peaks never stack)
 *   4. publish  the staging folder replaces the output folder in one rename,
 *               so an interrupted build never leaves a half-written site
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { plural } from './core/text.ts';
import { runIngestInWorker } from './ingest/ingest-worker.ts';
import { buildStamp, readStamp, writeStamp } from './lib/build-stamp-fs.ts';
import { type CliOptions, cacheDir, parseCli, ROOT, seconds } from './lib/cli.ts';
import { stageClock } from './lib/stage-clock-fs.ts';
import { buildSearchIndex } from './search/build-search-index-fs.ts';

const USAGE = `Usage: npm run build -- [options]

  --seeds DIR     folder of transcripts to read (default: seeds)
  --out DIR       folder to write the site to (default: dist)
  --content DIR   folder for the generated MDX collections (default: content)
  --site URL      the address the site will be served from (for absolute links)
  --strict        fail on any warning or error in the input
  --report        list every input file with its format, turns and problems
  --verbose       show the output of Astro and Pagefind
  --part K/N      build part K of N of the archive, to combine later (see docs/scaling.md)
  --shard-pages N about how many pages each search index shard holds (default: 2500)
  --stats FILE    write each stage's wall time, CPU time and output as JSON
  -h, --help      show this help`;

const ASTRO_BIN = join(ROOT, 'node_modules/astro/bin/astro.mjs');

interface StageResult {
  ok: boolean;
  output: string;
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
    bytes += (await stat(join(e.parentPath, e.name))).size;
  }
  return { pages, files, bytes };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One build at a time per output folder: a second one is refused, not interleaved. */
async function acquireLock(out: string): Promise<(() => Promise<void>) | undefined> {
  const lock = `${out}.build-lock`;
  await mkdir(dirname(lock), { recursive: true });
  try {
    const handle = await open(lock, 'wx');
    await handle.write(String(process.pid));
    await handle.close();
    return () => rm(lock, { force: true });
  } catch {
    return undefined;
  }
}

async function build(options: CliOptions): Promise<boolean> {
  const totalStart = performance.now();
  const release = await acquireLock(options.out);
  if (!release) {
    console.error(
      `error: another build is writing to ${options.out} (lock file ${options.out}.build-lock)\n  ↳ Wait for it to finish; if no build is running, delete the lock file.`,
    );
    return false;
  }
  const staging = `${options.out}.tmp-${process.pid}`;
  const clock = stageClock();
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
    clock.start('site');
    const env = {
      ...process.env,
      ARCHIVE_CONTENT_DIR: options.content,
      ARCHIVE_OUT_DIR: staging,
      ASTRO_TELEMETRY_DISABLED: '1',
      ...(options.site ? { ARCHIVE_SITE: options.site } : {}),
      ...(options.part ? { ARCHIVE_PART: `${options.part.index + 1}/${options.part.count}` } : {}),
    };
    const site = await runNode(ASTRO_BIN, ['build'], env, 'astro build', options.verbose);
    if (!site.ok) {
      console.error(site.output.trim());
      console.error('Build stopped: astro build failed (its output is above).');
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

    console.log('Publish');
    clock.start('publish');
    const old = `${options.out}.old-${process.pid}`;
    if (existsSync(options.out)) await rename(options.out, old);
    await rename(staging, options.out);
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
    await rm(staging, { recursive: true, force: true });
    await release();
    if (options.stats) await writeFile(options.stats, `${JSON.stringify({ stages: clock.stages }, null, 2)}\n`);
  }
}

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
