/**
 * Golden files: every `tests/fixtures/parser/<case>/input.<ext>` read by the
 * parser its ending names must give exactly `expected.json` beside it (the
 * whole ParsedDocument). The parser is the one the ingest would pick for the
 * file (`detectFormat`), given the input's path relative to the repository.
 * To add a case, drop `input.<ext>` in a new folder, write expected.json by
 * running the parser, then read it and check it by hand before keeping it.
 */
import { globSync, readFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { expect, test } from 'vitest';
import { detectFormat, PARSERS } from '../../../scripts/core/formats/detect-format.ts';

const cases = globSync('tests/fixtures/parser/*/input.*')
  .map((input) => {
    const text = readFileSync(input, 'utf8');
    return { input, text, parse: PARSERS[detectFormat(input, text)] };
  })
  .sort((a, b) => a.input.localeCompare(b.input));

test('there are golden cases for every format family, at least three real files for Markdown', () => {
  const extensions = cases.map((c) => extname(c.input));
  for (const ext of ['.txt', '.md', '.vtt', '.srt', '.json']) expect(extensions).toContain(ext);
  expect(extensions.filter((e) => e === '.md').length).toBeGreaterThanOrEqual(3);
});

test.each(cases)('$input parses to its expected.json', ({ input, text, parse }) => {
  const expected: unknown = JSON.parse(readFileSync(`${dirname(input)}/expected.json`, 'utf8'));
  expect(parse(text, input)).toEqual(expected);
});
