/**
 * The build's processes share Node's compile cache: the build turns it on
 * for itself and, through the environment, for every process it starts.
 */
import { execFileSync } from 'node:child_process';
import { getCompileCacheDir } from 'node:module';
import { afterAll, expect, test } from 'vitest';
import { useCompileCache } from '../../scripts/lib/compile-cache-fs.ts';

const before = process.env['NODE_COMPILE_CACHE'];
afterAll(() => {
  if (before === undefined) delete process.env['NODE_COMPILE_CACHE'];
  else process.env['NODE_COMPILE_CACHE'] = before;
});

test('is turned on for this process and the processes it starts', () => {
  useCompileCache();
  const dir = process.env['NODE_COMPILE_CACHE'];
  expect(dir).toBeTruthy();
  expect(getCompileCacheDir()).toContain(dir);
  const child = execFileSync(process.execPath, ['-p', "require('node:module').getCompileCacheDir()"], {
    env: process.env,
    encoding: 'utf8',
  });
  expect(child.trim()).toContain(dir);
});
