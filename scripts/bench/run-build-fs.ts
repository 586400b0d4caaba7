/**
 * Runs the real build (`scripts/build.ts`) as a child process while sampling
 * the RSS of its whole process tree, and reads back the figures it wrote per
 * stage. Also tells which output files a build rewrote.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { ROOT } from '../lib/cli.ts';
import { childrenCpuMs, type RssSample, sampleTree } from '../lib/proc-stats-fs.ts';
import type { StageStats } from '../lib/stage-clock-fs.ts';

export interface BuildPaths {
  seeds: string;
  content: string;
  out: string;
  cache: string;
}

/** One stage as the benchmark reports it: the build's own figures plus the peak RSS in its window. */
export interface StageFigures extends StageStats {
  peakRss: number;
}

export interface BuildRun {
  ok: boolean;
  wallMs: number;
  /** CPU of the whole build tree (the build and every child it waited for). */
  cpuMs: number;
  peakRss: number;
  stages: StageFigures[];
  output: string;
  /**
   * How long after the build's exit its replaced site (`out.old-PID`, removed
   * by a process of its own) was gone. The next build waits for it: run beside
   * it, an edit right after an add took ~1.5 s longer, the cost of the add.
   */
  removedMs: number;
}

function peakIn(samples: readonly RssSample[], from: number, to: number): number {
  let peak = 0;
  for (const s of samples) if (s.at >= from - 100 && s.at <= to + 100 && s.rss > peak) peak = s.rss;
  return peak;
}

/** Builds `paths.seeds` into `paths.out`, sampling memory every `everyMs`. */
export async function runBuild(paths: BuildPaths, everyMs = 200, extraArgs: string[] = []): Promise<BuildRun> {
  const statsFile = `${paths.out}.stats.json`;
  const args = [
    'scripts/build.ts',
    '--seeds',
    paths.seeds,
    '--content',
    paths.content,
    '--out',
    paths.out,
    '--stats',
    statsFile,
    ...extraArgs,
  ];
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ARCHIVE_CACHE_DIR: paths.cache, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampler = sampleTree(child.pid as number, everyMs);
  let output = '';
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const samples = sampler.stop();
  const wallMs = performance.now() - started;
  const replaced = `${paths.out}.old-${child.pid}`;
  while (existsSync(replaced) && performance.now() - started - wallMs < 120_000) await setTimeout(50);
  const stages = ((await readJson<{ stages: StageStats[] }>(statsFile))?.stages ?? []).map((s) => ({
    ...s,
    peakRss: peakIn(samples, s.start, s.end),
  }));
  return {
    ok: code === 0,
    wallMs,
    cpuMs: childrenCpuMs() - cpuBefore,
    peakRss: samples.reduce((m, s) => Math.max(m, s.rss), 0),
    stages,
    output,
    removedMs: performance.now() - started - wallMs,
  };
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Each output file's identity: inode, size and modification time. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    const s = await stat(path);
    out.set(path.slice(dir.length), `${s.ino}:${s.size}:${s.mtimeMs}`);
  }
  return out;
}

/** Files added, removed or rewritten between two snapshots. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): number {
  let n = 0;
  for (const [path, id] of after) if (before.get(path) !== id) n++;
  for (const path of before.keys()) if (!after.has(path)) n++;
  return n;
}
