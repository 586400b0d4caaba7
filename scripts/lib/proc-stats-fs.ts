/**
 * CPU time and resident memory of a process tree, read from Linux's /proc.
 * Used by the build (CPU time per stage) and the benchmark (peak memory of
 * the whole build, every child included). Elsewhere /proc is missing and
 * the figures read as 0.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times; 100 on every Linux build in use. */
const TICKS = 100;
const PAGE = 4096;

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime + cutime + cstime, in ms: the process and its waited-for children. */
  cpuMs: number;
  /** cutime + cstime, in ms: the waited-for children alone. */
  childCpuMs: number;
  rssBytes: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: parse after its last `)`.
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const field = (n: number): number => Number(rest[n - 3]);
    return {
      pid,
      ppid: field(4),
      cpuMs: ((field(14) + field(15) + field(16) + field(17)) * 1000) / TICKS,
      childCpuMs: ((field(16) + field(17)) * 1000) / TICKS,
      rssBytes: field(24) * PAGE,
    };
  } catch {
    return undefined;
  }
}

/** CPU time used so far by this process and every child it has waited for, in ms. */
export function selfCpuMs(): number {
  return readStat(process.pid)?.cpuMs ?? 0;
}

/** CPU time used by the children this process has waited for (and theirs), in ms. */
export function childrenCpuMs(): number {
  return readStat(process.pid)?.childCpuMs ?? 0;
}

/** Total RSS of `root` and all its living descendants, in bytes. */
export function treeRss(root: number): number {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((n) => /^\d+$/.test(n))
      .map(Number);
  } catch {
    return 0;
  }
  const stats = pids.map(readStat).filter((s): s is ProcStat => s !== undefined);
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) {
    const list = children.get(s.ppid);
    if (list) list.push(s);
    else children.set(s.ppid, [s]);
  }
  let total = 0;
  const queue = stats.filter((s) => s.pid === root);
  while (queue.length > 0) {
    const s = queue.pop() as ProcStat;
    total += s.rssBytes;
    queue.push(...(children.get(s.pid) ?? []));
  }
  return total;
}

/** A memory sample: when (epoch ms) and the tree's RSS then. */
export interface RssSample {
  at: number;
  rss: number;
}

/**
 * Samples the RSS of `root`'s tree every `everyMs` until stopped; returns the
 * samples, so a caller can take the peak of any time window.
 */
export function sampleTree(root: number, everyMs = 200): { stop(): RssSample[] } {
  const samples: RssSample[] = [];
  const take = (): void => {
    samples.push({ at: Date.now(), rss: treeRss(root) });
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}
