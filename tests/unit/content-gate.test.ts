/**
 * The content gate (`scripts/lib/content-gate-fs.ts`): an Astro started by
 * the build while its ingest still runs reads no content before the go (a
 * line on its input), and keeps Astro's data store from saving meanwhile; an
 * input that ends without one fails the load, so an Astro whose build went
 * away ends; without the variable nothing waits.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { AWAIT_CONTENT } from '../../scripts/lib/content-gate-fs.ts';

const dir = mkdtempSync(join(tmpdir(), 'content-gate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const script = join(dir, 'loader.ts');
writeFileSync(
  script,
  `import { contentReady } from ${JSON.stringify(resolve('scripts/lib/content-gate-fs.ts'))};
console.log('started');
let kept = 0;
// With ALONGSIDE_MS, the loader also reads something of its own for that long (the kept outlines).
const ms = Number(process.env.ALONGSIDE_MS ?? 0);
const alongside = ms > 0 ? new Promise((done) => setTimeout(() => { console.log('read alongside'); done(undefined); }, ms)) : undefined;
try {
  await contentReady(() => kept++, alongside);
  console.log('reading the content');
  const then = kept;
  setTimeout(() => console.log(\`kept alive \${then} times while waiting, \${kept - then} after\`), 600);
} catch (e) {
  console.log(\`failed: \${(e as Error).message}\`);
  process.exitCode = 1;
}
`,
);

/** The loader script in a process of its own, waiting or not; its output as it comes, and how it ended. */
function start(waits: boolean, alongsideMs = 0) {
  const env: NodeJS.ProcessEnv = { ...process.env, ALONGSIDE_MS: String(alongsideMs) };
  if (waits) env[AWAIT_CONTENT] = '1';
  else delete env[AWAIT_CONTENT];
  const child = spawn(process.execPath, [script], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const run = { child, output: '', code: new Promise<number | null>((done) => child.on('close', done)) };
  child.stdout.on('data', (chunk: Buffer) => {
    run.output += chunk.toString();
  });
  return run;
}

async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 30_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

test('told to wait, the loader reads nothing before the go, then reads and the process ends', async () => {
  const run = start(true);
  await until(() => run.output.includes('started'), 'the process to start');
  // The build is still ingesting: nothing is read however long it takes.
  await new Promise((done) => setTimeout(done, 500));
  expect(run.output).not.toContain('reading the content');
  run.child.stdin.write('go');
  await new Promise((done) => setTimeout(done, 200));
  expect(run.output).not.toContain('reading the content');
  run.child.stdin.write('\n');
  // The input is left open, as the build leaves it: the process ends all the same.
  expect(await run.code).toBe(0);
  expect(run.output).toContain('reading the content');
  // Astro's data store was changed at least every 500 ms while the loader waited, and no more after.
  const [, times, after] = /kept alive (\d+) times while waiting, (\d+) after/.exec(run.output) ?? [];
  expect(Number(times)).toBeGreaterThanOrEqual(3);
  expect(after).toBe('0');
}, 60_000);

test('an input that ends without the go (the build went away) fails the load', async () => {
  const run = start(true);
  await until(() => run.output.includes('started'), 'the process to start');
  run.child.stdin.end();
  expect(await run.code).toBe(1);
  expect(run.output).toContain('failed: the build that started this Astro process stopped');
  expect(run.output).not.toContain('reading the content');
}, 60_000);

test('not told to wait (any other astro build or astro dev), the loader reads at once', async () => {
  const run = start(false);
  expect(await run.code).toBe(0);
  expect(run.output).toContain('reading the content');
}, 60_000);

test('what the loader reads alongside is waited for too, with the store kept from saving meanwhile', async () => {
  // Not told to wait: only the loader's own read holds it back.
  const alone = start(false, 800);
  expect(await alone.code).toBe(0);
  expect(alone.output.indexOf('read alongside')).toBeGreaterThan(-1);
  expect(alone.output.indexOf('reading the content')).toBeGreaterThan(alone.output.indexOf('read alongside'));
  const [, times, after] = /kept alive (\d+) times while waiting, (\d+) after/.exec(alone.output) ?? [];
  expect(Number(times)).toBeGreaterThanOrEqual(3);
  expect(after).toBe('0');
  // Told to wait: the go alone does not start the reading while the loader's own read runs.
  const run = start(true, 1500);
  await until(() => run.output.includes('started'), 'the process to start');
  run.child.stdin.write('go\n');
  await until(() => run.output.includes('read alongside'), 'the read alongside');
  expect(await run.code).toBe(0);
  expect(run.output.indexOf('reading the content')).toBeGreaterThan(run.output.indexOf('read alongside'));
}, 60_000);
