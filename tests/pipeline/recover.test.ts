/**
 * recoverKilledBuilds (scripts/lib/recover-fs.ts): a site an earlier build
 * replaced, still beside the output folder, keeps what the keep-list names
 * and is removed in the background, without the build waiting for it; a
 * killed build's staging folder is removed at once.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { recoverKilledBuilds } from '../../scripts/lib/recover-fs.ts';

const dir = mkdtempSync(join(tmpdir(), 'recover-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a replaced site is removed in the background, a killed build’s staging folder at once', {
  timeout: 90_000,
}, async () => {
  const out = join(dir, 'site');
  mkdirSync(out);
  writeFileSync(join(out, 'index.html'), 'new');
  // Above Linux's largest process id: never a running build.
  const old = join(dir, 'site.old-4194999');
  const staging = join(dir, 'site.tmp-4194998');
  mkdirSync(join(old, 'a'), { recursive: true });
  writeFileSync(join(old, 'a', 'page.html'), 'old');
  writeFileSync(join(old, 'CNAME'), 'archive.example.org');
  mkdirSync(staging);
  writeFileSync(join(staging, 'half.html'), 'x');

  const notes = await recoverKilledBuilds(out);
  expect(notes).toContain('removing site.old-4194999, the site an earlier build replaced, in the background');
  expect(notes).toContain('removed site.tmp-4194998, left by a killed build');
  expect(existsSync(staging)).toBe(false);
  expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('archive.example.org');
  // Gone once the background process is done (seconds at most, on a busy machine).
  for (let waited = 0; existsSync(old) && waited < 60_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  expect(existsSync(old)).toBe(false);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
});
