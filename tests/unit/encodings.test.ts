import { expect, test } from 'vitest';
import { decodeText } from '../../scripts/core/text.ts';

const TEXT = 'Anna Berg:\r\nCafé — “quoted” 王毅\r\n';
const utf16 = (le: boolean) => {
  const out = [le ? 0xff : 0xfe, le ? 0xfe : 0xff];
  for (const unit of TEXT.split('').map((c) => c.charCodeAt(0)))
    out.push(...(le ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  return new Uint8Array(out);
};

test('UTF-8 with and without BOM reads the same', () => {
  const plain = new TextEncoder().encode(TEXT);
  expect(decodeText(plain, 'x')).toEqual({ text: TEXT });
  expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]), 'x')).toEqual({ text: TEXT });
});

test.each([true, false])('UTF-16 with its BOM reads correctly (little-endian: %s)', (le) => {
  expect(decodeText(utf16(le), 'x')).toEqual({ text: TEXT });
});

test('Windows-1252 text is refused at its line, naming the encoding and the fix', () => {
  const bytes = new Uint8Array([...new TextEncoder().encode('Anna Berg:\ncaf'), 0xe9, 0x20, 0x93, 0x71, 0x94, 10]);
  const result = decodeText(bytes, 'old.txt');
  expect('problem' in result && [result.problem.code, result.problem.line]).toEqual(['invalid-encoding', 2]);
  expect('problem' in result && result.problem.message).toContain('Windows-1252');
});

test('a truncated multi-byte character is refused, not dropped', () => {
  const result = decodeText(new Uint8Array([0x41, 0x0a, 0xe7, 0x8e]), 'x');
  expect('problem' in result && result.problem.line).toBe(2);
});

test.each([
  [true, 'UTF-16LE'],
  [false, 'UTF-16BE'],
])('UTF-16 without its BOM is refused naming the encoding and the fix (little-endian: %s)', (le, name) => {
  const result = decodeText(utf16(le).slice(2), 'x');
  expect('problem' in result && [result.problem.code, result.problem.line, result.problem.message]).toEqual([
    'invalid-encoding',
    1,
    `the file looks like ${name} without a byte order mark; convert it with \`iconv -f ${name} -t UTF-8\``,
  ]);
});

test('a binary file with NUL bytes is still called binary, at the line of the first NUL', () => {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]);
  const result = decodeText(bytes, 'x.txt');
  expect('problem' in result && [result.problem.code, result.problem.line]).toEqual(['binary-file', 3]);
});
