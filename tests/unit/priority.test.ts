/**
 * `lowerOwnPriority` (`scripts/lib/priority-fs.ts`), in a process of its own:
 * every thread of the process is lowered, a worker started later inherits
 * it, and a child process started before keeps its priority (the build's
 * Astro child, which the stages beside it must not slow).
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
import { lowerOwnPriority } from ${JSON.stringify(join(ROOT, 'scripts/lib/priority-fs.ts'))};
const before = spawn('sleep', ['30']);
await new Promise((done) => before.once('spawn', done));
lowerOwnPriority();
const threads = readdirSync('/proc/self/task').map((t) => getPriority(Number(t)));
const worker = new Worker(
  "import { parentPort } from 'node:worker_threads'; import { getPriority } from 'node:os'; parentPort.postMessage(getPriority());",
  { eval: true },
);
const inWorker = await new Promise((done) => worker.once('message', done));
await worker.terminate();
const child = getPriority(before.pid);
before.kill();
console.log(JSON.stringify({ threads, inWorker, child }));
`;

test.runIf(process.platform === 'linux')(
  'every thread is lowered, later ones too; a child started before keeps its priority',
  () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const { threads, inWorker, child } = JSON.parse(out) as { threads: number[]; inWorker: number; child: number };
    expect(threads.length).toBeGreaterThan(1);
    for (const nice of threads) expect(nice).toBeGreaterThanOrEqual(10);
    expect(inWorker).toBeGreaterThanOrEqual(10);
    expect(child).toBe(0);
  },
);
