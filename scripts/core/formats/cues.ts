/**
 * What the subtitle formats (WebVTT and SRT) share: timestamps, splitting a
 * file into cues with their source lines, cleaning cue markup, finding the
 * speaker of each stretch of cue text, and merging timed utterances into
 * turns. The last step is also used by the diarized-JSON parser. Pure.
 *
 * Speakers, in order of strength:
 * - a voice tag, `<v Name>` or `<v.loud Name>` (closed or not), names the
 *   speaker of the text after it, up to `</v>` or the next voice tag;
 * - a `NAME:` prefix at the start of a cue line (`JOHN:`, `Dr. Smith:`,
 *   `- MARY: text`) names the speaker of that line and what follows it in the
 *   cue. The prefix must be name-shaped (`classifyLabelLine`) and either
 *   written without lower-case letters, or opened by a title (`Dr.`, `Mrs`),
 *   or used at least twice in the file; a one-off such as `Remember: …`
 *   stays text and is listed as unsure;
 * - a dialogue dash at the start of a cue line (`- text`) without a prefix is
 *   a change to an unknown speaker (label `''`);
 * - text with none of these continues the speaker of the cue before, when that
 *   speaker came from a prefix (the SRT convention, also applied to WebVTT
 *   files converted from SRT); after a voice tag, or at the start of the
 *   file, it has no speaker (label `''`).
 */
import { classifyLabelLine } from '../detect-label.ts';
import { type Problem, problem } from '../problems.ts';
import { type SourceLine, squash, toLines } from '../text.ts';
import {
  emptyDocument,
  type ParsedDocument,
  type ParsedParagraph,
  type ParsedTurn,
  type UnsureLabel,
} from './types.ts';

/** A pause longer than this (in seconds) between two utterances of one speaker starts a new paragraph. */
export const PARAGRAPH_GAP_SECONDS = 2;

/** `01:02:03.500`, `01:02.500`, `00:00:01,000` (SRT) → seconds; `undefined` when it is not a timestamp. */
export function parseTimestamp(text: string): number | undefined {
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const [, h = '0', min = '0', s = '0', frac = '0'] = m;
  // Whole milliseconds, divided once, so that 1.1 stays 1.1 and not 1.1000000000000001.
  const ms = ((Number(h) * 60 + Number(min)) * 60 + Number(s)) * 1000 + Math.round(Number(`0.${frac}`) * 1000);
  return ms / 1000;
}

/** A line that holds `-->` is a timing line, understood or not (cue text may not contain `-->`). */
export function isTimingLine(text: string): boolean {
  return text.includes('-->');
}

/** `00:00:01.000 --> 00:00:04.000 align:start` → start and end in seconds. */
export function parseTimingLine(text: string): { start: number; end: number } | undefined {
  const m = /^\s*([\d:.,]+)\s*-->\s*([\d:.,]+)(?:\s|$)/.exec(text);
  const start = m?.[1] === undefined ? undefined : parseTimestamp(m[1]);
  const end = m?.[2] === undefined ? undefined : parseTimestamp(m[2]);
  return start === undefined || end === undefined ? undefined : { start, end };
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
  quot: '"',
  apos: "'",
};

/** Decodes the character references cue text uses: `&amp; &lt; &gt; &nbsp; &lrm; &rlm;`, `&quot;`, `&#39;`, `&#x2014;`. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]+);/g, (all, name: string) => {
    if (name.startsWith('#')) {
      const code = /^#[xX]/.test(name) ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name] ?? all;
  });
}

/**
 * Markup of cue text: WebVTT's tags (`<i> <b> <u> <c.class> <lang en> <ruby> <rt>`), cue timestamps
 * (`<00:00:01.000>`), the HTML that SRT files carry (`<font color=…>`, `<br>`), and SSA overrides
 * (`{\an8}`). Only these names: `a < b and c > d` in a cue stays text.
 */
const MARKUP =
  /<\/?(?:c|i|b|u|v|lang|ruby|rt|font|span|em|strong|s|p|div|sup|sub|br)(?=[\s./>])[^<>]*>|<\d+(?::\d+)+(?:[.,]\d+)?>|\{\\[^{}]*\}/gi;

/** Cue text without its markup (the text inside tags kept), with entities decoded. White space is not squashed. */
export function cleanCueText(text: string): string {
  return decodeEntities(text.replace(MARKUP, (tag) => (/^<br\b/i.test(tag) ? ' ' : '')));
}

/** A cue as the file holds it: the line of its timing, its times when understood, and its text lines, markup kept. */
export interface RawCue {
  /** 1-based line of the timing line. */
  line: number;
  start?: number;
  end?: number;
  text: SourceLine[];
}

export interface CueFormat {
  format: 'webvtt' | 'srt';
  /**
   * How many leading lines of a block (lines between blank lines) are not cues and are skipped:
   * the WebVTT header, `NOTE`, `STYLE` and `REGION` blocks. `index` counts blocks from 0.
   */
  skipLines?: (block: readonly SourceLine[], index: number) => number;
}

/**
 * Splits subtitle lines into cues. A block (lines between blank lines) holds one cue: an optional
 * identifier line (the SRT index), a timing line, then text lines. Leniently:
 * - a block with several timing lines (a blank line missing) holds several cues; a line of digits
 *   just before a later timing line is that cue's index, any other line is text of the cue above;
 * - a block without a timing line (a blank line inside a cue's text) is read as more text of the
 *   cue above, and reported; before the first cue it is kept as preamble, and reported;
 * - a timing line that is not understood is reported, and its cue kept without times.
 */
export function splitCues(
  lines: readonly SourceLine[],
  file: string,
  skipLines: CueFormat['skipLines'],
): { cues: RawCue[]; preamble: ParsedParagraph[]; problems: Problem[] } {
  const cues: RawCue[] = [];
  const preamble: ParsedParagraph[] = [];
  const problems: Problem[] = [];

  const stray = (text: readonly SourceLine[]): void => {
    const first = text[0];
    if (!first) return;
    const last = cues.at(-1);
    if (last) {
      last.text.push(...text);
      problems.push(
        problem('subtitle-quirk', file, 'text without a timing line: read as more text of the cue above', first.line),
      );
      return;
    }
    const paragraph = squash(cleanCueText(text.map((l) => l.text).join(' ')));
    if (paragraph !== '') preamble.push({ text: paragraph, line: first.line });
    problems.push(problem('subtitle-quirk', file, 'text before the first cue: kept as preamble', first.line));
  };

  blocksOf(lines).forEach((whole, index) => {
    const block = whole.slice(skipLines?.(whole, index) ?? 0);
    const timings = block.flatMap((l, i) => (isTimingLine(l.text) ? [i] : []));
    const first = timings[0];
    if (first === undefined) {
      stray(block);
      return;
    }
    // The line just before the first timing line is the cue's identifier; anything before it is stray.
    stray(block.slice(0, Math.max(0, first - 1)));
    timings.forEach((t, k) => {
      const timing = block[t] as SourceLine;
      const next = timings[k + 1];
      let end = next ?? block.length;
      if (next !== undefined && next - 1 > t && /^\s*\d+\s*$/.test((block[next - 1] as SourceLine).text))
        end = next - 1;
      const times = parseTimingLine(timing.text);
      if (!times) {
        problems.push(
          problem('subtitle-quirk', file, `timing line not understood: \`${timing.text.trim()}\``, timing.line),
        );
      }
      cues.push({ line: timing.line, ...times, text: block.slice(t + 1, end) });
    });
  });
  return { cues, preamble, problems };
}

/** Runs of non-blank lines. */
function blocksOf(lines: readonly SourceLine[]): SourceLine[][] {
  const blocks: SourceLine[][] = [];
  let current: SourceLine[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** An utterance: timed text of one speaker, the unit turns are merged from. */
export interface Utterance {
  label: string;
  /** Squashed, non-empty text. */
  text: string;
  /** Line the text starts on: its paragraph's line when it starts one. */
  line: number;
  /** Line of the turn when the utterance starts one (a cue's timing line). */
  turnLine: number;
  start?: number;
  end?: number;
}

/**
 * Merges utterances into turns: consecutive utterances of one label are one turn, whose `start`
 * is its first utterance's start. Within a turn the texts run on in one paragraph, joined with a
 * space; a pause of more than {@link PARAGRAPH_GAP_SECONDS} between the end of one utterance and
 * the start of the next starts a new paragraph (when both times are known).
 */
export function mergeUtterances(utterances: readonly Utterance[]): ParsedTurn[] {
  const turns: ParsedTurn[] = [];
  let previous: Utterance | undefined;
  for (const u of utterances) {
    const turn = turns.at(-1);
    const paragraph = turn?.paragraphs.at(-1);
    if (!turn || !paragraph || !previous || previous.label !== u.label) {
      turns.push({
        label: u.label,
        line: u.turnLine,
        paragraphs: [{ text: u.text, line: u.line }],
        ...(u.start === undefined ? {} : { start: u.start }),
      });
    } else if (u.start !== undefined && previous.end !== undefined && u.start - previous.end > PARAGRAPH_GAP_SECONDS) {
      turn.paragraphs.push({ text: u.text, line: u.line });
    } else {
      paragraph.text = `${paragraph.text} ${u.text}`;
    }
    previous = u;
  }
  return turns;
}

/** A stretch of cue text and what marks its speaker. */
interface Piece {
  cue: RawCue;
  line: number;
  voice?: string;
  dash: boolean;
  prefix?: { name: string; raw: string };
  parts: string[];
}

const VOICE = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>|<\/v\s*>/g;
const DASH = /^[-‐–—](?:\s+|(?=[\p{L}"“'‘¿¡]))/u;
const PREFIX = /^([^:：︰]{1,60}?)\s*[:：︰](?=\s|$)\s*/u;

/** Splits a cue's text into pieces at voice tags, and at lines that open with a dash or a `NAME:` prefix. */
function piecesOf(cue: RawCue): Piece[] {
  const pieces: Piece[] = [];
  let current: Piece | undefined;
  for (const line of cue.text) {
    let atLineStart = true;
    let last = 0;
    const take = (raw: string): void => {
      let text = cleanCueText(raw);
      if (text.trim() === '') return;
      if (atLineStart) {
        atLineStart = false;
        text = text.trimStart();
        const dash = DASH.exec(text);
        if (dash) text = text.slice(dash[0].length);
        const prefix = PREFIX.exec(text);
        const verdict = prefix?.[1] === undefined ? undefined : classifyLabelLine(`${prefix[1]}:`);
        if (prefix && verdict?.label) text = text.slice(prefix[0].length);
        if (dash || verdict?.label || !current) {
          current = {
            cue,
            line: line.line,
            dash: dash !== null,
            ...(prefix && verdict?.label ? { prefix: { name: verdict.name, raw: prefix[0].trim() } } : {}),
            parts: [],
          };
          pieces.push(current);
        }
      } else if (!current) {
        current = { cue, line: line.line, dash: false, parts: [] };
        pieces.push(current);
      }
      if (text.trim() !== '') current.parts.push(text);
    };
    for (const tag of line.text.matchAll(VOICE)) {
      take(line.text.slice(last, tag.index));
      last = tag.index + tag[0].length;
      atLineStart = false;
      if (tag[0].startsWith('</')) {
        current = undefined;
      } else {
        current = { cue, line: line.line, voice: squash(decodeEntities(tag[1] ?? '')), dash: false, parts: [] };
        pieces.push(current);
      }
    }
    take(line.text.slice(last));
  }
  return pieces;
}

/** Titles that make a one-off mixed-case prefix a name: `Dr. Smith:`, `Mrs Jones:`. */
const TITLE = /^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame|Lord|Lady|Rev|Hon|Gen|Col|Capt|Lt|Sgt|Amb|Sen|Rep|Gov|Pres)\.?\s+\S/;

const fold = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A prefix is a label when written without lower case (`JOHN`), opened by a title (`Dr. Smith`), or used twice. */
function confirmed(name: string, counts: ReadonlyMap<string, number>): boolean {
  return !/\p{Ll}/u.test(name) || TITLE.test(name) || (counts.get(fold(name)) ?? 0) >= 2;
}

/** Gives every piece its speaker label (see the module's comment) and makes utterances of those with text. */
function attribute(pieces: readonly Piece[]): { utterances: Utterance[]; unsure: UnsureLabel[] } {
  const counts = new Map<string, number>();
  for (const p of pieces) if (p.prefix) counts.set(fold(p.prefix.name), (counts.get(fold(p.prefix.name)) ?? 0) + 1);

  const utterances: Utterance[] = [];
  const unsure: UnsureLabel[] = [];
  let speaker = { label: '', fromVoice: false };
  let lastCue: RawCue | undefined;
  for (const p of pieces) {
    let prefix = p.prefix;
    if (prefix && !confirmed(prefix.name, counts)) {
      unsure.push({
        line: p.line,
        label: prefix.name,
        reason: `not taken as a label: \`${prefix.name}\` starts only this cue`,
      });
      p.parts.unshift(prefix.raw);
      prefix = undefined;
    }
    if (p.voice !== undefined) speaker = { label: p.voice, fromVoice: true };
    else if (prefix) speaker = { label: prefix.name, fromVoice: false };
    else if (p.dash || speaker.fromVoice) speaker = { label: '', fromVoice: false };

    const text = squash(p.parts.join(' '));
    if (text === '') continue;
    const startsCue = p.cue !== lastCue;
    lastCue = p.cue;
    utterances.push({
      label: speaker.label,
      text,
      line: p.line,
      turnLine: startsCue ? p.cue.line : p.line,
      ...(p.cue.start === undefined ? {} : { start: p.cue.start }),
      ...(p.cue.end === undefined ? {} : { end: p.cue.end }),
    });
  }
  return { utterances, unsure };
}

/** The whole subtitle pipeline: lines → cues → pieces → utterances → turns. */
export function parseCues(text: string, file: string, { format, skipLines }: CueFormat): ParsedDocument {
  const doc = emptyDocument(format);
  if (text.trim() === '') return doc;
  const split = splitCues(toLines(text.replace(/^\uFEFF/, '')), file, skipLines);
  const { utterances, unsure } = attribute(split.cues.flatMap(piecesOf));
  doc.preamble = split.preamble;
  doc.turns = mergeUtterances(utterances);
  doc.unsure = unsure;
  doc.problems = split.problems;
  if (split.cues.length === 0 && split.problems.length === 0) {
    doc.problems.push(problem('invalid-subtitles', file, 'the file has no cues', 1));
  }
  return doc;
}
