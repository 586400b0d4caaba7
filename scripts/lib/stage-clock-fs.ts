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

/** One stage on the clock, from its start. */
export interface StageTimer {
  end(output: Pick<StageStats, 'files' | 'bytes' | 'pages'> & Partial<StageStats>): StageStats;
}

export interface StageClock {
  /** Starts a stage's clock; stages may overlap (one in the background beside the next). */
  start(name: string): StageTimer;
  /** The stages ended so far, in the order they started. */
  stages: StageStats[];
}

export function stageClock(): StageClock {
  const stages: StageStats[] = [];
  /** Each stage's place in the order the stages started. */
  const order = new Map<StageStats, number>();
  let started = 0;
  return {
    stages,
    start(name) {
      const place = started++;
      const start = Date.now();
      const wall = performance.now();
      const cpu = selfCpuMs();
      return {
        end(output) {
          const stats: StageStats = {
            name,
            start,
            end: Date.now(),
            wallMs: performance.now() - wall,
            // With stages overlapping, the CPU of the build process in this stage's window: theirs too.
            cpuMs: selfCpuMs() - cpu,
            ...output,
          };
          order.set(stats, place);
          stages.push(stats);
          stages.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
          return stats;
        },
      };
    },
  };
}
