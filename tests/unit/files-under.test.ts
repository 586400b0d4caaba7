/**
 * The synchronous walk that build stamps and figures list sites with: the
 * same files as the promise API's recursive listing (which follows no link;
 * the synchronous one follows linked folders), nothing for a missing folder;
 * and each file's path relative to the folder, as `path.relative` gives it.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { filesUnder, relativeTo } from '../../scripts/lib/files-under-fs.ts';

const dir = mkdtempSync(join(tmpdir(), 'files-under-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('lists the files of every folder below, as the promise API’s recursive listing does, links left out', async () => {
  const site = join(dir, 'site');
  for (const [path, text] of [
    ['index.html', 'home'],
    ['transcripts/a/index.html', 'a'],
    ['transcripts/a.json', '{}'],
    ['transcripts/b/part/deep/x.txt', 'x'],
    ['pagefind/shard-1/index.pf', 'p'],
  ] as const) {
    mkdirSync(join(site, path, '..'), { recursive: true });
    writeFileSync(join(site, path), text);
  }
  mkdirSync(join(site, 'empty'));
  symlinkSync(join(site, 'transcripts'), join(site, 'linked-folder'));
  symlinkSync(join(site, 'index.html'), join(site, 'linked-file.html'));
  const node = (await readdir(site, { withFileTypes: true, recursive: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  expect(node).toHaveLength(5);
  expect(filesUnder(site).sort()).toEqual(node);
});

test('a missing folder has no files; a file is not a folder', () => {
  expect(filesUnder(join(dir, 'nowhere'))).toEqual([]);
  writeFileSync(join(dir, 'plain'), 'x');
  expect(() => filesUnder(join(dir, 'plain'))).toThrow(/ENOTDIR/);
});

test('each file`s path is join`s, and its path relative to the folder path.relative`s, however the folder is spelled', () => {
  const site = join(dir, 'spelled');
  mkdirSync(join(site, 'transcripts/a'), { recursive: true });
  writeFileSync(join(site, 'index.html'), 'home');
  writeFileSync(join(site, 'transcripts/a/index.html'), 'a');
  const spellings = [
    site,
    `${site}/`,
    `${site}//`,
    relative(process.cwd(), site),
    `./${relative(process.cwd(), site)}/`,
  ];
  for (const spelled of spellings) {
    const files = filesUnder(spelled);
    expect(files, spelled).toHaveLength(2);
    // The paths `join` makes of the folder as spelled and each file's path under it.
    expect(files.sort(), spelled).toEqual(
      [join(spelled, 'index.html'), join(spelled, 'transcripts', 'a', 'index.html')].sort(),
    );
    const cut = relativeTo(spelled);
    expect(files.map(cut).sort(), spelled).toEqual(files.map((f) => relative(spelled, f)).sort());
    expect(files.map(cut).sort()).toEqual(['index.html', join('transcripts', 'a', 'index.html')]);
  }
});
