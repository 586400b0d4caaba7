/**
 * `npm run bench -- [--quick] [--corpus DIR | --site DIR] [--sizes 100,1000] [--no-search]`
 *
 * Builds corpora of 100, 1,000 and 10,000 transcripts (made from the real
 * tarballs in ../shared/corpora/, unpacked into a temporary folder), or any
 * folder given with --corpus, with the real pipeline; measures each stage
 * (wall, CPU, peak RSS of the whole process tree, output, pages per second),
 * rebuilds with no change, after adding one transcript and after editing one,
 * and search in headless Chromium: bytes and time per query, and quality on a
 * judged query set (mean reciprocal rank, Chinese recall) under the shipped
 * ranking and alternatives. After each cold build it builds the same
 * transcripts as a stock Starlight site with Pagefind (the peer, unless
 * --no-peer), so the two are compared side by side in one run. Writes
 * bench-results/<date>.json and prints a short table. A script, not a test:
 * it asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { withBenchTopics } from './bench/bench-topics.ts';
import { folderSize } from './bench/folder-size-fs.ts';
import { type BenchResult, formatTable, type Machine, type PageSize, type SizeResult } from './bench/format-table.ts';
import { JUDGED_FILES, JUDGED_QUERIES } from './bench/judged-queries.ts';
import { listTranscripts, makeCorpus, unpackCorpora } from './bench/make-corpus-fs.ts';
import { measureRanking } from './bench/measure-ranking-fs.ts';
import { measureSearch } from './bench/measure-search-fs.ts';
import { type BuildPaths, type BuildRun, changedFiles, runBuild, snapshot } from './bench/run-build-fs.ts';
import { buildStarlightPeer, type PeerRun } from './bench/starlight-peer-fs.ts';
import { varyTranscript } from './bench/vary-transcript.ts';
import { plural } from './core/text.ts';
import { ROOT, seconds } from './lib/cli.ts';

const USAGE = `Usage: npm run bench -- [options]

  --quick          only the small corpora (100 and 1,000 transcripts)
  --sizes LIST     corpus sizes to build, comma-separated (default 100,1000,10000)
  --corpus DIR     benchmark this folder of transcripts instead
  --site DIR       only measure search (and judged queries) on a site built before
  --no-search      skip the browser measurement of search
  --no-peer        skip the Starlight + Pagefind build of the same transcripts after each cold build
  --keep           keep the temporary folder, with each size's seeds, content and site, and the
                   Starlight peer's project in .cache/bench-starlight/ (their paths are printed)
  -h, --help       show this help`;

/** Queries a reader might type into the bench archive: common and rare words of both corpora. */
const QUERIES = ['lightning channel', 'javascript', 'taproot', 'open source maintainers', 'telecom fraud'];

function machine(): Machine {
  const node = execFileSync(process.execPath, ['--version'], { encoding: 'utf8' }).trim();
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: totalmem() / 1024 ** 3,
    node,
    platform: `${process.platform}-${process.arch}`,
  };
}

function commit(): string {
  // A copy of the project outside git (to benchmark one commit while editing the next) names it here.
  if (process.env['BENCH_COMMIT']) return process.env['BENCH_COMMIT'];
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    return dirty.trim() ? `${sha}+changes` : sha;
  } catch {
    return 'unknown';
  }
}

async function pageSizes(site: string): Promise<SizeResult['pages']> {
  const dir = join(site, 'transcripts');
  const sizes: PageSize[] = [];
  for (const slug of await readdir(dir)) {
    const file = join(dir, slug, 'index.html');
    const bytes = await stat(file).then(
      (s) => s.size,
      () => -1,
    );
    if (bytes >= 0) sizes.push({ slug, bytes, gzip: 0 });
  }
  const withGzip = async (p: PageSize | undefined): Promise<PageSize | undefined> =>
    p && { ...p, gzip: gzipSync(await readFile(join(dir, p.slug, 'index.html'))).length };
  const largest = sizes.reduce<PageSize | undefined>((m, p) => (!m || p.bytes > m.bytes ? p : m), undefined);
  const seed = sizes.find((p) => p.slug === '000-b208c8174473c045');
  const out: SizeResult['pages'] = {};
  const s = await withGzip(seed);
  const l = await withGzip(largest);
  if (s) out.seed = s;
  if (l) out.largest = l;
  return out;
}

async function timed(label: string, paths: BuildPaths): Promise<BuildRun> {
  console.log(`  ${label} …`);
  const run = await runBuild(paths);
  if (!run.ok) {
    console.error(run.output.trim().split('\n').slice(-30).join('\n'));
    throw new Error(`the ${label} build failed (its last lines are above)`);
  }
  const removed = run.removedMs >= 100 ? `; the replaced site removed ${seconds(run.removedMs)} after` : '';
  console.log(`    ${seconds(run.wallMs)}, peak ${(run.peakRss / 1024 ** 3).toFixed(2)} GB${removed}`);
  return run;
}

/** What to measure besides the builds of one corpus. */
interface Extras {
  search: boolean;
  judged: boolean;
  /** The Starlight peer's folder name under .cache/bench-starlight/, or undefined for none. */
  peer: string | undefined;
  keep: boolean;
}

/** Builds the Starlight peer on `seeds`; a failure is printed and kept in the figures. */
async function peerBuild(seeds: string, name: string, keep: boolean): Promise<PeerRun> {
  console.log('  Starlight + Pagefind, the same transcripts, cold …');
  const peer = await buildStarlightPeer(seeds, { name, keep });
  if (peer.failure) console.error(`  the Starlight build failed; its last lines:\n${peer.failure}`);
  else console.log(`    ${seconds(peer.wallMs)}, peak ${(peer.peakRss / 1024 ** 3).toFixed(2)} GB`);
  if (peer.kept) console.log(`    kept ${peer.kept}`);
  return peer;
}

/** Builds one corpus clean, the Starlight peer on the same files, then the three rebuilds, then search. */
async function benchCorpus(
  label: string,
  seeds: string,
  work: string,
  extras: Extras,
  editable: string | undefined,
): Promise<SizeResult> {
  const paths: BuildPaths = {
    seeds,
    content: join(work, 'content'),
    out: join(work, 'site'),
    cache: join(work, 'cache'),
  };
  const input = await folderSize(seeds);
  console.log(`Corpus ${label}: ${plural(input.files, 'file')}, ${(input.bytes / 1024 ** 2).toFixed(0)} MB`);
  const full = await timed('full build from clean', paths);
  const site = await folderSize(paths.out);
  // Before the add and edit rebuilds change the seeds: the peer builds exactly what the cold build did.
  const peer = extras.peer === undefined ? undefined : await peerBuild(seeds, extras.peer, extras.keep);
  const before = await snapshot(paths.out);
  const noChange = await timed('rebuild, nothing changed', paths);
  const rewrittenFiles = changedFiles(before, await snapshot(paths.out));
  console.log(`    ${plural(rewrittenFiles, 'output file')} rewritten`);

  const pool = await listTranscripts(seeds);
  const source = editable ?? pool.find((f) => f.endsWith('.md')) ?? pool[0];
  if (!source) throw new Error(`${seeds}: no transcript to add or edit`);
  const text = await readFile(join(seeds, source), 'utf8');
  await writeFile(join(seeds, 'bench-added-transcript.md'), varyTranscript(text, 97));
  const addOne = await timed('rebuild after adding one transcript', paths);
  await writeFile(join(seeds, source), text.replace(/\bthe\b/, 'the very'));
  const editOne = await timed('rebuild after editing one transcript', paths);

  let searchFigures: SizeResult['search'];
  let ranking: SizeResult['ranking'];
  if (extras.search) {
    console.log('  search in Chromium …');
    searchFigures = await measureSearch(paths.out, QUERIES);
    if (extras.judged) {
      console.log('  judged queries in Chromium …');
      // A failure here (a browser wait timing out on a very large site) must not lose the build figures.
      ranking = await measureRanking(paths.out, JUDGED_QUERIES).catch((e: unknown) => {
        console.error(`  judged queries failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
        return undefined;
      });
    }
  }
  return {
    corpus: label,
    transcripts: full.stages.find((s) => s.name === 'ingest')?.pages ?? 0,
    inputMB: input.bytes / 1024 ** 2,
    full,
    site,
    ...(peer ? { peer } : {}),
    noChange: { ...noChange, rewrittenFiles },
    addOne,
    editOne,
    ...(searchFigures ? { search: searchFigures } : {}),
    ...(ranking ? { ranking } : {}),
    pages: await pageSizes(paths.out),
  };
}

function extrasOf(values: { 'no-search': boolean; keep: boolean }): Pick<Extras, 'search' | 'keep'> {
  return { search: !values['no-search'], keep: values.keep };
}

/** The corpus order for the benchmark: the files the judged queries need and every Chinese file first. */
function judgedFirst(files: readonly string[]): string[] {
  const first = new Set([...JUDGED_FILES, ...files.filter((f) => /\.zh\.[a-z]+$/.test(f))]);
  return [...files.filter((f) => first.has(f)), ...files.filter((f) => !first.has(f))];
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      corpus: { type: 'string' },
      site: { type: 'string' },
      'no-search': { type: 'boolean', default: false },
      'no-peer': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const sizes = (values.sizes ?? (values.quick ? '100,1000' : '100,1000,10000')).split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 2)) {
    console.error(`error: --sizes: \`${values.sizes}\` is not a list of sizes such as 100,1000\n\n${USAGE}`);
    return 1;
  }
  if (values.site) {
    const site = resolve(values.site);
    console.log(`Search on ${site}`);
    const search = await measureSearch(site, QUERIES);
    console.log('  judged queries in Chromium …');
    const ranking = await measureRanking(site, JUDGED_QUERIES);
    return report({
      date: new Date().toISOString(),
      machine: machine(),
      commit: commit(),
      sizes: [],
      site: { site, search, ranking },
    });
  }
  const started = new Date().toISOString();
  const tmp = mkdtempSync(join(tmpdir(), 'archive-bench-'));
  const results: SizeResult[] = [];
  try {
    if (values.corpus) {
      // A copy, so the add and edit rebuilds never touch the user's folder.
      const seeds = join(tmp, 'seeds');
      await cp(resolve(values.corpus), seeds, { recursive: true });
      const extras = { ...extrasOf(values), judged: false, peer: values['no-peer'] ? undefined : 'corpus' };
      results.push(await benchCorpus(resolve(values.corpus), seeds, tmp, extras, undefined));
    } else {
      console.log('Unpacking the corpora');
      const pool = join(tmp, 'pool');
      await unpackCorpora(pool);
      const files = judgedFirst(await listTranscripts(pool));
      // The file the "edit one" rebuild changes: not one the judged queries read.
      const editable = files.find((f) => !JUDGED_FILES.includes(f) && !/\.zh\./.test(f));
      console.log(`  ${plural(files.length, 'real transcript')}`);
      for (const n of sizes) {
        const work = join(tmp, String(n));
        const seeds = join(work, 'seeds');
        await makeCorpus(pool, files, seeds, n);
        const topics = await readFile(join(seeds, 'topics.yaml'), 'utf8');
        await writeFile(join(seeds, 'topics.yaml'), withBenchTopics(topics));
        const extras = { ...extrasOf(values), judged: true, peer: values['no-peer'] ? undefined : String(n) };
        results.push(await benchCorpus(`${n} transcripts`, seeds, work, extras, editable));
        if (!values.keep) await rm(work, { recursive: true, force: true });
        // Each size's figures are saved as soon as they exist: a later size that fails loses only its own.
        await save({ date: started, machine: machine(), commit: commit(), sizes: results });
      }
    }
  } finally {
    if (values.keep) console.log(`Kept ${tmp}`);
    else await rm(tmp, { recursive: true, force: true });
  }
  return report({ date: started, machine: machine(), commit: commit(), sizes: results });
}

async function save(result: BenchResult): Promise<string> {
  await mkdir(join(ROOT, 'bench-results'), { recursive: true });
  const file = join(ROOT, 'bench-results', `${result.date.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

async function report(result: BenchResult): Promise<number> {
  const file = await save(result);
  console.log('');
  for (const line of formatTable(result)) console.log(line);
  console.log(`\nFigures written to ${file}`);
  return 0;
}

process.exit(await main());
