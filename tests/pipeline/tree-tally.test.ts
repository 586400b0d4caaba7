/**
 * The tally of a folder (`scripts/lib/tree-tally-fs.ts`): the figures of a
 * stage and the published site's part of the build stamp, made in a worker
 * thread. The worker's tally is the one made in this thread; skipped folders
 * and excluded files are not counted; the digest follows every file's path,
 * size and time; a missing folder counts nothing; a tally called off fails,
 * in a worker or in this thread, and the worker goes on to the next.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CALLED_OFF, tallyHere, tallyTree } from '../../scripts/lib/tree-tally-fs.ts';
import { DATA_FILE } from '../../scripts/stages/data.ts';

const dir = mkdtempSync(join(tmpdir(), 'tree-tally-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const site = join(dir, 'site');
const files: Record<string, string> = {
  'index.html': '<p>home</p>',
  'transcripts/a/index.html': '<p>a</p>',
  'transcripts/a.json': '{"a":1}',
  'transcripts/a.txt': 'a',
  'transcripts.json': '[]',
  'archive.csv.gz': 'gz',
  'pagefind/pagefind.js': 'js',
  'search-words/index.json': '{}',
  'docs/data/index.html': '<p>data</p>',
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(join(site, path, '..'), { recursive: true });
  writeFileSync(join(site, path), text);
}
const bytesOf = (paths: string[]): number => paths.reduce((n, p) => n + Buffer.byteLength(files[p] as string), 0);

describe('a folder tally', () => {
  it('counts every file, page and byte, in a worker as in this thread', async () => {
    const all = await tallyTree(site);
    expect(all).toEqual(tallyHere(site));
    expect(all.tally).toEqual({ files: 9, pages: 3, bytes: bytesOf(Object.keys(files)) });
    expect(all.digest).toBeUndefined();
  });

  it("leaves out skipped folders and excluded files: the site stage's own files", async () => {
    const astro = await tallyTree(site, { skip: ['pagefind', 'search-words'], exclude: DATA_FILE });
    const own = ['index.html', 'transcripts/a/index.html', 'docs/data/index.html'];
    expect(astro.tally).toEqual({ files: 3, pages: 3, bytes: bytesOf(own) });
    // A skipped folder is one under the folder tallied, not any of that name.
    const nested = await tallyTree(site, { skip: ['data'] });
    expect(nested.tally.files).toBe(9);
  });

  it("gives a digest that changes with a file's size, time or name, and is the same in a worker", async () => {
    const before = await tallyTree(site, { digest: true });
    expect(before.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(tallyHere(site, { digest: true })).toEqual(before);
    const page = join(site, 'docs', 'data', 'index.html');
    writeFileSync(page, '<p>data, more</p>');
    const resized = await tallyTree(site, { digest: true });
    expect(resized.digest).not.toBe(before.digest);
    utimesSync(page, new Date(2001, 0, 1), new Date(2001, 0, 1));
    const touched = await tallyTree(site, { digest: true });
    expect(touched.digest).not.toBe(resized.digest);
    mkdirSync(join(site, 'docs', 'moved'));
    writeFileSync(join(site, 'docs', 'moved', 'index.html'), '<p>data, more</p>');
    utimesSync(join(site, 'docs', 'moved', 'index.html'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    rmSync(page);
    expect((await tallyTree(site, { digest: true })).digest).not.toBe(touched.digest);
  });

  it('counts nothing in a missing folder, and says so in its digest', async () => {
    const missing = await tallyTree(join(dir, 'nowhere'), { digest: true });
    expect(missing.tally).toEqual({ files: 0, pages: 0, bytes: 0 });
    expect(missing.digest).not.toBe((await tallyTree(join(dir, 'elsewhere'), { digest: true })).digest);
  });

  it('fails a tally called off, before or while it walks, and tallies the next one whole', async () => {
    const big = join(dir, 'big');
    for (let f = 0; f < 40; f++) {
      mkdirSync(join(big, String(f)), { recursive: true });
      for (let i = 0; i < 100; i++) writeFileSync(join(big, String(f), `${i}.html`), 'x');
    }
    const before = new AbortController();
    before.abort();
    await expect(tallyTree(big, { signal: before.signal })).rejects.toThrow(CALLED_OFF);
    // Called off once the worker has the request (the walk looks at the shared flag as it goes).
    const during = new AbortController();
    const walking = tallyTree(big, { digest: true, signal: during.signal });
    during.abort();
    await expect(walking).rejects.toThrow(CALLED_OFF);
    // In this thread, called off after some folders were read and files stat'ed.
    let asked = 0;
    expect(() => tallyHere(big, {}, () => ++asked > 20)).toThrow(CALLED_OFF);
    expect(asked).toBeGreaterThan(20);
    const whole = await tallyTree(big, { signal: new AbortController().signal });
    expect(whole.tally).toEqual({ files: 4000, pages: 4000, bytes: 4000 });
  });
});
