/**
 * The build's processes share Node's compile cache: the build turns it on
 * for itself and, through the environment, for every process it starts. In
 * the project's own folder, it is pruned once it grows past its limit; a
 * folder the user set is never touched.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { OWN_COMPILE_CACHE, pruneCompileCache } from '../../scripts/lib/compile-cache-fs.ts';

const work = mkdtempSync(join(tmpdir(), 'compile-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `script` (an ES module's text) in a Node process of its own, with `env`; its output. */
function runScript(script: string, env: NodeJS.ProcessEnv): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' }).trim();
}

const MODULE = JSON.stringify(new URL('../../scripts/lib/compile-cache-fs.ts', import.meta.url).href);

test("is turned on in the project's own folder for a process and the processes it starts", () => {
  // A process of its own, as the build is: whatever turned the cache on for this one does not count.
  const { NODE_COMPILE_CACHE: _, ...env } = process.env;
  const script = `
    import { execFileSync } from 'node:child_process';
    import { getCompileCacheDir } from 'node:module';
    const m = await import(${MODULE});
    m.useCompileCache();
    const child = execFileSync(process.execPath, ['-p', "require('node:module').getCompileCacheDir()"], { encoding: 'utf8' });
    console.log(JSON.stringify([process.env.NODE_COMPILE_CACHE, getCompileCacheDir(), child.trim()]));`;
  const [set, own, child] = JSON.parse(runScript(script, env)) as string[];
  expect(set).toBe(OWN_COMPILE_CACHE);
  expect(own).toContain(OWN_COMPILE_CACHE);
  expect(child).toContain(OWN_COMPILE_CACHE);
});

/** A cache folder laid out as Node lays it out: entries of `bytes` each, in a folder per Node version, written at `at`. */
function cacheWith(name: string, entries: Record<string, number>, at: number): string {
  const dir = join(work, name);
  const version = join(dir, 'v24.9.0-x64-0bc2d3a4-0');
  mkdirSync(version, { recursive: true });
  for (const [entry, bytes] of Object.entries(entries)) {
    // Sparse: its size without its blocks.
    writeFileSync(join(version, entry), '');
    truncateSync(join(version, entry), bytes);
    utimesSync(join(version, entry), at / 1000, at / 1000);
  }
  return dir;
}

const left = (dir: string): string[] => readdirSync(join(dir, 'v24.9.0-x64-0bc2d3a4-0')).sort();

test('a cache past its limit loses the entries written before the build, and keeps the ones written since', () => {
  const start = Date.now();
  const dir = cacheWith('over', { a: 600, b: 600 }, start - 60_000);
  const fresh = join(dir, 'v24.9.0-x64-0bc2d3a4-0', 'c');
  writeFileSync(fresh, Buffer.alloc(10));
  utimesSync(fresh, (start + 1000) / 1000, (start + 1000) / 1000);
  expect(pruneCompileCache(dir, start, 1000)).toBe(2);
  expect(left(dir)).toEqual(['c']);
});

test('a cache within its limit keeps every entry', () => {
  const start = Date.now();
  const dir = cacheWith('within', { a: 400, b: 600 }, start - 60_000);
  expect(pruneCompileCache(dir, start, 1000)).toBe(0);
  expect(left(dir)).toEqual(['a', 'b']);
});

test('a missing folder is no error', () => {
  expect(pruneCompileCache(join(work, 'missing'), Date.now(), 0)).toBe(0);
});

test("a folder set in NODE_COMPILE_CACHE is the user's: used, never pruned", () => {
  const dir = cacheWith('users', { a: 300 * 1024 * 1024 }, Date.now() - 60_000);
  const script = `const m = await import(${MODULE}); console.log(m.useCompileCache(), process.env.NODE_COMPILE_CACHE);`;
  expect(runScript(script, { ...process.env, NODE_COMPILE_CACHE: dir })).toBe(`0 ${dir}`);
  expect(left(dir)).toEqual(['a']);
});
