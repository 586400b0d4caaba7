/**
 * A clean ingest and an incremental one give the same content folder, file by
 * file. The incremental run first ingests 85 transcripts (parsed in the worker
 * pool), then 15 more are added and one file is touched without changing: the
 * new ones make phrases topics that older transcripts mention, so reused
 * transcripts must be filed again as a clean run files them.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runIngest } from '../../scripts/ingest/run-ingest-fs.ts';
import { useCacheDir } from '../helpers/cache-dir.ts';

const dir = mkdtempSync(join(tmpdir(), 'clean-incremental-'));
const seeds = join(dir, 'seeds');
useCacheDir();

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const SUBJECTS = [
  'garden sheds',
  'wind turbines',
  'bicycle lanes',
  'city gardens',
  'rain water tanks',
  'heat pumps',
  'Lightning Network',
  'OP_RETURN outputs',
  'tram lines',
  'bus routes',
  'school meals',
  'river banks',
  'street lights',
  'flood barriers',
  'tree nurseries',
  'market stalls',
  'library hours',
  'parking fees',
  'noise limits',
  'recycling bins',
];

/** Transcript `i`: two speakers, three subjects said by both, and `extra` said by the second (and `asked` by the first). */
function transcript(i: number, extra = '', asked = ''): string {
  const [a = '', b = '', c = ''] = [0, 7, 13].map((k) => SUBJECTS[(i + k) % SUBJECTS.length]);
  return [
    `Alice Example:\nWelcome to episode ${i}. Today: ${a}, ${b} and ${c}.`,
    `Bob Sample:\nThank you. I have worked on ${a} for years, and ${b} too. ${extra}`,
    `Alice Example:\nWhat about ${c}? Our listeners ask about ${a} and ${c} every week. ${asked}`,
    `Bob Sample:\n${c[0]?.toUpperCase()}${c.slice(1)} matter, and so do ${b}.`,
    '',
  ].join('\n\n');
}

const write = (i: number, extra?: string, asked?: string): void => {
  const folder = join(seeds, `season-${Math.floor(i / 30)}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `episode-${String(i).padStart(3, '0')}.txt`), transcript(i, extra, asked));
};

function ingest(name: string): ReturnType<typeof runIngest> {
  process.env['ARCHIVE_CACHE_DIR'] = join(dir, name, 'cache');
  return runIngest({
    seeds,
    content: join(dir, name, 'content'),
    strict: false,
    report: false,
    lenient: false,
    newArchive: false,
  });
}

function contentOf(name: string): Map<string, string> {
  const root = join(dir, name, 'content');
  const out = new Map<string, string>();
  for (const e of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (e.isFile())
      out.set(relative(root, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8'));
  }
  return out;
}

test('an ingest in two steps writes the content folder a clean ingest writes', { timeout: 300_000 }, async () => {
  // One older transcript discusses what the added ones discuss: alone, it makes no topic.
  for (let i = 0; i < 85; i++)
    write(i, i === 13 ? 'I saw solar panels at a fair.' : '', i === 13 ? 'Solar panels, really?' : '');
  const first = await ingest('incremental');
  expect(first.ok).toBe(true);
  expect(first.transcripts).toBe(85);
  const older = join('transcripts', 'season-0-episode-013.mdx');
  expect(contentOf('incremental').get(older)).not.toContain('"slug": "solar-panels"');

  for (let i = 85; i < 100; i++)
    write(
      i,
      i % 2 === 0 ? 'We talked about solar panels. The price of solar panels fell.' : '',
      i % 2 === 0 ? 'Solar panels on every roof?' : '',
    );
  // Touched, not changed: a new time, the same bytes.
  const touched = join(seeds, 'season-0', 'episode-003.txt');
  utimesSync(touched, new Date(), new Date(Date.now() + 5000));
  const second = await ingest('incremental');
  expect(second.ok).toBe(true);
  expect(second.transcripts).toBe(100);

  const clean = await ingest('clean');
  expect(clean.ok).toBe(true);

  const a = contentOf('incremental');
  const b = contentOf('clean');
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [file, text] of b) expect(a.get(file), file).toBe(text);
  // The comparison means something: the added transcripts made a topic that files an older one.
  expect(b.has('topics/solar-panels.mdx')).toBe(true);
  expect(b.get(older)).toContain('"slug": "solar-panels"');
});
