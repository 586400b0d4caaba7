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
 * Decodes a transcript's bytes. UTF-8 with or without BOM is accepted;
 * bytes that are not valid UTF-8, or NUL bytes (a binary file), are refused
 * with the line they stand on, so that nothing silently vanishes.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string } | { problem: Problem } {
  const nul = bytes.indexOf(0);
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
    return {
      problem: problem(
        'invalid-encoding',
        file,
        `the file is not valid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16)} at offset ${bad})`,
        lineAt(bytes, bad),
      ),
    };
  }
}

/** Splits text into lines, accepting LF, CRLF and CR endings. */
export function toLines(text: string): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ text: t, line: i + 1 }));
}

/** Words as a reader counts them: runs of letters, digits and joining marks. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+(?:['’.-][\p{L}\p{N}\p{M}]+)*/gu) ?? [];
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
