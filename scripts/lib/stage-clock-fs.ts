/**
 * Wall and CPU time of each build stage, with what the stage wrote, for the
 * build's summary line and the `--stats` file the benchmark reads.
 */
import { selfCpuMs } from './proc-stats-fs.ts';

/** Figures of one stage. Times are epoch ms, so a sampler outside can window its samples. */
export interface StageStats {
  name: string;
  start: number;
  end: number;
  wallMs: number;
  /** CPU of the build process and the children it waited for during the stage. */
  cpuMs: number;
  /** What the stage produced: files, bytes, HTML pages (or transcripts, for the ingest). */
  files: number;
  bytes: number;
  pages: number;
  /** Input read by the stage, in bytes (the ingest's throughput). */
  inputBytes?: number;
  /** Stage-specific notes, e.g. how many pages were reused. */
  notes?: Record<string, number | string | boolean>;
}

export interface StageClock {
  start(name: string): void;
  end(output: Pick<StageStats, 'files' | 'bytes' | 'pages'> & Partial<StageStats>): StageStats;
  stages: StageStats[];
}

export function stageClock(): StageClock {
  const stages: StageStats[] = [];
  let current: { name: string; start: number; wall: number; cpu: number } | undefined;
  return {
    stages,
    start(name) {
      current = { name, start: Date.now(), wall: performance.now(), cpu: selfCpuMs() };
    },
    end(output) {
      if (!current) throw new Error('stageClock.end() called before start()');
      const stats: StageStats = {
        name: current.name,
        start: current.start,
        end: Date.now(),
        wallMs: performance.now() - current.wall,
        cpuMs: selfCpuMs() - current.cpu,
        ...output,
      };
      stages.push(stats);
      current = undefined;
      return stats;
    },
  };
}
