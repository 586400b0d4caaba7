/**
 * The build stamp: what tells a rebuild that nothing changed. The published
 * site's part is listed on its own (`listOut`), so the build lists it while
 * the ingest runs; the stamp is the same either way, it changes with any
 * published file, and a long listing runs in a worker thread, so the
 * event loop turns meanwhile (a signal is handled while it runs).
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildStamp, listFolder, listOut } from '../../scripts/lib/build-stamp-fs.ts';

const dir = mkdtempSync(join(tmpdir(), 'build-stamp-'));
const content = join(dir, 'content');
const out = join(dir, 'site');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

mkdirSync(join(content, 'transcripts'), { recursive: true });
writeFileSync(join(content, 'transcripts', 'a.mdx'), 'a');
// More files than one turn of the listing takes.
for (let folder = 0; folder < 9; folder++) {
  mkdirSync(join(out, 'transcripts', String(folder)), { recursive: true });
  for (let i = 0; i < 500; i++) writeFileSync(join(out, 'transcripts', String(folder), `${i}.html`), `<p>${i}</p>`);
}
const options = { site: 'https://example.org/' };

test('a stamp made with the site listed beforehand is the stamp made in one go, with the same figures', async () => {
  const whole = await buildStamp(content, out, options);
  const apart = await buildStamp(content, out, options, listOut(out));
  expect(apart).toEqual(whole);
  expect(whole.out).toEqual({ files: 4500, pages: 4500, bytes: whole.out.bytes });
  expect(whole.content.files).toBe(1);
});

test('a published file changed in size or time changes the stamp', async () => {
  const before = (await buildStamp(content, out, options)).stamp;
  const page = join(out, 'transcripts', '3', '7.html');
  writeFileSync(page, '<p>seven</p>');
  const resized = (await buildStamp(content, out, options)).stamp;
  expect(resized).not.toBe(before);
  utimesSync(page, new Date(2001, 0, 1), new Date(2001, 0, 1));
  expect((await buildStamp(content, out, options)).stamp).not.toBe(resized);
});

test('the listing of a large site lets other work run while it goes on', async () => {
  let turned = false;
  setImmediate(() => {
    turned = true;
  });
  const listing = listOut(out);
  expect(turned).toBe(false);
  await listing;
  expect(turned).toBe(true);
});

test('a site with folders listed apart: the same listing whether a stage listed them before, changed by any of their files', async () => {
  mkdirSync(join(out, 'pagefind'), { recursive: true });
  writeFileSync(join(out, 'pagefind', 'a.pf'), 'pf');
  const apart = ['pagefind', 'search-words'];
  const inOneGo = await listOut(out, { apart });
  const known = new Map(apart.map((name) => [name, listFolder(join(out, name))]));
  expect(await listOut(out, { apart, known })).toEqual(inOneGo);
  // Every file counted once: the folders apart and the rest.
  expect(inOneGo.tally).toEqual((await listOut(out)).tally);
  expect(inOneGo.digest).not.toBe((await listOut(out)).digest);
  // A missing folder lists alike wherever the site is (the staging folder, renamed to the published one).
  const moved = join(dir, 'moved');
  renameSync(out, moved);
  const there = await listOut(moved, { apart });
  renameSync(moved, out);
  expect(there.digest).toBe(inOneGo.digest);
  writeFileSync(join(out, 'pagefind', 'a.pf'), 'pf, changed');
  expect((await listOut(out, { apart })).digest).not.toBe(inOneGo.digest);
  rmSync(join(out, 'pagefind'), { recursive: true });
});
