/**
 * The permalink record as a build found it, put back when the build stops
 * after the ingest: the ingest replaces the record by a rename, and the
 * snapshot (the file held open) gives back the bytes as they were.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { writeAtomic } from '../../scripts/lib/build-cache-fs.ts';
import { RECORD_FILE, snapshotRecord } from '../../scripts/lib/permalink-record-fs.ts';
import { fileIdentity } from '../../scripts/lib/scan-cache-fs.ts';

const dir = mkdtempSync(join(tmpdir(), 'record-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function contentFolder(name: string, record?: string): { content: string; file: string } {
  const content = join(dir, name);
  mkdirSync(content, { recursive: true });
  const file = join(content, RECORD_FILE);
  if (record !== undefined) writeFileSync(file, record);
  return { content, file };
}

test('a record the ingest replaced is put back as it was', async () => {
  const { content, file } = contentFolder('replaced', '{"version":1,"published":"before"}\n');
  const putBack = await snapshotRecord(content, 'seeds');
  await writeAtomic(file, '{"version":1,"published":"after, and longer"}\n');
  await putBack();
  expect(readFileSync(file, 'utf8')).toBe('{"version":1,"published":"before"}\n');
});

test('a record left as it was is not written again', async () => {
  const { content, file } = contentFolder('unchanged', '{"version":1}\n');
  const identity = fileIdentity(file);
  const putBack = await snapshotRecord(content, 'seeds');
  await putBack();
  expect(fileIdentity(file)).toBe(identity);
});

test('a first build that stops leaves an empty record, and a record never written stays missing', async () => {
  const first = contentFolder('first');
  const putBack = await snapshotRecord(first.content, 'seeds');
  await writeAtomic(first.file, '{"version":1,"transcripts":{"a":{}}}\n');
  await putBack();
  const record = JSON.parse(readFileSync(first.file, 'utf8')) as { transcripts: object };
  expect(record.transcripts).toEqual({});

  const never = contentFolder('never');
  await (await snapshotRecord(never.content, 'seeds'))();
  expect(existsSync(never.file)).toBe(false);
});
