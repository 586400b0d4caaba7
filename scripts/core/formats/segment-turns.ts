/**
 * Turns a sequence of blocks (paragraphs and headings, as a format's reader
 * found them) into turns. Shared by the plain-text and Markdown parsers.
 *
 * A turn starts at:
 * - a label standing alone (`Qi Yanjun:`, `Aaron van Wirdum: 00:00:19`), when text follows;
 * - a strong inline label (`**Name:** text` in Markdown): bold marks it as a label;
 * - a plain inline label (`Name: text`, `THE PRESIDENT. text`, `Q. text`) when the
 *   label is name-shaped AND the file confirms it: it recurs, or is a generic
 *   label (`Q`, `A`), or also stands alone elsewhere. A one-off (`Side note: …`,
 *   `Part 1: …`) stays text and is listed as unsure in the report.
 * A heading starts a section; a heading inside a speaker's turn continues that
 * speaker in a new turn, so every section has its own anchor.
 */
import { classifyLabelLine } from '../detect-label.ts';
import type { ParsedDocument, ParsedParagraph, ParsedSection, ParsedTurn, UnsureLabel } from './types.ts';

export interface Block {
  text: string;
  line: number;
  heading?: boolean;
  /** A label the reader already knows is one (bold in Markdown), with the text after it. */
  strongLabel?: { name: string; rest: string };
}

/** Labels that are roles in question-and-answer records (English, Spanish, Chinese); always accepted inline. */
const GENERIC_INLINE = /^(?:q|a|p|r|question|answer|pregunta|respuesta|speaker \d+|问|答|记者|主持人)$/i;
/** Upper-case words that open sentences, never speakers: `OK. Next`, `NO. Never`. */
const INTERJECTIONS = /^(?:OK|OKAY|NO|YES|YEAH|WELL|SO|RIGHT|THANKS|HI|HELLO|OH|AH|UH|UM|HMM|WOW|GOOD|SURE|AND|BUT|I)$/;
/** Titles that make `Mr. Smith. Thank you.` a label in the period style. */
const HONORIFIC =
  /^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Amb|Secretary|Senator|President|Governor|General|Ambassador|Minister|Chairman|Chairwoman|Judge|Justice)\.?$/;
const TIMESTAMP = /^\[?(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)\]?$/;

/** `01:02:03.5` → 3723.5 seconds. */
export function parseClock(clock: string): number | undefined {
  const m = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(clock.trim());
  if (!m) return undefined;
  const [, h = '0', min = '0', s = '0', frac = ''] = m;
  return Number(h) * 3600 + Number(min) * 60 + Number(s) + (frac ? Number(`0.${frac}`) : 0);
}

type Candidate =
  | { kind: 'standalone'; name: string; start?: number }
  | { kind: 'inline'; name: string; rest: string; strong: boolean; style: 'colon' | 'period' };

/** A label standing alone on its line, with an optional timestamp after the colon. */
export function standaloneLabel(text: string): { name: string; start?: number } | undefined {
  if (text.includes('\n')) return undefined;
  const timed = /^(.*?[:：︰])\s*(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)$/u.exec(text);
  const verdict = classifyLabelLine(timed?.[1] ?? text);
  if (!verdict.label) return undefined;
  const start = timed?.[2] ? parseClock(timed[2]) : undefined;
  return start === undefined ? { name: verdict.name } : { name: verdict.name, start };
}

/** A label at the start of a paragraph: `Name: text`, `NAME. text`, `Mr. Smith. text`. */
export function inlineLabel(text: string): { name: string; rest: string; style: 'colon' | 'period' } | undefined {
  const colon = /^([^:：︰\n]{1,60}?)\s*[:：︰]\s*(\S[\s\S]*)$/u.exec(text);
  if (
    colon?.[1] &&
    colon[2] &&
    classifyLabelLine(`${colon[1]}:`).label &&
    !TIMESTAMP.test(colon[2].split(/\s/)[0] ?? '')
  ) {
    return { name: colon[1].trim(), rest: colon[2], style: 'colon' };
  }
  const period =
    /^((?:[\p{Lu}][\p{Lu}'’-]*\.?\s){0,3}[\p{Lu}][\p{Lu}'’-]*|(?:\p{Lu}\p{Ll}+\.?)\s\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?)\.\s+(\S[\s\S]*)$/u.exec(
      text,
    );
  if (period?.[1] && period[2]) {
    const name = period[1].trim();
    const first = name.split(/\s+/)[0] ?? '';
    const allCaps = !/\p{Ll}/u.test(name);
    if (allCaps && !INTERJECTIONS.test(name.replace(/\.$/, ''))) return { name, rest: period[2], style: 'period' };
    if (!allCaps && HONORIFIC.test(first)) return { name, rest: period[2], style: 'period' };
  }
  return undefined;
}

function candidateOf(block: Block): Candidate | undefined {
  if (block.heading) return undefined;
  if (block.strongLabel) return { kind: 'inline', ...block.strongLabel, strong: true, style: 'colon' };
  const alone = standaloneLabel(block.text);
  if (alone) return { kind: 'standalone', ...alone };
  const inline = inlineLabel(block.text);
  return inline ? { kind: 'inline', ...inline, strong: false } : undefined;
}

const fold = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export type Segmented = Pick<ParsedDocument, 'preamble' | 'turns' | 'sections' | 'unsure'> & {
  /** How many turns began at a label standing alone, and at an inline label. */
  styles: { standalone: number; inline: number };
};

export function segmentTurns(blocks: readonly Block[]): Segmented {
  const candidates = blocks.map(candidateOf);
  // Standalone labels must be followed by text, not by another label or the end.
  const standalone = candidates.map((c, i) => {
    if (c?.kind !== 'standalone') return false;
    const next = blocks.slice(i + 1).findIndex((b) => !b.heading);
    const nextCandidate = next === -1 ? undefined : candidates[i + 1 + next];
    return next !== -1 && nextCandidate?.kind !== 'standalone';
  });
  const counts = new Map<string, number>();
  const aloneNames = new Set<string>();
  candidates.forEach((c, i) => {
    if (c?.kind === 'inline') counts.set(fold(c.name), (counts.get(fold(c.name)) ?? 0) + 1);
    if (c?.kind === 'standalone' && standalone[i]) aloneNames.add(fold(c.name));
  });

  const unsure: UnsureLabel[] = [];
  const styles = { standalone: 0, inline: 0 };
  const preamble: ParsedParagraph[] = [];
  const turns: ParsedTurn[] = [];
  const sections: ParsedSection[] = [];
  let current: ParsedTurn | undefined;
  /** The current turn was opened by a heading, not by a label in the source. */
  let continuation = false;
  const paragraph = (text: string, line: number): void => {
    (current ? current.paragraphs : preamble).push({ text, line });
  };
  const startTurn = (label: string, line: number, start: number | undefined): void => {
    closeTurn();
    current = { label, line, paragraphs: [], ...(start === undefined ? {} : { start }) };
    continuation = false;
  };
  const closeTurn = (): void => {
    if (!current) return;
    // A label with nothing after it (`**Break:**`, `Jingle:`) marks a break in the show: a section.
    // A turn a heading opened for the same speaker, and that stayed empty, is simply dropped.
    if (current.paragraphs.length > 0) turns.push(current);
    else if (!continuation) sections.push({ title: current.label, line: current.line, beforeTurn: turns.length });
    current = undefined;
  };

  blocks.forEach((block, i) => {
    const c = candidates[i];
    if (block.heading) {
      const label = current?.label;
      closeTurn();
      sections.push({ title: block.text, line: block.line, beforeTurn: turns.length });
      if (label !== undefined) {
        current = { label, line: block.line, paragraphs: [] };
        continuation = true;
      }
      return;
    }
    if (c?.kind === 'standalone' && standalone[i]) {
      styles.standalone++;
      startTurn(c.name, block.line, c.start);
      return;
    }
    if (c?.kind === 'inline') {
      const n = counts.get(fold(c.name)) ?? 0;
      const confirmed = c.strong || n >= 2 || GENERIC_INLINE.test(c.name) || aloneNames.has(fold(c.name));
      if (confirmed) {
        styles.inline++;
        const timed = leadingTimestamp(c.rest);
        startTurn(c.name, block.line, timed.text === '' ? undefined : timed.start);
        const text = timed.text === '' ? c.rest : timed.text;
        if (text !== '') paragraph(text, block.line);
        return;
      }
      unsure.push({
        line: block.line,
        label: c.name,
        reason: `not taken as a label: \`${c.name}\` starts only this paragraph`,
      });
    }
    // A timestamp opening a turn is the turn's start; later ones stay in the text where they stand.
    let text = block.text;
    if (current && current.paragraphs.length === 0 && current.start === undefined) {
      const timed = leadingTimestamp(text);
      if (timed.start !== undefined && timed.text !== '') {
        current.start = timed.start;
        text = timed.text;
      }
    }
    paragraph(text, block.line);
  });
  closeTurn();
  return { preamble, turns, sections, unsure, styles };
}

/** `\[03:51\] Text` or `[03:51] Text` → the text and 231 seconds. */
function leadingTimestamp(text: string): { text: string; start?: number } {
  const m = /^\\?\[(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)\\?\]\s*/.exec(text);
  const start = m?.[1] ? parseClock(m[1]) : undefined;
  if (!m || start === undefined) return { text };
  return { text: text.slice(m[0].length), start };
}
