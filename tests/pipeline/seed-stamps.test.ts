/**
 * Reading the seeds folder again: a file whose size and modification time are
 * unchanged keeps the hash recorded for it and is not read until its bytes
 * are asked for; a file that changed is read and hashed again.
 */
import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeeds } from '../../scripts/ingest/read-seeds-fs.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seed-stamps-'));
  await writeFile(join(dir, 'a.txt'), 'Anna: One two three.\n');
  await writeFile(join(dir, 'b.txt'), 'Ben: Four five six.\n');
  await writeFile(join(dir, 'b.yaml'), 'title: Bee\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('seed stamps', () => {
  it('gives the same hashes and bytes whether a file is read now or known from the last run', async () => {
    const first = await readSeeds(dir);
    const second = await readSeeds(dir, first.stamps);
    const view = (s: typeof first) =>
      s.sources.map((f) => [f.file, f.hash, new TextDecoder().decode(f.bytes), f.meta?.text ?? null]);
    expect(view(second)).toEqual(view(first));
    expect(second.inputBytes).toBe(first.inputBytes);
    expect([...second.stamps]).toEqual([...first.stamps]);
  });

  it('does not read a file whose size and modification time are unchanged', async () => {
    const path = join(dir, 'a.txt');
    // A whole second, which every file system stores exactly.
    const when = 1_700_000_000;
    await utimes(path, when, when);
    const first = await readSeeds(dir);
    // Same size, other bytes, the old modification time put back: only the stamp can tell.
    await writeFile(path, 'Anna: One two THREE.\n');
    await utimes(path, when, when);
    expect((await stat(path)).mtimeMs).toBe(when * 1000);
    const second = await readSeeds(dir, first.stamps);
    const a = second.sources.find((f) => f.file === 'a.txt');
    expect(a?.hash).toBe(first.sources.find((f) => f.file === 'a.txt')?.hash);
    // Asked for, the bytes are read from the file as it is now.
    expect(new TextDecoder().decode(a?.bytes)).toBe('Anna: One two THREE.\n');
  });

  it('reads and hashes again a file or a metadata file that changed', async () => {
    const first = await readSeeds(dir);
    await writeFile(join(dir, 'a.txt'), 'Anna: One two three, and four.\n');
    await writeFile(join(dir, 'b.yaml'), 'title: Bee, revised\n');
    const second = await readSeeds(dir, first.stamps);
    for (const file of ['a.txt', 'b.txt']) {
      expect(second.sources.find((f) => f.file === file)?.hash).not.toBe(
        first.sources.find((f) => f.file === file)?.hash,
      );
    }
    expect(second.sources.find((f) => f.file === 'b.txt')?.meta?.text).toBe('title: Bee, revised\n');
  });
});
