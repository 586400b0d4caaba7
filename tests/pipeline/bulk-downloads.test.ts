/**
 * The whole-archive downloads, gzip-compressed, joined from the twins after Astro: in the
 * manifest's order, equal to what the twins hold; linked from the published
 * site when no twin changed, written anew when one did.
 */
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, expect, test } from 'vitest';
import { ARCHIVE_COLUMNS, toCsv } from '../../scripts/core/to-data.ts';
import { writeBulkDownloads } from '../../scripts/lib/bulk-downloads-fs.ts';

/** A download's text, unpacked. */
const unpacked = (site: string, name: string): string => gunzipSync(readFileSync(join(site, name))).toString('utf8');

const dir = mkdtempSync(join(tmpdir(), 'bulk-downloads-'));
const cacheDir = join(dir, 'cache');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ORDER = ['newest', 'middle', 'oldest'];
const twin = (slug: string, said: string) => ({
  slug,
  turns: [{ id: 't1', paragraphs: [said, `{${slug}} <script>`] }],
});
const csvOf = (slug: string, said: string): string =>
  slug === 'middle'
    ? toCsv([])
    : toCsv([
        { turn: 't1', text: said },
        { turn: 't2', text: 'a\r\nb' },
      ]);
/** Each transcript's title and date, as the manifest lists them. */
const titleOf = (slug: string) => ({ title: `The ${slug}, titled`, date: slug === 'oldest' ? null : '2024-05-01' });

/** A built site: the manifest and each transcript's twins, new files or links to `from`'s. */
function site(name: string, from?: string, said: Record<string, string> = {}): string {
  const root = join(dir, name);
  mkdirSync(join(root, 'transcripts'), { recursive: true });
  writeFileSync(
    join(root, 'transcripts.json'),
    JSON.stringify({ transcripts: ORDER.map((slug) => ({ slug, ...titleOf(slug) })) }),
  );
  for (const slug of ORDER) {
    for (const ext of ['json', 'csv']) {
      const file = join(root, 'transcripts', `${slug}.${ext}`);
      const words = said[slug];
      if (from && words === undefined) linkSync(join(from, 'transcripts', `${slug}.${ext}`), file);
      else {
        const text = words ?? `${slug} says hello`;
        writeFileSync(file, ext === 'json' ? JSON.stringify(twin(slug, text), null, 2) : csvOf(slug, text));
      }
    }
  }
  return root;
}

/** Expects `built`'s downloads to be, byte for byte, those of a clean build of the same twins (`said`). */
async function expectAsClean(built: string, name: string, said: Record<string, string>): Promise<void> {
  const clean = site(name, undefined, said);
  await writeBulkDownloads(clean);
  for (const download of ['archive.jsonl.gz', 'archive.csv.gz'])
    expect(readFileSync(join(built, download)).equals(readFileSync(join(clean, download)))).toBe(true);
}

/**
 * A site made from `previous` with one transcript's words changed (`said`), its downloads written from
 * `previous`'s: that transcript's two members compressed, the five others copied, and the bytes those of a
 * clean build.
 */
async function withOneChanged(name: string, previous: string, said: Record<string, string>): Promise<string> {
  const built = site(name, previous, said);
  expect(await writeBulkDownloads(built, { previous, cacheDir })).toEqual({ written: true, copied: 5, compressed: 2 });
  await expectAsClean(built, `${name}-clean`, said);
  return built;
}

test('joined in the manifest’s order; linked when no twin changed; written anew when one did', async () => {
  const first = site('first');
  // Three transcripts in each download, and the CSV's header.
  expect(await writeBulkDownloads(first, { previous: join(dir, 'none'), cacheDir })).toEqual({
    written: true,
    copied: 0,
    compressed: 7,
  });
  const lines = unpacked(first, 'archive.jsonl.gz').split('\n');
  expect(lines.pop()).toBe('');
  expect(lines.map((l) => JSON.parse(l))).toEqual(ORDER.map((slug) => twin(slug, `${slug} says hello`)));
  expect(unpacked(first, 'archive.csv.gz')).toBe(
    toCsv([...turnRowsOf('newest'), ...turnRowsOf('oldest')], { columns: ARCHIVE_COLUMNS }),
  );

  const second = site('second', first);
  expect(await writeBulkDownloads(second, { previous: first, cacheDir })).toEqual({ written: false });
  for (const name of ['archive.jsonl.gz', 'archive.csv.gz'])
    expect(statSync(join(second, name)).ino).toBe(statSync(join(first, name)).ino);

  // Only the changed transcript is compressed again; the rest is copied from the published downloads.
  const third = await withOneChanged('third', second, { oldest: 'oldest now says goodbye' });
  expect(statSync(join(third, 'archive.jsonl.gz')).ino).not.toBe(statSync(join(second, 'archive.jsonl.gz')).ino);
  expect(unpacked(third, 'archive.jsonl.gz')).toContain('oldest now says goodbye');
  expect(unpacked(third, 'archive.csv.gz')).toContain('oldest now says goodbye');
  // The published downloads of the second site are untouched by the third's.
  expect(unpacked(second, 'archive.jsonl.gz')).not.toContain('goodbye');
});

test('members on both sides of a changed one are copied, and the downloads are those a clean build writes', async () => {
  const before = site('split-before');
  await writeBulkDownloads(before, { previous: join(dir, 'none'), cacheDir });
  const after = await withOneChanged('split-after', before, { middle: 'middle now says more' });
  // And the places it recorded serve the next build: only the member changed since is compressed.
  const again = site('split-again', after, { newest: 'newest says goodbye' });
  expect(await writeBulkDownloads(again, { previous: after, cacheDir })).toMatchObject({ copied: 5, compressed: 2 });
  expect(unpacked(again, 'archive.jsonl.gz')).toContain('middle now says more');
});

test('members the published download does not hold where the record says are compressed again', async () => {
  const cache = join(dir, 'short-cache');
  const before = site('short-before');
  await writeBulkDownloads(before, { previous: join(dir, 'none'), cacheDir: cache });
  const after = site('short-after', before, { oldest: 'oldest says goodbye' });
  // The record places the JSON download's second member past the file's end (the file itself unchanged).
  const recordFile = join(cache, 'bulk-downloads.json');
  const record = JSON.parse(readFileSync(recordFile, 'utf8')) as { members: Record<string, Record<string, number[]>> };
  const places = record.members['archive.jsonl.gz'] ?? {};
  const second = Object.keys(places).sort((a, b) => (places[a]?.[0] ?? 0) - (places[b]?.[0] ?? 0))[1] as string;
  places[second] = [statSync(join(before, 'archive.jsonl.gz')).size, 10];
  writeFileSync(recordFile, JSON.stringify(record));
  const made = await writeBulkDownloads(after, { previous: before, cacheDir: cache });
  await expectAsClean(after, 'short-clean', { oldest: 'oldest says goodbye' });
  // The first member copied; from the one misplaced on, the JSON download's members compressed; the CSV's as before.
  expect(made).toEqual({ written: true, copied: 4, compressed: 3 });
});

/** The archive CSV's rows of one transcript: its slug, title and date, then its own CSV's columns. */
function turnRowsOf(slug: string): Record<string, string>[] {
  const { title, date } = titleOf(slug);
  return [
    { transcript: slug, title, date: date ?? '', turn: 't1', text: `${slug} says hello` },
    { transcript: slug, title, date: date ?? '', turn: 't2', text: 'a\r\nb' },
  ];
}

test('the same twins give the same compressed bytes, written anew or not', async () => {
  const a = site('same-a');
  const b = site('same-b');
  await writeBulkDownloads(a);
  await writeBulkDownloads(b);
  for (const name of ['archive.jsonl.gz', 'archive.csv.gz']) {
    expect(readFileSync(join(a, name)).equals(readFileSync(join(b, name)))).toBe(true);
    expect(statSync(join(a, name)).ino).not.toBe(statSync(join(b, name)).ino);
  }
});
