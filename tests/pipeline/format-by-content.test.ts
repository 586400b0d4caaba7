/**
 * Issue 17.1: a file's format comes from its content, not its name. Bold
 * Markdown labels in a `.txt` are labels; a file with no ending, `.text` or
 * `.markdown` is read; a binary file is skipped, named with the reason.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { detectFormat } from '../../scripts/core/formats/detect-format.ts';
import { ingestTranscript } from '../../scripts/core/ingest-transcript.ts';
import { readSeeds } from '../../scripts/ingest/read-seeds-fs.ts';

const DEBATE = [
  '**MS. RIDINGS:** Good evening. Welcome to the debate.',
  '',
  '**   JIM LEHRER:** Thank you. The first question goes to the President.',
  '',
  '**THE PRESIDENT:** I am glad to be here.',
  '',
  '**LEHRER:** And to you, sir.',
  '',
  '**MR. MONDALE:** Thank you, Jim.',
  '',
].join('\n');

const turnsOf = (file: string, text: string) => {
  const r = ingestTranscript({ file, text, meta: {}, hash: 'h' });
  return (r.transcript?.turns ?? []).map((t) => [t.label, t.paragraphs.join(' ')]);
};

describe('format by content', () => {
  test('bold Markdown labels in a .txt file, stray spaces inside the bold included, are labels', () => {
    expect(detectFormat('debate.txt', DEBATE)).toBe('markdown');
    expect(turnsOf('debate.txt', DEBATE)).toEqual([
      ['MS. RIDINGS', 'Good evening. Welcome to the debate.'],
      ['JIM LEHRER', 'Thank you. The first question goes to the President.'],
      ['THE PRESIDENT', 'I am glad to be here.'],
      ['LEHRER', 'And to you, sir.'],
      ['MR. MONDALE', 'Thank you, Jim.'],
    ]);
  });

  test('a plain .txt without bold labels stays plain text', () => {
    expect(detectFormat('a.txt', 'Anna: Hello **there**.\n\nBen: Hi.\n')).toBe('label-lines');
  });

  test('front matter in a .txt makes it Markdown', () => {
    expect(detectFormat('a.txt', '---\ntitle: X\n---\nAnna: Hello.\n')).toBe('markdown');
  });

  test('a file with no ending or `.text` is parsed by its content', () => {
    expect(turnsOf('debate', DEBATE).length).toBe(5);
    expect(turnsOf('notes.text', 'Anna: Hello.\n\nBen: Hi.\n\nAnna: Bye.\n')).toEqual([
      ['Anna', 'Hello.'],
      ['Ben', 'Hi.'],
      ['Anna', 'Bye.'],
    ]);
  });
});

describe('reading the seeds folder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'format-by-content-'));
    await writeFile(join(dir, 'debate'), DEBATE);
    await writeFile(join(dir, 'notes.text'), 'Anna: Hello.\n');
    await writeFile(join(dir, 'talk.markdown'), '**Anna:** Hello.\n');
    await writeFile(join(dir, 'recording.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x41]));
    await writeFile(join(dir, 'LICENSE'), 'MIT License\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('reads text files whatever their ending, skips a binary one by name with the reason', async () => {
    const seeds = await readSeeds(dir);
    expect(seeds.sources.map((s) => s.file).sort()).toEqual(['debate', 'notes.text', 'talk.markdown']);
    expect(seeds.skipped).toContainEqual({
      file: 'recording.txt',
      reason: 'not text: a NUL byte on line 1 (a binary file)',
    });
    expect(seeds.skipped.map((s) => s.file)).toContain('LICENSE');
  });
});
