/**
 * Parser for diarized speech-to-text output in JSON (`.json`), as WhisperX,
 * whisper and similar tools write it:
 *
 *     { "segments": [
 *         { "start": 0.03, "end": 4.2, "text": " Good morning.", "speaker": "SPEAKER_00" },
 *         { "start": 4.5, "end": 6.1, "text": " Thank you.", "speaker": 1 } ] }
 *
 * or the bare array of segments. A segment's `speaker` is a string (kept as
 * written) or a number (`1` → `Speaker 1`); `start` and `end` are seconds, as
 * numbers or numeric strings; `text` is the words. Other fields are ignored.
 */
import { shownValue } from '../metadata-shapes.ts';
import { type Problem, problem } from '../problems.ts';
import { squash } from '../text.ts';
import { mergeUtterances, type Utterance } from './cues.ts';
import { emptyDocument, type ParsedDocument } from './types.ts';

const EXPECTED = 'expected an array of segments, or an object with "segments"';

/**
 * Parses diarized JSON into turns. Consecutive segments of one speaker make
 * one turn, whose `start` is its first segment's start; their texts run on in
 * one paragraph joined with single spaces, and a pause of more than two
 * seconds between segments starts a new paragraph. Segments without a speaker
 * get the label `''`; segments with empty text are skipped. `line` is the line
 * where the segment's object starts in the source. Pure; never throws: JSON
 * that does not parse, or is not of the shape above, gives an `invalid-json`
 * problem (with its line where known) and no turns.
 */
export function parseDiarizedJson(text: string, file: string): ParsedDocument {
  const doc = emptyDocument('diarized-json');
  if (text.trim() === '') return doc;
  const source = text.replace(/^\uFEFF/, '');
  const lineOf = lineFinder(source);

  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    doc.problems.push(problem('invalid-json', file, message, errorLine(message, source, lineOf)));
    return doc;
  }

  const key = Array.isArray(data) ? undefined : 'segments';
  const segments = Array.isArray(data) ? data : isRecord(data) ? data['segments'] : undefined;
  if (!Array.isArray(segments)) {
    const found =
      isRecord(data) && 'segments' in data ? `"segments" is ${describe(segments)}` : `found ${describe(data)}`;
    doc.problems.push(problem('invalid-json', file, `${EXPECTED}; ${found}`, 1));
    return doc;
  }

  const offsets = elementOffsets(source, key);
  const utterances: Utterance[] = [];
  segments.forEach((segment: unknown, i) => {
    const offset = offsets[i];
    const line = offset === undefined ? 1 : lineOf(offset);
    const read = readSegment(segment, i + 1, file, line);
    if ('problem' in read) doc.problems.push(read.problem);
    else {
      doc.problems.push(...read.warnings);
      if (read.utterance) utterances.push(read.utterance);
    }
  });
  doc.turns = mergeUtterances(utterances);
  return doc;
}

function readSegment(
  segment: unknown,
  n: number,
  file: string,
  line: number,
): { utterance?: Utterance; warnings: Problem[] } | { problem: Problem } {
  if (!isRecord(segment)) {
    return { problem: problem('invalid-json', file, `segment ${n} is ${describe(segment)}, expected an object`, line) };
  }
  const raw = segment['text'];
  if (raw !== undefined && raw !== null && typeof raw !== 'string' && typeof raw !== 'number') {
    return { problem: problem('invalid-json', file, `segment ${n} has a "text" that is ${describe(raw)}`, line) };
  }
  const text = squash(raw === undefined || raw === null ? '' : String(raw));
  if (text === '') return { warnings: [] };
  const warnings: Problem[] = [];
  const time = (key: 'start' | 'end'): number | undefined => {
    const value = segment[key];
    const at = seconds(value);
    if (at === undefined && value !== undefined && value !== null && value !== '') {
      warnings.push(
        problem(
          'invalid-time',
          file,
          `segment ${n} has a "${key}" of ${shownValue(typeof value === 'string' ? value : String(JSON.stringify(value)))}, not a time in seconds: the text is kept without it`,
          line,
        ),
      );
    }
    return at;
  };
  const start = time('start');
  const end = time('end');
  return {
    warnings,
    utterance: {
      label: speakerLabel(segment['speaker']),
      text,
      line,
      turnLine: line,
      ...(start === undefined ? {} : { start }),
      ...(end === undefined ? {} : { end }),
    },
  };
}

/** A string speaker as written (trimmed), a number as `Speaker N`, anything else as no speaker. */
function speakerLabel(speaker: unknown): string {
  if (typeof speaker === 'string') return speaker.trim();
  if (typeof speaker === 'number' && Number.isFinite(speaker)) return `Speaker ${speaker}`;
  return '';
}

/** Seconds from a number or a numeric string; `undefined` for anything else or a negative time. */
function seconds(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `an object with keys "text", "language"`, `a string`, `null`: for messages. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty object';
    const shown = keys.slice(0, 5).map((k) => `"${k}"`);
    return `an object with keys ${shown.join(', ')}${keys.length > 5 ? ', …' : ''}`;
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Offset → 1-based line, counting LF, CRLF and CR endings as `toLines` does. */
function lineFinder(source: string): (offset: number) => number {
  const starts = [0];
  for (const m of source.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The line of a `JSON.parse` error: from its position, else from its `(line N …)`, else the last line for a cut-off file. */
function errorLine(message: string, source: string, lineOf: (offset: number) => number): number | undefined {
  const position = /\bposition (\d+)/.exec(message)?.[1];
  if (position !== undefined) return lineOf(Number(position));
  const line = /\bline (\d+)/.exec(message)?.[1];
  if (line !== undefined) return Number(line);
  if (/end of (?:JSON )?input/i.test(message)) return lineOf(source.trimEnd().length);
  return undefined;
}

/**
 * Offsets where the elements of the segments array start: the top-level array's when `key` is
 * undefined, else the array under `key` in the top-level object (the last one, as `JSON.parse`
 * keeps the last of duplicate keys). A scan of tokens, for text `JSON.parse` has accepted.
 */
function elementOffsets(source: string, key: string | undefined): number[] {
  let offsets: number[] = [];
  const stack: { array: boolean; target: boolean; key?: string }[] = [];
  let expectKey = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    const top = stack.at(-1);
    if (/[\s:]/.test(c)) continue;
    if (c === ',') {
      expectKey = top !== undefined && !top.array;
      continue;
    }
    if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
      continue;
    }
    if (c === '"' && top && !top.array && expectKey) {
      const end = stringEnd(source, i);
      top.key = JSON.parse(source.slice(i, end + 1)) as string;
      expectKey = false;
      i = end;
      continue;
    }
    // The start of a value.
    if (top?.array && top.target) offsets.push(i);
    if (c === '{' || c === '[') {
      const target =
        c === '[' && (key === undefined ? stack.length === 0 : stack.length === 1 && !top?.array && top?.key === key);
      if (target) offsets = [];
      stack.push({ array: c === '[', target });
      expectKey = c === '{';
    } else if (c === '"') {
      i = stringEnd(source, i);
    } else {
      // A number, true, false or null: up to the next delimiter.
      while (i + 1 < source.length && !/[\s,\]}]/.test(source[i + 1] as string)) i++;
    }
  }
  return offsets;
}

/** Index of the quote that closes the string opening at `start`. */
function stringEnd(source: string, start: number): number {
  for (let j = start + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === '"') return j;
  }
  return source.length - 1;
}
