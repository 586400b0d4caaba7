/**
 * Turning bytes into lines of text, and counting words. Pure functions.
 */
import { type Problem, problem } from './problems.ts';

/** A line of the source with its 1-based line number. */
export interface SourceLine {
  text: string;
  line: number;
}

/**
 * Decodes a transcript's bytes. UTF-8 with or without BOM, and UTF-16 (LE or
 * BE) with its BOM, are read. Anything else is refused with the line of the
 * first bad byte, so that nothing silently vanishes: bytes that are not UTF-8
 * (a legacy encoding such as Windows-1252, named in the message when it looks
 * like one), and NUL bytes outside UTF-16 (a binary file).
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string } | { problem: Problem } {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined;
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes) };
    } catch {
      return {
        problem: problem(
          'invalid-encoding',
          file,
          `the file starts with a ${utf16.toUpperCase()} byte order mark but is not valid ${utf16.toUpperCase()}`,
          1,
        ),
      };
    }
  }
  const nul = bytes.indexOf(0);
  const bomless = nul === -1 ? undefined : utf16WithoutBom(bytes);
  if (bomless) {
    return {
      problem: problem(
        'invalid-encoding',
        file,
        `the file looks like ${bomless} without a byte order mark; convert it with \`iconv -f ${bomless} -t UTF-8\``,
        1,
      ),
    };
  }
  if (nul !== -1) {
    return {
      problem: problem('binary-file', file, 'the file contains NUL bytes: it looks binary', lineAt(bytes, nul)),
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const legacy = looksSingleByte(bytes)
      ? ': it looks like Windows-1252 or Latin-1; convert it with `iconv -f WINDOWS-1252 -t UTF-8`'
      : '';
    return {
      problem: problem(
        'invalid-encoding',
        file,
        `the file is not valid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16)} at offset ${bad})${legacy}`,
        lineAt(bytes, bad),
      ),
    };
  }
}

/**
 * Whether bytes are not text at all: NUL bytes in what is neither UTF-16 with
 * a byte order mark nor UTF-16 without one. Such a file is skipped, named in
 * the skipped list, instead of being read as a transcript.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.indexOf(0) !== -1 && utf16WithoutBom(bytes) === undefined;
}

/**
 * UTF-16 text saved without its byte order mark: in its first kilobyte, most
 * every other byte is NUL (the high byte of Latin text), on one side only.
 */
function utf16WithoutBom(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.5 && evenNul === 0) return 'UTF-16LE';
  if (evenNul > pairs * 0.5 && oddNul === 0) return 'UTF-16BE';
  return undefined;
}

/** Mostly ASCII with high bytes standing alone between letters: the mark of a single-byte legacy encoding. */
function looksSingleByte(bytes: Uint8Array): boolean {
  let high = 0;
  let lone = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80) continue;
    high++;
    const next = bytes[i + 1] ?? 0;
    if (next < 0x80) lone++;
  }
  return high > 0 && lone / high > 0.5;
}

/** Splits text into lines, accepting LF, CRLF and CR endings. */
export function toLines(text: string): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ text: t, line: i + 1 }));
}

/** Words as a reader counts them: runs of letters, digits and joining marks. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+(?:['’.-][\p{L}\p{N}\p{M}]+)*/gu) ?? [];
}

/** Scripts written without spaces between words: a run of them is many words, not one. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * How many words a reader counts in a text, in every language: text in a
 * script written without spaces (Chinese, Japanese, Thai) is split into words
 * by `Intl.Segmenter`, so `我们的立场是一贯的` is six words, not one; other text
 * counts as {@link wordsOf} does.
 */
export function countWords(text: string): number {
  if (!UNSPACED.test(text)) return wordsOf(text).length;
  let n = 0;
  for (const s of segmenter.segment(text)) if (s.isWordLike) n++;
  return n;
}

/** Collapses runs of white space to one space and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const [length, min, max] =
      b < 0x80
        ? [1, 0, 0]
        : b >= 0xc2 && b <= 0xdf
          ? [2, 0x80, 0xbf]
          : b === 0xe0
            ? [3, 0xa0, 0xbf]
            : b === 0xed
              ? [3, 0x80, 0x9f]
              : b >= 0xe1 && b <= 0xef
                ? [3, 0x80, 0xbf]
                : b === 0xf0
                  ? [4, 0x90, 0xbf]
                  : b >= 0xf1 && b <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : b === 0xf4
                      ? [4, 0x80, 0x8f]
                      : [0, 0, 0];
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k] as number;
      // The second byte has a narrower range for some leads (no overlongs, no surrogates).
      if (k === 1 ? c < min || c > max : c < 0x80 || c > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}

/** `1 turn`, `2 turns`, `1,204 speakers`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** `812 bytes`, `14.2 KB`, `3.4 MB` (powers of 1,000, as file managers show them). */
export function formatBytes(n: number): string {
  if (n < 1000) return plural(n, 'byte');
  const [value, unit] = n < 1e6 ? [n / 1e3, 'KB'] : n < 1e9 ? [n / 1e6, 'MB'] : [n / 1e9, 'GB'];
  return `${value.toFixed(1)} ${unit}`;
}
