/**
 * removeInBackground (scripts/lib/remove-tree-fs.ts): a whole tree goes,
 * whatever its names, in a process that outlives the caller, and nothing
 * beside it: not the files its hard links share.
 */
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { removeInBackground } from '../../scripts/lib/remove-tree-fs.ts';

const dir = mkdtempSync(join(tmpdir(), 'remove-tree-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('removes, in the background, a tree of hard links, read-only files and odd names, and leaves what its files link to', {
  timeout: 90_000,
}, async () => {
  const kept = join(dir, 'kept.html');
  writeFileSync(kept, 'published');
  const old = join(dir, '-site.old-1');
  mkdirSync(join(old, 'a', '--deep'), { recursive: true });
  linkSync(kept, join(old, 'a', 'page.html'));
  writeFileSync(join(old, 'a', '--deep', '-rf'), 'x');
  writeFileSync(join(old, 'read-only.txt'), 'x');
  chmodSync(join(old, 'read-only.txt'), 0o444);
  writeFileSync(join(dir, '-site'), 'beside');
  await removeInBackground(old);
  // Gone once the background process is done (seconds at most, on a busy machine).
  for (let waited = 0; existsSync(old) && waited < 60_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  expect(existsSync(old)).toBe(false);
  expect(readFileSync(kept, 'utf8')).toBe('published');
  expect(readFileSync(join(dir, '-site'), 'utf8')).toBe('beside');
  // A folder already gone is no error.
  await removeInBackground(old);
});
