/**
 * The seeds folder as a careless or hostile user leaves it: a file too large
 * to read (sparse, so it takes no disk), an oversized metadata or rules file,
 * a named pipe, symbolic links, hidden files and folders. Each is listed with
 * its reason or reported at its file; none is read whole, none is opened when
 * it is not a regular file, and the good transcript still builds.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingestArchive } from '../../scripts/core/ingest-archive.ts';
import { MAX_TRANSCRIPT_BYTES, MAX_YAML_BYTES } from '../../scripts/core/input-limits.ts';
import { readSeeds, type SeedsFolder } from '../../scripts/ingest/read-seeds-fs.ts';

const dir = mkdtempSync(join(tmpdir(), 'archive-seeds-'));
const GB3 = 3 * 1024 * 1024 * 1024;
let seeds: SeedsFolder;

beforeAll(async () => {
  writeFileSync(join(dir, 'good.txt'), 'Anna Berg:\nHello.\n');
  // Past 2 GiB, a whole read throws ERR_FS_FILE_TOO_LARGE: a test that passes never read it.
  writeFileSync(join(dir, 'huge.txt'), '');
  truncateSync(join(dir, 'huge.txt'), GB3);
  writeFileSync(join(dir, 'just-over.txt'), '');
  truncateSync(join(dir, 'just-over.txt'), MAX_TRANSCRIPT_BYTES + 1);
  writeFileSync(join(dir, 'fat-meta.txt'), 'Anna Berg:\nMy metadata is huge.\n');
  writeFileSync(join(dir, 'fat-meta.yaml'), '');
  truncateSync(join(dir, 'fat-meta.yaml'), GB3);
  writeFileSync(join(dir, 'topics.yaml'), '');
  truncateSync(join(dir, 'topics.yaml'), MAX_YAML_BYTES + 1);
  writeFileSync(join(dir, '.hidden.txt'), 'Anna Berg:\nHidden.\n');
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git', 'config'), '[core]\n');
  symlinkSync(join(dir, 'good.txt'), join(dir, 'link.txt'));
  symlinkSync('/etc/passwd', join(dir, 'passwd.txt'));
  mkdirSync(join(dir, 'sub'));
  symlinkSync(dir, join(dir, 'sub', 'loop'));
  // Reading a FIFO nobody writes to blocks forever: the test times out if it is ever opened.
  execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
  seeds = await readSeeds(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the seeds folder', () => {
  test('symbolic links, the named pipe and hidden files are listed as skipped, with the reason', () => {
    expect(seeds.skipped).toEqual([
      { file: '.git/', reason: 'a hidden folder (its name starts with a dot): not read' },
      { file: '.hidden.txt', reason: 'a hidden file (its name starts with a dot): not read' },
      { file: 'link.txt', reason: 'a symbolic link: not followed; put the file itself in the seeds folder' },
      { file: 'passwd.txt', reason: 'a symbolic link: not followed; put the file itself in the seeds folder' },
      { file: 'pipe.txt', reason: 'a named pipe (FIFO), not a regular file: not opened' },
      { file: 'sub/loop', reason: 'a symbolic link: not followed; put the file itself in the seeds folder' },
    ]);
  });

  test('files over the limit are reported by name and size, without being read', () => {
    const archive = ingestArchive(seeds);
    expect(archive.transcripts.map((t) => t.slug)).toEqual(['good']);
    const problems = [...archive.problems, ...archive.files.flatMap((f) => f.problems)].map((p) => [
      p.code,
      p.file,
      p.message,
    ]);
    expect(problems).toEqual([
      ['invalid-topics', 'topics.yaml', 'the file is 8.0 MB; YAML files over 8.0 MB are not read'],
      ['invalid-metadata', 'fat-meta.yaml', 'the file is 3072.0 MB; metadata files over 8.0 MB are not read'],
      ['file-too-large', 'huge.txt', 'the file is 3072.0 MB; transcripts over 20.0 MB are not built'],
      ['file-too-large', 'just-over.txt', 'the file is 20.0 MB; transcripts over 20.0 MB are not built'],
    ]);
    // Nothing of them was held in memory.
    expect(seeds.sources.filter((s) => s.unread).map((s) => s.bytes.length)).toEqual([0, 0, 0]);
  });

  test('the sizes of files not read still count as input', () => {
    expect(seeds.inputBytes).toBeGreaterThan(2 * GB3);
  });
});
