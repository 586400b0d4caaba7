import { expect, test } from 'vitest';
import { frontMatterToMeta, languageFromFileName } from '../../scripts/core/front-matter.ts';

test('known fields are taken by their common names; unknown ones are ignored', () => {
  const { meta, problems } = frontMatterToMeta(
    {
      title: 'T',
      date: new Date('2024-12-20T00:00:00Z'),
      speakers: 'Mark Erhardt',
      source_file: 'https://e.org/v',
      transcript_by: 'x',
      tags: ['a'],
    },
    'x.md',
  );
  expect(meta).toEqual({
    title: 'T',
    date: '2024-12-20',
    speakers: ['Mark Erhardt'],
    source: 'https://e.org/v',
    transcriber: 'x',
    tags: ['a'],
  });
  expect(problems).toEqual([]);
});

test('a bad value drops that field with a warning, and keeps the rest', () => {
  const { meta, problems } = frontMatterToMeta({ title: 'T', date: 'last Tuesday', media: 'not a url' }, 'x.md');
  expect(meta).toEqual({ title: 'T' });
  expect(problems.map((p) => [p.code, p.severity])).toEqual([
    ['invalid-front-matter', 'warning'],
    ['invalid-front-matter', 'warning'],
  ]);
});

test('a language tag in the file name', () => {
  expect(languageFromFileName('a/talk.zh.md')).toBe('zh');
  expect(languageFromFileName('a/talk.md')).toBeUndefined();
});
