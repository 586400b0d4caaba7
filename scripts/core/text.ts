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
    return { problem: problem('binary-file', file, 'the file contains NUL bytes: it looks binary', lineAt(bytes, nul)) };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return {
      problem: problem('invalid-encoding', file, 'the file is not valid UTF-8', bad === -1 ? undefined : lineAt(bytes, bad)),
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

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Binary search on the longest valid prefix; a valid prefix may end inside a
  // multi-byte sequence, so step back up to three bytes.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (validPrefix(decoder, bytes, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo < bytes.length ? lo : -1;
}

function validPrefix(decoder: TextDecoder, bytes: Uint8Array, end: number): boolean {
  for (let back = 0; back < 4 && end - back >= 0; back++) {
    try {
      decoder.decode(bytes.subarray(0, end - back));
      return true;
    } catch {
      // try a shorter prefix: the cut may fall inside a character
    }
  }
  return false;
}

/** `1 turn`, `2 turns`, `1,204 speakers`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
