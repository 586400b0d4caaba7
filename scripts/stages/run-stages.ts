/**
 * The build's loop over its stages: each stage's header, its report lines
 * and problems, and its figures on the stage clock; the first stage that
 * fails stops the build. A stage may run in the background (the site's
 * `astro build`, when memory allows), beside the stages after it: its progress
 * lines carry its name, its report is printed when a stage that waits for it
 * (`after`) starts, and if the build stops before that, its child process is
 * stopped and waited for, since it writes into the staging folder. A stage
 * may also start work as the build starts (`start`), which is called off if
 * the build ends before the stage runs.
 */
import type { ChildProcess } from 'node:child_process';
import { seconds } from '../lib/cli.ts';
import type { StageClock, StageStats, StageTimer } from '../lib/stage-clock-fs.ts';
import type { BuildContext, Stage, StageOutcome } from './context.ts';

/** A stage running in the background: its outcome (or what it threw), its clock and its child. */
interface Running {
  stage: Stage;
  timer: StageTimer;
  /** Its outcome with its figures, clocked when it ended; or what it threw. */
  settled: Promise<{ outcome: StageOutcome; stats: StageStats } | { error: unknown }>;
  child?: ChildProcess | undefined;
  /** The build stopped: a child the stage starts from now on is stopped at once. */
  stopped?: boolean;
}

export interface RunOptions {
  /** A signal stopped the build (the signal's handler reports it). */
  interrupted: () => boolean;
  /**
   * Called once a background stage's child process runs: the build lowers its
   * own priority below the child's (`lib/priority-fs.ts`), so that the stages
   * beside the child use the cores it leaves idle rather than slow it down.
   */
  besideBackground?: () => void;
}

/** Runs `stages` in order, as one build with `given`; whether every stage that ran succeeded. */
export async function runStages(
  stages: readonly Stage[],
  given: Omit<BuildContext, 'build'>,
  clock: StageClock,
  { interrupted, besideBackground }: RunOptions,
): Promise<boolean> {
  const ctx: BuildContext = { ...given, build: {} };
  const done = new Map<string, StageOutcome>();
  const backgroundStages = new Map<string, Running>();
  // Work the later stages start now, by stage: called off if the build ends before they run.
  const started = new Map<string, () => Promise<void>>();
  for (const stage of stages)
    if (stage.start && (!stage.runs || stage.runs(ctx.options))) started.set(stage.name, stage.start(ctx));
  const report = (outcome: StageOutcome, stats: StageStats): boolean => {
    for (const line of outcome.lines) console.log(`  ${line}`);
    for (const problem of outcome.problems) console.error(problem);
    if (!outcome.ok) {
      if (!interrupted()) console.error(`Build stopped: ${outcome.stopped}`);
      return false;
    }
    console.log(`  ✓ ${seconds(stats.wallMs)}`);
    return true;
  };
  const settle = async (name: string): Promise<boolean> => {
    const running = backgroundStages.get(name);
    if (!running) return true;
    const result = await running.settled;
    backgroundStages.delete(name);
    if ('error' in result) throw result.error;
    console.log(`${running.stage.title} (in the background, done)`);
    done.set(name, result.outcome);
    return report(result.outcome, result.stats);
  };
  try {
    for (const stage of stages) {
      if (stage.runs && !stage.runs(ctx.options)) continue;
      started.delete(stage.name);
      for (const name of stage.after ?? []) if (!(await settle(name))) return false;
      const background = stage.background?.(ctx, done);
      if (background === true) {
        console.log(`${stage.title}, in the background`);
        const running: Running = { stage, timer: clock.start(stage.name), settled: Promise.resolve({ error: null }) };
        const inBackground: BuildContext = {
          ...ctx,
          log: (line) => ctx.log(`  [${stage.name}] ${line.trim()}`),
          track: (child) => {
            running.child = child;
            ctx.track(child);
            if (running.stopped) child?.kill('SIGTERM');
            else if (child) besideBackground?.();
          },
        };
        running.settled = stage.run(inBackground).then(
          (outcome) => ({ outcome, stats: running.timer.end(outcome.figures) }),
          (error: unknown) => ({ error }),
        );
        backgroundStages.set(stage.name, running);
        continue;
      }
      console.log(stage.title);
      if (background !== undefined) console.log(`  ↳ ${background}`);
      const timer = clock.start(stage.name);
      const outcome = await stage.run(ctx);
      done.set(stage.name, outcome);
      if (!report(outcome, timer.end(outcome.figures))) return false;
      if (outcome.done) break;
    }
    for (const name of [...backgroundStages.keys()]) if (!(await settle(name))) return false;
    return true;
  } finally {
    for (const callOff of started.values()) await callOff();
    // Stopped early (a stage failed or threw): a stage still in the background is stopped before the staging folder goes.
    for (const running of backgroundStages.values()) {
      running.stopped = true;
      running.child?.kill('SIGTERM');
      await running.settled;
    }
  }
}
