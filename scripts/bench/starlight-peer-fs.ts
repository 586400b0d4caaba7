/**
 * The benchmark's peer: the same transcripts built by a stock Starlight site
 * (what a user would pick instead), so the two builds are timed side by side
 * on one machine in one run.
 *
 * Writes a Starlight project into `.cache/bench-starlight/<name>/` inside the
 * project (so it resolves the project's own `node_modules`), one `.md` docs
 * page per transcript (`starlight-page.ts`), runs `astro build` for it
 * (Starlight runs Pagefind itself) while sampling the RSS of the whole
 * process tree, and counts what it wrote. The folder is removed afterwards
 * unless `keep`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ROOT, seconds } from '../lib/cli.ts';
import { childrenCpuMs, sampleTree } from '../lib/proc-stats-fs.ts';
import { folderSize } from './folder-size-fs.ts';
import { listTranscripts } from './make-corpus-fs.ts';
import { pageName, starlightPage, starlightProject } from './starlight-page.ts';

/** What the peer build measured. */
export interface PeerRun {
  ok: boolean;
  /** e.g. `Starlight 0.42.4 + Pagefind 1.6.0`. */
  name: string;
  /** How the peer was set up, for the table and the JSON. */
  setup: string;
  transcripts: number;
  /** Bytes of the transcript files the pages were made from. */
  sourceBytes: number;
  /** Writing the project and its pages (not timed as part of the build). */
  prepareMs: number;
  /** `astro build`, Pagefind included. */
  wallMs: number;
  cpuMs: number;
  peakRss: number;
  /** HTML pages in the output (one per transcript, plus Starlight's 404). */
  pages: number;
  files: number;
  bytes: number;
  /** Of which Pagefind's index (`/pagefind/`). */
  searchBytes: number;
  /** The project folder, when kept. */
  kept?: string;
  /** The build's last lines, when it failed. */
  failure?: string;
}

const MARKER = '.bench-starlight-peer';

async function version(pkg: string): Promise<string> {
  const json = JSON.parse(await readFile(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  return typeof json.version === 'string' ? json.version : '?';
}

/** Removes a folder this module made before (it holds the marker), refusing any other. */
async function clear(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  if (!existsSync(join(dir, MARKER))) {
    throw new Error(`${dir}: exists and was not made by the benchmark\n  ↳ Move it away, or pass --no-peer.`);
  }
  await rm(dir, { recursive: true, force: true });
}

/** Writes the Starlight project for the transcripts in `corpus` into `dir`; returns how many and their bytes. */
async function writeProject(corpus: string, dir: string): Promise<{ transcripts: number; sourceBytes: number }> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, MARKER), 'Made by `npm run bench` (scripts/bench/starlight-peer-fs.ts); safe to delete.\n');
  for (const [file, text] of Object.entries(starlightProject('Transcripts'))) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  const docs = join(dir, 'src', 'content', 'docs');
  await mkdir(docs, { recursive: true });
  const files = (await listTranscripts(corpus)).sort();
  const taken = new Set<string>();
  let sourceBytes = 0;
  for (const file of files) {
    const source = await readFile(join(corpus, file));
    sourceBytes += source.length;
    await writeFile(join(docs, pageName(file, taken)), starlightPage(file, source.toString('utf8')));
  }
  return { transcripts: files.length, sourceBytes };
}

/** Runs `astro build` in `dir`, sampling memory every `everyMs`. */
async function astroBuild(
  dir: string,
  everyMs: number,
): Promise<{ ok: boolean; wallMs: number; cpuMs: number; peakRss: number; output: string }> {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampler = sampleTree(child.pid as number, everyMs);
  const heartbeat = setInterval(() => {
    console.log(`    … Starlight still building (${seconds(performance.now() - started)})`);
  }, 30_000);
  let output = '';
  const collect = (c: Buffer): void => {
    output += c.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(heartbeat);
  const samples = sampler.stop();
  return {
    ok: code === 0,
    wallMs: performance.now() - started,
    cpuMs: childrenCpuMs() - cpuBefore,
    peakRss: samples.reduce((m, s) => Math.max(m, s.rss), 0),
    output,
  };
}

/**
 * Builds the transcripts in `corpus` as a stock Starlight site named `name`
 * (a folder name) and measures the build. A failed build is reported in the
 * result, not thrown: the project's own figures stay.
 */
export async function buildStarlightPeer(
  corpus: string,
  options: { name: string; keep: boolean; everyMs?: number },
): Promise<PeerRun> {
  const dir = join(ROOT, '.cache', 'bench-starlight', options.name);
  await clear(dir);
  const prepared = performance.now();
  const { transcripts, sourceBytes } = await writeProject(corpus, dir);
  const prepareMs = performance.now() - prepared;
  try {
    const run = await astroBuild(dir, options.everyMs ?? 200);
    const dist = join(dir, 'dist');
    const out = existsSync(dist) ? await folderSize(dist) : { files: 0, bytes: 0 };
    const search = existsSync(join(dist, 'pagefind')) ? await folderSize(join(dist, 'pagefind')) : { bytes: 0 };
    const pages = existsSync(dist) ? (await folderSize(dist, (n) => n.endsWith('.html'))).files : 0;
    return {
      ok: run.ok,
      name: `Starlight ${await version('@astrojs/starlight')} + Pagefind ${await version('pagefind')}`,
      setup:
        "stock Starlight, one .md page per transcript (title from the file name, text escaped as literal paragraphs); Starlight's default sidebar, which lists every page on every page; Pagefind run by Starlight",
      transcripts,
      sourceBytes,
      prepareMs,
      wallMs: run.wallMs,
      cpuMs: run.cpuMs,
      peakRss: run.peakRss,
      pages,
      files: out.files,
      bytes: out.bytes,
      searchBytes: search.bytes,
      ...(options.keep ? { kept: dir } : {}),
      ...(run.ok ? {} : { failure: run.output.trim().split('\n').slice(-30).join('\n') }),
    };
  } finally {
    if (!options.keep) await rm(dir, { recursive: true, force: true });
  }
}
