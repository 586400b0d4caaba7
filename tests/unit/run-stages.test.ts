/**
 * The build's loop over its stages (`scripts/stages/run-stages.ts`) with
 * stand-in stages: a background stage runs while the stages after it run,
 * the stage that waits for it starts once it is done, a failure stops the
 * build and the background stage with it, and the clock times each stage.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { CliOptions } from '../../scripts/lib/cli.ts';
import { stageClock } from '../../scripts/lib/stage-clock-fs.ts';
import type { BuildContext, Stage, StageOutcome } from '../../scripts/stages/context.ts';
import { STAGES } from '../../scripts/stages/order.ts';
import { runStages } from '../../scripts/stages/run-stages.ts';

const ok = (lines: string[] = []): StageOutcome => ({
  ok: true,
  figures: { files: 0, bytes: 0, pages: 0 },
  lines,
  problems: [],
});
const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

function context(): Omit<BuildContext, 'build'> {
  return {
    options: {} as CliOptions,
    staging: '/nonexistent',
    cache: '/nonexistent',
    log: () => undefined,
    track: () => undefined,
    putFirst: () => undefined,
    onStop: () => undefined,
    setPublishing: () => undefined,
    ingestParsing: new Promise(() => undefined),
    markIngestParsing: () => undefined,
  };
}

beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

/** A stage that notes when it starts and ends, taking `ms`. */
function timed(name: string, ms: number, events: string[], extra: Partial<Stage> = {}): Stage {
  return {
    name,
    title: name,
    ...extra,
    async run() {
      events.push(`${name} start`);
      await wait(ms);
      events.push(`${name} end`);
      return ok();
    },
  };
}

test('a background stage runs beside the next stages; the stage after it waits for it', async () => {
  const events: string[] = [];
  const clock = stageClock();
  const stages = [
    timed('site', 120, events, { background: () => true }),
    timed('data', 10, events),
    timed('search', 10, events),
    timed('join', 10, events, { after: ['site'] }),
  ];
  expect(await runStages(stages, context(), clock, { interrupted: () => false })).toBe(true);
  expect(events).toEqual([
    'site start',
    'data start',
    'data end',
    'search start',
    'search end',
    'site end',
    'join start',
    'join end',
  ]);
  expect(clock.stages.map((s) => s.name)).toEqual(['site', 'data', 'search', 'join']);
  const [site, data] = clock.stages;
  // The site's clock stops when it is done, not when the join waits for it.
  expect(site?.wallMs).toBeGreaterThanOrEqual(100);
  expect(data?.start).toBeLessThan(site?.end ?? 0);
});

test('a stage that does not go to the background runs in order, and says why under its header', async () => {
  const events: string[] = [];
  const stages = [
    timed('site', 30, events, { background: () => 'alone: not enough memory' }),
    timed('data', 10, events),
    timed('join', 10, events, { after: ['site'] }),
  ];
  expect(await runStages(stages, context(), stageClock(), { interrupted: () => false })).toBe(true);
  expect(events).toEqual(['site start', 'site end', 'data start', 'data end', 'join start', 'join end']);
  const printed = vi.mocked(console.log).mock.calls.map(([line]) => String(line));
  expect(printed.slice(0, 2)).toEqual(['site', '  ↳ alone: not enough memory']);
});

test('a stage`s early work starts with the build, and is called off when the build ends before the stage runs', async () => {
  const events: string[] = [];
  const early = (name: string): Partial<Stage> => ({
    start: () => {
      events.push(`${name} started`);
      return async () => {
        events.push(`${name} called off`);
      };
    },
  });
  const run = (stages: Stage[]) => runStages(stages, context(), stageClock(), { interrupted: () => false });
  // The stage runs: it takes its work over, which is never called off.
  expect(await run([timed('ingest', 10, events), timed('site', 10, events, early('site'))])).toBe(true);
  expect(events).toEqual(['site started', 'ingest start', 'ingest end', 'site start', 'site end']);
  // The ingest finds nothing to do: the build ends there, and the site's work is called off.
  events.length = 0;
  const upToDate: Stage = {
    name: 'ingest',
    title: 'ingest',
    async run() {
      events.push('ingest start');
      return { ...ok(), done: true };
    },
  };
  expect(await run([upToDate, timed('site', 10, events, early('site'))])).toBe(true);
  expect(events).toEqual(['site started', 'ingest start', 'site called off']);
  // A failing stage: called off too.
  events.length = 0;
  const failing: Stage = {
    name: 'ingest',
    title: 'ingest',
    run: async () => ({ ...ok(), ok: false, stopped: 'bad input' }),
  };
  expect(await run([failing, timed('site', 10, events, early('site'))])).toBe(false);
  expect(events).toEqual(['site started', 'site called off']);
  // A stage that does not run for these options starts nothing.
  events.length = 0;
  expect(await run([timed('site', 10, events, { ...early('site'), runs: () => false })])).toBe(true);
  expect(events).toEqual([]);
});

test('a stage that fails stops the build and the background stage, whose child is stopped', async () => {
  let child: ChildProcess | undefined;
  const site: Stage = {
    name: 'site',
    title: 'site',
    background: () => true,
    run: (ctx) =>
      new Promise((resolve) => {
        child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
        ctx.track(child);
        child.on('close', (_code, signal) =>
          resolve({ ...ok(), ok: signal === null, stopped: `stopped by ${signal}` }),
        );
      }),
  };
  const data: Stage = {
    name: 'data',
    title: 'data',
    run: async () => {
      await wait(50);
      return { ...ok(), ok: false, stopped: 'a published address would break' };
    },
  };
  const events: string[] = [];
  const join = timed('join', 1, events, { after: ['site'] });
  const started = Date.now();
  const besideBackground = vi.fn();
  expect(
    await runStages([site, data, join], context(), stageClock(), { interrupted: () => false, besideBackground }),
  ).toBe(false);
  // Its child started: the build lowered its own priority for the stages beside it.
  expect(besideBackground).toHaveBeenCalledTimes(1);
  expect(Date.now() - started).toBeLessThan(30_000);
  expect(child?.signalCode).toBe('SIGTERM');
  expect(events).toEqual([]);
  expect(console.error).toHaveBeenCalledWith('Build stopped: a published address would break');
});

test('a background stage that fails stops the build when a stage waits for it', async () => {
  const events: string[] = [];
  const site: Stage = {
    name: 'site',
    title: 'site',
    background: () => true,
    run: async () => ({ ...ok(), ok: false, stopped: 'astro build failed' }),
  };
  const stages = [site, timed('data', 10, events), timed('join', 1, events, { after: ['site'] })];
  expect(await runStages(stages, context(), stageClock(), { interrupted: () => false })).toBe(false);
  expect(events).toEqual(['data start', 'data end']);
  expect(console.error).toHaveBeenCalledWith('Build stopped: astro build failed');
});

test('what a background stage throws is thrown when a stage waits for it, not left unhandled', async () => {
  const site: Stage = {
    name: 'site',
    title: 'site',
    background: () => true,
    run: async () => {
      throw new Error('disk full');
    },
  };
  const stages = [site, timed('data', 20, []), timed('join', 1, [], { after: ['site'] })];
  await expect(runStages(stages, context(), stageClock(), { interrupted: () => false })).rejects.toThrow('disk full');
});

test('the build’s order: the downloads run beside search, and the join waits for them and for Astro', () => {
  expect(STAGES.map((s) => s.name)).toEqual([
    'ingest',
    'site',
    'data',
    'downloads',
    'search',
    'join',
    'check',
    'publish',
  ]);
  const downloads = STAGES.find((s) => s.name === 'downloads');
  expect(downloads?.background?.({ ...context(), build: {} }, new Map())).toBe(true);
  // One part of N makes no downloads: the parts are combined with every transcript's.
  expect(downloads?.runs?.({ part: { index: 1, count: 2 } } as CliOptions)).toBe(false);
  expect(downloads?.runs?.({} as CliOptions)).toBe(true);
  expect(STAGES.find((s) => s.name === 'search')?.after ?? []).not.toContain('downloads');
  expect(STAGES.find((s) => s.name === 'join')?.after).toEqual(['site', 'downloads']);
});
