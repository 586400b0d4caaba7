/**
 * The whole-archive downloads joined from the twins after Astro: in the
 * manifest's order, equal to what the twins hold; linked from the published
 * site when no twin changed, written anew when one did.
 */
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { toCsv } from '../../scripts/core/to-data.ts';
import { writeBulkDownloads } from '../../scripts/lib/bulk-downloads-fs.ts';

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
        { transcript: slug, turn: 't1', text: said },
        { transcript: slug, turn: 't2', text: 'a\r\nb' },
      ]);

/** A built site: the manifest and each transcript's twins, new files or links to `from`'s. */
function site(name: string, from?: string, said: Record<string, string> = {}): string {
  const root = join(dir, name);
  mkdirSync(join(root, 'transcripts'), { recursive: true });
  writeFileSync(
    join(root, 'transcripts.json'),
    JSON.stringify({ transcripts: ORDER.map((slug) => ({ slug })) }, null, 2),
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

test('joined in the manifest’s order; linked when no twin changed; written anew when one did', async () => {
  const first = site('first');
  expect(await writeBulkDownloads(first, { previous: join(dir, 'none'), cacheDir })).toEqual({ written: true });
  const lines = readFileSync(join(first, 'archive.jsonl'), 'utf8').split('\n');
  expect(lines.pop()).toBe('');
  expect(lines.map((l) => JSON.parse(l))).toEqual(ORDER.map((slug) => twin(slug, `${slug} says hello`)));
  expect(readFileSync(join(first, 'archive.csv'), 'utf8')).toBe(
    toCsv([...turnRowsOf('newest'), ...turnRowsOf('oldest')]),
  );

  const second = site('second', first);
  expect(await writeBulkDownloads(second, { previous: first, cacheDir })).toEqual({ written: false });
  for (const name of ['archive.jsonl', 'archive.csv'])
    expect(statSync(join(second, name)).ino).toBe(statSync(join(first, name)).ino);

  const third = site('third', second, { oldest: 'oldest now says goodbye' });
  expect(await writeBulkDownloads(third, { previous: second, cacheDir })).toEqual({ written: true });
  expect(statSync(join(third, 'archive.jsonl')).ino).not.toBe(statSync(join(second, 'archive.jsonl')).ino);
  expect(readFileSync(join(third, 'archive.jsonl'), 'utf8')).toContain('oldest now says goodbye');
  expect(readFileSync(join(third, 'archive.csv'), 'utf8')).toContain('oldest now says goodbye');
  // The published downloads of the second site are untouched by the third's.
  expect(readFileSync(join(second, 'archive.jsonl'), 'utf8')).not.toContain('goodbye');
});

function turnRowsOf(slug: string): Record<string, string>[] {
  return [
    { transcript: slug, turn: 't1', text: `${slug} says hello` },
    { transcript: slug, turn: 't2', text: 'a\r\nb' },
  ];
}
