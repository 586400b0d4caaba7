/**
 * `lowerPriority` (`scripts/lib/priority-fs.ts`), in a process of its own:
 * every thread of the process is lowered, a worker started later inherits
 * it, a child process started before keeps its priority until it is lowered
 * by its own id (the build's Astro child, started before the ingest), and a
 * priority is never raised.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/cli.ts';

const script = `
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { lowerPriority } from ${JSON.stringify(join(ROOT, 'scripts/lib/priority-fs.ts'))};
const base = getPriority();
const threadsOf = (pid) => readdirSync('/proc/' + pid + '/task').map((t) => getPriority(Number(t)));
// A node child: it has threads of its own by the time it answers.
const before = spawn(process.execPath, ['-e', 'console.log(1); setTimeout(() => {}, 30000)']);
await new Promise((done) => before.stdout.once('data', done));
lowerPriority(10);
const threads = threadsOf(process.pid);
const worker = new Worker(
  "import { parentPort } from 'node:worker_threads'; import { getPriority } from 'node:os'; parentPort.postMessage(getPriority());",
  { eval: true },
);
const inWorker = await new Promise((done) => worker.once('message', done));
await worker.terminate();
const child = threadsOf(before.pid);
lowerPriority(15, before.pid);
const childLowered = threadsOf(before.pid);
lowerPriority(5);
const notRaised = threadsOf(process.pid);
before.kill();
console.log(JSON.stringify({ base, threads, inWorker, child, childLowered, notRaised }));
`;

test.runIf(process.platform === 'linux')(
  'every thread is lowered, later ones too; a child started before keeps its priority until lowered by its id',
  () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const { base, threads, inWorker, child, childLowered, notRaised } = JSON.parse(out) as Record<
      'threads' | 'child' | 'childLowered' | 'notRaised',
      number[]
    > & { base: number; inWorker: number };
    // The test may itself run lowered (`nice npm test`): never raised above where it started.
    const at = (nice: number): number => Math.max(base, nice);
    expect(threads.length).toBeGreaterThan(1);
    for (const nice of threads) expect(nice).toBe(at(10));
    expect(inWorker).toBe(at(10));
    expect(child.length).toBeGreaterThan(1);
    for (const nice of child) expect(nice).toBe(base);
    for (const nice of childLowered) expect(nice).toBe(at(15));
    for (const nice of notRaised) expect(nice).toBe(at(10));
  },
);
