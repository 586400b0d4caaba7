/**
 * The permalink record's check before an ingest: a record file that passed is
 * not parsed again while it is the same file, and the record the ingest
 * writes counts as passed; the ingest takes its own last record as it is,
 * without the schema, and any other file through it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { z } from 'zod';
import { runIngest } from '../../scripts/ingest/run-ingest-fs.ts';
import { keptPath, readKept } from '../../scripts/lib/build-cache-fs.ts';
import { cacheDir } from '../../scripts/lib/cli.ts';
import {
  checkRecord,
  keepPassed,
  RECORD_FILE,
  readRecord,
  readRecordAhead,
} from '../../scripts/lib/permalink-record-fs.ts';
import { statKey } from '../../scripts/lib/scan-cache-fs.ts';
import { useCacheDir } from '../helpers/cache-dir.ts';

/** The kept mark of a record that passed (as `permalink-record-fs.ts` keeps it). */
const PassedShape = z.object({ identity: z.string(), seeds: z.string().nullable(), ownOutput: z.boolean().optional() });

const dir = mkdtempSync(join(tmpdir(), 'record-passed-'));
useCacheDir(join(dir, 'cache'));
beforeAll(() => {});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('a record that passed is believed while its file is unchanged; an edit is read and judged again', async () => {
  const content = join(dir, 'content');
  const seeds = join(dir, 'seeds');
  mkdirSync(content);
  mkdirSync(seeds);
  const file = join(content, RECORD_FILE);
  const good = `${JSON.stringify({ version: 1, seeds: 'seeds', transcripts: {}, speakers: {}, topics: {} })}\n`;
  writeFileSync(file, good);
  const at = 1_700_000_000;
  utimesSync(file, at, at);
  const check = { content, seeds, newArchive: false };
  expect(await checkRecord(check)).toEqual({});

  // Damaged bytes of the same size, put back to the same time: only a parse would see the damage.
  writeFileSync(file, 'x'.repeat(good.length));
  utimesSync(file, at, at);
  expect(statSync(file).size).toBe(good.length);
  expect(await checkRecord(check)).toEqual({});

  // Any other time (as an edit leaves): the file is parsed, and the damage found.
  utimesSync(file, at, at + 1);
  expect(await checkRecord(check)).toEqual({ error: expect.stringContaining('[damaged-record]') });

  // What the record says still counts when it is believed: it names the archive it belongs to.
  writeFileSync(file, good);
  expect(await checkRecord(check)).toEqual({});
  expect(await checkRecord({ ...check, seeds: join(dir, 'other') })).toEqual({
    error: expect.stringContaining('[other-archive]'),
  });
  expect(readFileSync(file, 'utf8')).toBe(good);
});

test('the record an ingest writes is marked as passed, as the file it is now', async () => {
  const seeds = join(dir, 'ingested-seeds');
  const content = join(dir, 'ingested-content');
  cpSync('tests/fixtures/archive', seeds, { recursive: true });
  const ingest = await runIngest({ seeds, content, strict: false, report: false, lenient: false, newArchive: false });
  expect(ingest.written).toBeGreaterThan(0);
  const file = join(content, RECORD_FILE);
  const passed = await readKept(keptPath(cacheDir(), 'record-passed', resolve(file)), PassedShape);
  expect(passed).toEqual({ identity: statKey(statSync(file)), seeds: expect.any(String), ownOutput: true });
  // So the next check believes it without reading it again.
  expect(await checkRecord({ content, seeds, newArchive: false })).toEqual({});
});

test("the ingest's own record is read as it is; any other file goes through the schema", async () => {
  const content = join(dir, 'own-content');
  mkdirSync(content);
  const file = join(content, RECORD_FILE);
  // A transcript without `anchors`, which the schema fills in with its default (`[]`).
  const page = { source: 'talk.md', title: 'Talk', status: 'live', nextTurn: 1, turns: {} };
  writeFileSync(file, JSON.stringify({ version: 1, transcripts: { talk: page }, speakers: {}, topics: {} }));
  const anchors = async () => (await readRecord(content)).transcripts['talk']?.anchors;
  expect(await anchors()).toEqual([]);

  // Marked as the ingest's own output, as it is now: taken as written, the schema not run.
  await keepPassed(file, undefined, true);
  expect(await anchors()).toBeUndefined();

  // Any change to the file (its time, here) and it is checked again.
  const at = 1_700_000_000;
  utimesSync(file, at, at);
  expect(await anchors()).toEqual([]);

  // A file that passed the check but that the ingest did not write is checked too.
  await keepPassed(file, undefined);
  expect(await anchors()).toEqual([]);
});

test('a record read ahead is taken while its file is the one read; a file changed since is read again', async () => {
  const content = join(dir, 'ahead');
  mkdirSync(content);
  const file = join(content, RECORD_FILE);
  const record = (seeds: string) =>
    `${JSON.stringify({ version: 1, seeds, transcripts: {}, speakers: {}, topics: {} })}\n`;
  writeFileSync(file, record('first'));
  readRecordAhead(content);
  expect(await readRecord(content)).toEqual(await readRecord(content));
  expect((await readRecord(content)).seeds).toBe('first');

  readRecordAhead(content);
  // Let the read ahead finish, then change the file: the next read must not take the old bytes.
  await new Promise((done) => setTimeout(done, 100));
  writeFileSync(file, record('second-longer'));
  expect((await readRecord(content)).seeds).toBe('second-longer');
});
