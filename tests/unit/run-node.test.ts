/**
 * `runNode` (`scripts/lib/run-node-fs.ts`): a stage's child gets the V8 flags
 * it is given on its command line, and this Node accepts the heap-growth flag
 * the site stage gives Astro (Node exits with "bad option" on a flag V8 does
 * not know, which would fail every build).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { HEAP_GROWTH_FLAG } from '../../scripts/lib/memory-plan.ts';
import { runNode } from '../../scripts/lib/run-node-fs.ts';

const dir = mkdtempSync(join(tmpdir(), 'run-node-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (nodeFlags?: string[]) => {
  const script = join(dir, 'argv.mjs');
  writeFileSync(script, 'console.log(JSON.stringify({ flags: process.execArgv, args: process.argv.slice(2) }));\n');
  return runNode(script, ['build'], {
    env: process.env,
    ...(nodeFlags ? { nodeFlags } : {}),
    label: 'argv',
    verbose: false,
    log: () => {},
    track: () => {},
  });
};

test('the child gets the flags before its script, and its arguments after', async () => {
  const outcome = await run([HEAP_GROWTH_FLAG]);
  expect(outcome.ok).toBe(true);
  expect(JSON.parse(outcome.output)).toEqual({ flags: [HEAP_GROWTH_FLAG], args: ['build'] });
});

test('without flags the child runs with none of its own', async () => {
  const outcome = await run();
  expect(JSON.parse(outcome.output)).toEqual({ flags: [], args: ['build'] });
});

test('a flag this Node does not know fails the child', async () => {
  const outcome = await run(['--no-such-v8-flag-at-all']);
  expect(outcome.ok).toBe(false);
});
