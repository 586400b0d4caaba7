import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  cacheKey,
  keptAppend,
  keptJson,
  keptPath,
  keptStream,
  readKept,
  readKeptAhead,
  readKeptBytes,
  readKeptBytesAhead,
  readKeptLines,
  readKeptLinesAhead,
  readKeptSync,
  reportDroppedTo,
  sourcesKey,
  writeAtomic,
  writeKept,
  writeKeptLines,
} from '../../scripts/lib/build-cache-fs.ts';

const dir = mkdtempSync(join(tmpdir(), 'archive-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const Schema = z.object({ stamp: z.string(), count: z.number() });

describe('the build cache', () => {
  it('names a kept file by a short key of its scope', () => {
    expect(cacheKey('/a/content')).toMatch(/^[0-9a-f]{12}$/);
    expect(cacheKey('/a/content')).not.toBe(cacheKey('/b/content'));
    expect(keptPath(dir, 'ingest', '/a/content')).toBe(join(dir, `ingest-${cacheKey('/a/content')}.json`));
    expect(keptPath(dir, 'bulk-downloads')).toBe(join(dir, 'bulk-downloads.json'));
  });

  /** The two ways to read a kept file, which must agree. */
  const readers = [
    ['readKept', readKept],
    ['readKeptSync', readKeptSync],
  ] as const;

  it.each(readers)('%s reads back what it wrote, and nothing for a file that is not there', async (_, read) => {
    const file = join(dir, 'sub', 'kept.json');
    await writeKept(file, { stamp: 'a', count: 2 });
    expect(await read(file, Schema)).toEqual({ stamp: 'a', count: 2 });
    expect(await read(join(dir, 'missing.json'), Schema)).toBeUndefined();
  });

  it.each(readers)(
    '%s reads a kept file written in ASCII, and one in UTF-8 (an older build), as the same value',
    async (name, read) => {
      const value = {
        stamp: 'Qi Yanjun: 发布会 — ¿Qué? \u2028 😀 \ud800 "quoted" \\ back',
        count: 3,
      };
      const ascii = join(dir, `ascii-${name}.json`);
      const utf8 = join(dir, `utf8-${name}.json`);
      await writeKept(ascii, value);
      writeFileSync(utf8, JSON.stringify(value));
      expect(readFileSync(ascii).every((byte) => byte < 0x80)).toBe(true);
      expect(keptJson(value)).toBe(readFileSync(ascii, 'latin1'));
      expect(await read(ascii, Schema)).toEqual(value);
      expect(await read(utf8, Schema)).toEqual(value);
    },
  );

  it('hands a read made ahead to the next readKept of the file, once', async () => {
    const file = join(dir, 'ahead', 'kept.json');
    await writeKept(file, { stamp: 'a', count: 1 });
    const early = readKeptAhead(file, Schema);
    // Asked again before it is taken: the same read, not a second one.
    expect(readKeptAhead(file, Schema)).toBe(early);
    await early;
    // Written meanwhile (in a build, nothing writes a file read ahead before its stage reads it).
    await writeKept(file, { stamp: 'b', count: 2 });
    expect(await readKept(file, Schema)).toEqual({ stamp: 'a', count: 1 });
    // Taken: the next read reads the file.
    expect(await readKept(file, Schema)).toEqual({ stamp: 'b', count: 2 });
  });

  it('hands bytes read ahead to the next readKeptBytes of the file, once; a missing file reads as undefined', async () => {
    const file = join(dir, 'ahead', 'numbers.bin');
    mkdirSync(join(dir, 'ahead'), { recursive: true });
    writeFileSync(file, Buffer.from([1, 2, 3]));
    readKeptBytesAhead(file);
    // Taken and finished before the file changes (in a build, nothing writes it before its stage reads it).
    const early = readKeptBytes(file);
    await early;
    writeFileSync(file, Buffer.from([4, 5]));
    expect([...((await early) ?? [])]).toEqual([1, 2, 3]);
    expect([...((await readKeptBytes(file)) ?? [])]).toEqual([4, 5]);
    readKeptBytesAhead(join(dir, 'ahead', 'missing.bin'));
    expect(await readKeptBytes(join(dir, 'ahead', 'missing.bin'))).toBeUndefined();
  });

  it.each(
    readers.flatMap(([name, read]) => [
      [name, read, 'of another shape', '{"stamp":1}', 'stamp'] as const,
      [name, read, 'truncated', '{"stamp":"a","cou', 'not valid JSON'] as const,
    ]),
  )('%s drops a kept file %s with one line, and never throws', async (name, read, _, text, why) => {
    const file = join(dir, `bad-${name}-${why.length}.json`);
    writeFileSync(file, text);
    const lines: string[] = [];
    reportDroppedTo((line) => lines.push(line));
    expect(await read(file, Schema)).toBeUndefined();
    expect(existsSync(file)).toBe(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toContain(why);
  });

  describe('a record kept one entry a line', () => {
    const Header = z.object({ version: z.literal(1) });
    const Entry = z.object({ stamp: z.string(), count: z.number() });

    it('reads back the header and the entries in their order, and hands a read made ahead to the next read', async () => {
      const file = join(dir, 'lines', 'record.json');
      const entries = [
        ['b', { stamp: '发布会 ¿Qué?', count: 1 }],
        ['a', { stamp: 'x', count: 2 }],
      ] as const;
      await writeKeptLines(file, { version: 1 }, entries);
      expect(readFileSync(file).every((byte) => byte < 0x80)).toBe(true);
      const back = await readKeptLines(file, Header, Entry);
      expect(back?.header).toEqual({ version: 1 });
      expect([...(back?.entries ?? [])]).toEqual(entries);
      const early = readKeptLinesAhead(file, Header, Entry);
      expect(readKeptLinesAhead(file, Header, Entry)).toBe(early);
      // Finished before the file changes, so the read below must be the one made ahead.
      await early;
      await writeKeptLines(file, { version: 1 }, []);
      expect((await readKeptLines(file, Header, Entry))?.entries.size).toBe(2);
      expect((await readKeptLines(file, Header, Entry))?.entries.size).toBe(0);
    });

    it('writes an entry read back and passed again under its key as the line it was read from, any other anew', async () => {
      const file = join(dir, 'lines', 'reused.json');
      // Written by hand with spaces: a line made anew has none.
      writeFileSync(file, '{"version":1}\n["a", {"stamp": "x", "count": 1}]\n["b", {"stamp": "y", "count": 2}]\n');
      const read = await readKeptLines(file, Header, Entry);
      const a = read?.entries.get('a') as z.infer<typeof Entry>;
      const b = read?.entries.get('b') as z.infer<typeof Entry>;
      await writeKeptLines(file, { version: 1 }, [
        ['a', a],
        ['b', { ...b }],
        ['c', a],
      ]);
      expect(readFileSync(file, 'utf8').split('\n')).toEqual([
        '{"version":1}',
        '["a", {"stamp": "x", "count": 1}]',
        '["b",{"stamp":"y","count":2}]',
        '["c",{"stamp":"x","count":1}]',
        '',
      ]);
    });

    it('writes a key given twice once, with its first entry, so the file reads back', async () => {
      const file = join(dir, 'lines', 'twice.json');
      await writeKeptLines(file, { version: 1 }, [
        ['a', { stamp: 'first', count: 1 }],
        ['a', { stamp: 'second', count: 2 }],
      ]);
      expect([...((await readKeptLines(file, Header, Entry))?.entries ?? [])]).toEqual([
        ['a', { stamp: 'first', count: 1 }],
      ]);
    });

    it.each([
      ['a header of another shape', '{"version":2}\n', 'header'],
      ['a line that is not JSON', '{"version":1}\n["a",{"stamp":"x"\n', 'line 2 is not valid JSON'],
      ['an entry of another shape', '{"version":1}\n["a",{"stamp":1,"count":1}]\n', 'line 2: stamp'],
      ['a key twice', '{"version":1}\n["a",{"stamp":"x","count":1}]\n["a",{"stamp":"x","count":1}]\n', 'line 3'],
      ['its last line cut', '{"version":1}\n["a",{"stamp":"x","count":1}]', 'ends within a line'],
    ])('drops a file with %s, with one line, and never throws', async (_, text, why) => {
      const file = join(dir, 'lines', `bad-${why.length}.json`);
      writeFileSync(file, text);
      const lines: string[] = [];
      reportDroppedTo((line) => lines.push(line));
      expect(await readKeptLines(file, Header, Entry)).toBeUndefined();
      expect(existsSync(file)).toBe(false);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(why);
    });
  });

  it('leaves no file aside after a write', async () => {
    const file = join(dir, 'atomic.json');
    await writeKept(file, { stamp: 'b', count: 1 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ stamp: 'b', count: 1 });
    expect(existsSync(`${file}.tmp-${process.pid}-0`)).toBe(false);
  });

  it('writes small and large files alike, making a folder that went missing since the last write', async () => {
    const folder = join(dir, 'gone');
    await writeAtomic(join(folder, 'a.txt'), 'first');
    rmSync(folder, { recursive: true });
    await writeAtomic(join(folder, 'b.txt'), 'second');
    const large = 'x'.repeat(3 << 20);
    await writeAtomic(join(folder, 'large', 'c.txt'), large);
    await writeAtomic(join(folder, 'bytes.bin'), new Uint8Array([1, 2, 3]));
    expect(readFileSync(join(folder, 'b.txt'), 'utf8')).toBe('second');
    expect(readFileSync(join(folder, 'large', 'c.txt'), 'utf8')).toBe(large);
    expect([...readFileSync(join(folder, 'bytes.bin'))]).toEqual([1, 2, 3]);
    expect(readdirSync(folder).sort()).toEqual(['b.txt', 'bytes.bin', 'large']);
  });

  it('writes a list of pieces as their bytes one after another, past the most one system call takes', async () => {
    const file = join(dir, 'pieces', 'record.json');
    await writeAtomic(file, 'an older, longer file '.repeat(100_000));
    // Views into a larger buffer, at offsets; text past ASCII; more pieces than IOV_MAX (1,024 on Linux).
    const backing = Buffer.from('..«é»..'.repeat(3000));
    const pieces = Array.from({ length: 2500 }, (_, i) =>
      i % 2 === 0 ? Buffer.from(`piece ${i} ✓\n`) : backing.subarray(i % 7, (i % 7) + 40 + (i % 300)),
    );
    await writeAtomic(file, pieces);
    expect(readFileSync(file).equals(Buffer.concat(pieces))).toBe(true);
    // Text is written as UTF-8, large or small.
    const text = 'Zürich – 北京 '.repeat(200_000);
    await writeAtomic(file, text);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(join(dir, 'pieces')).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('fails a write into a folder that cannot be made, leaving nothing aside', async () => {
    const notFolder = join(dir, 'plain-file');
    writeFileSync(notFolder, '');
    await expect(writeAtomic(join(notFolder, 'x.json'), '{}')).rejects.toThrow();
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('puts a file written a piece at a time in place only when done, and leaves the one before when dropped', async () => {
    const file = join(dir, 'streamed', 'numbers.bin');
    const first = await keptStream(file);
    await first.write(Buffer.from('one '));
    await first.write(Buffer.from('two'));
    expect(existsSync(file)).toBe(false);
    await first.done();
    expect(readFileSync(file, 'utf8')).toBe('one two');
    const second = await keptStream(file);
    await second.write(Buffer.from('three'));
    await second.drop();
    expect(readFileSync(file, 'utf8')).toBe('one two');
    expect(readdirSync(join(dir, 'streamed'))).toEqual(['numbers.bin']);
  });

  it('appends after the bytes it keeps, cutting bytes after them, and cuts back what a dropped append wrote', async () => {
    const file = join(dir, 'appended.bin');
    writeFileSync(file, 'keptKILLED');
    const out = await keptAppend(file, 4);
    await out?.write(Buffer.from('+new'));
    await out?.done();
    expect(readFileSync(file, 'utf8')).toBe('kept+new');
    const dropped = await keptAppend(file, 8);
    await dropped?.write(Buffer.from('+lost'));
    await dropped?.drop();
    expect(readFileSync(file, 'utf8')).toBe('kept+new');
    // A file shorter than what it should keep, or none, is not appended to.
    expect(await keptAppend(file, 9)).toBeUndefined();
    expect(await keptAppend(join(dir, 'none.bin'), 0)).toBeUndefined();
  });

  it('keys code by every .ts file under its folders, subfolders included, and by the extras', async () => {
    // Each folder is read once per process, so each variant is a folder of its own.
    const code = (name: string, nested: string, notes = 'notes'): string => {
      const folder = join(dir, 'code', name);
      mkdirSync(join(folder, 'formats'), { recursive: true });
      writeFileSync(join(folder, 'top.ts'), 'export const a = 1;\n');
      writeFileSync(join(folder, 'formats', 'nested.ts'), nested);
      writeFileSync(join(folder, 'README.md'), notes);
      return folder;
    };
    const base = await sourcesKey([code('base', 'export const b = 2;\n')]);
    expect(base).toMatch(/^[0-9a-f]{12}$/);
    expect(await sourcesKey([code('same', 'export const b = 2;\n')])).toBe(base);
    expect(await sourcesKey([code('nested-changed', 'export const b = 3;\n')])).not.toBe(base);
    expect(await sourcesKey([code('not-code', 'export const b = 2;\n', 'other notes')])).toBe(base);
    expect(await sourcesKey([join(dir, 'code', 'base')], 'stemmers 3.1.18')).not.toBe(base);
    cpSync(join(dir, 'code', 'base'), join(dir, 'code', 'copy'), { recursive: true });
    expect(await sourcesKey([join(dir, 'code', 'base'), join(dir, 'code', 'copy')])).not.toBe(base);
  });
});
