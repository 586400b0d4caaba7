/**
 * Turns a sequence of blocks (paragraphs and headings, as a format's reader
 * found them) into turns. Shared by the plain-text and Markdown parsers.
 *
 * The document's label style is learned before it is split. Every block that
 * opens with something label-shaped is a candidate: a label standing alone
 * (`Qi Yanjun:`), bold (`**Name:** text`), colon style (`Name: text`) or
 * period style (`THE PRESIDENT. text`, `Mr. Smith. text`, `The President. text`).
 * - A label standing alone starts a turn when text follows it; bold marks a label.
 * - An inline candidate is scored against the whole document (see {@link scoreOf}):
 *   it recurs, it is a generic label (`Q`, `Reporter`), it also stands alone
 *   elsewhere, it is written in the style and case the document's sure labels
 *   use, it sits between two turns in a run of short turns. A one-off needs
 *   more evidence than a label that recurs; title case without a title
 *   (`The President.`) counts only where the document already uses the period style.
 *   Every decision on a one-off is listed as unsure, with its score, for `--report`.
 * - `Key: value` lines before the first turn (`President: Ronald Reagan`,
 *   `Date: October 7, 1984`) are a header: preamble, never a turn.
 * - A pseudo-speaker (`Break`, `Jingle`, see `label-kinds.ts`) opens a section,
 *   its timestamp the section's start; text after it is nobody's turn.
 * A heading starts a section; a heading inside a speaker's turn continues that
 * speaker in a new turn, so every section has its own anchor.
 */
import { classifyLabelLine } from '../detect-label.ts';
import { isGenericLabel, isPseudoSpeaker } from '../label-kinds.ts';
import { parseClock, timestampAlone, timestampAtLabel, wrappedTimestamp } from './timestamps.ts';
import type { ParsedDocument, ParsedParagraph, ParsedSection, ParsedTurn, UnsureLabel } from './types.ts';

export interface Block {
  text: string;
  line: number;
  heading?: boolean;
  /** A label the reader already knows is one (bold in Markdown), with the text after it. */
  strongLabel?: { name: string; rest: string };
  /** A timestamp the reader found before a bold label (`[00:12:03] **Name:** …`). */
  start?: number;
}

/** Upper-case words that open sentences, never speakers: `OK. Next`, `NO. Never`. */
const INTERJECTIONS = /^(?:OK|OKAY|NO|YES|YEAH|WELL|SO|RIGHT|THANKS|HI|HELLO|OH|AH|UH|UM|HMM|WOW|GOOD|SURE|AND|BUT|I)$/;
/** Titles that make `Mr. Smith. Thank you.` a label in the period style. */
const HONORIFIC =
  /^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Amb|Secretary|Senator|President|Governor|General|Ambassador|Minister|Chairman|Chairwoman|Judge|Justice)\.?$/i;
/** A bracketed number before a label: `[2.]`, `[12]`. */
const NUMBER_MARKER = /^(\[\d{1,3}\.?\])[ \t]+(?=\S)/;
/** A bare clock, the first word of a label's text: `Aaron van Wirdum: 00:00:19` stands alone. */
const BARE_CLOCK = /^\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?$/;

type LabelStyle = 'standalone' | 'strong' | 'colon' | 'period';
type LetterCase = 'upper' | 'mixed' | 'none';

type Candidate =
  | { kind: 'standalone'; name: string; start?: number }
  | {
      kind: 'inline';
      name: string;
      rest: string;
      strong: boolean;
      style: 'colon' | 'period';
      weak: boolean;
      /** A timestamp written before the label or inside it (`[00:12:03] Name: …`, `Name (12:03): …`). */
      start?: number;
    };

/** A label standing alone on its line, with an optional timestamp after the colon. */
export function standaloneLabel(text: string): { name: string; start?: number } | undefined {
  if (text.includes('\n')) return undefined;
  const timed = /^(.*?[:：︰])\s*(?:\\?\[|\()?(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)(?:\\?\]|\))?$/u.exec(text);
  const verdict = classifyLabelLine(timed?.[1] ?? text);
  if (!verdict.label) return undefined;
  const start = timed?.[2] ? parseClock(timed[2]) : undefined;
  return start === undefined ? { name: verdict.name } : { name: verdict.name, start };
}

export interface InlineLabel {
  name: string;
  rest: string;
  style: 'colon' | 'period';
  /** Title case in the period style with no title (`The President.`): a label only where the document confirms it. */
  weak?: true;
}

/**
 * A label at the start of a paragraph: `Name: text`, `NAME. text`, `Mr. Smith. text`,
 * and, with `weak`, `The President. text` (title case, no title), which only
 * the document's own style can confirm.
 */
export function inlineLabel(text: string, options: { weak?: boolean } = {}): InlineLabel | undefined {
  const colon = /^([^:：︰\n]{1,60}?)\s*[:：︰]\s*(\S[\s\S]*)$/u.exec(text);
  if (
    colon?.[1] &&
    colon[2] &&
    classifyLabelLine(`${colon[1]}:`).label &&
    !BARE_CLOCK.test(colon[2].split(/\s/)[0] ?? '') &&
    timestampAlone(colon[2]) === undefined
  ) {
    return { name: colon[1].trim(), rest: colon[2], style: 'colon' };
  }
  const period =
    /^((?:[\p{Lu}][\p{Lu}'’-]*\.?[ \t]){0,3}[\p{Lu}][\p{Lu}'’-]*|(?:\p{Lu}\p{Ll}+\.?)[ \t]\p{Lu}[\p{L}'’-]+(?:[ \t]\p{Lu}[\p{L}'’-]+)?)\.\s+(\S[\s\S]*)$/u.exec(
      text,
    );
  if (period?.[1] && period[2]) {
    const name = period[1].trim();
    const first = name.split(/\s+/)[0] ?? '';
    const allCaps = !/\p{Ll}/u.test(name);
    if (allCaps && !INTERJECTIONS.test(name.replace(/\.$/, ''))) return { name, rest: period[2], style: 'period' };
    if (!allCaps && HONORIFIC.test(first)) return { name, rest: period[2], style: 'period' };
    if (!allCaps && options.weak && !INTERJECTIONS.test(first.toUpperCase()))
      return { name, rest: period[2], style: 'period', weak: true };
  }
  const spaced = spacedGenericLabel(text);
  if (spaced) return { ...spaced, style: 'period' };
  // A generic label in the period style, in any case: `Reporter. Thank you.`, `Moderator. Next.`
  const role = /^(\p{Lu}[\p{L}-]*(?:[ \t]\d+)?)\.\s+(\S[\s\S]*)$/u.exec(text);
  if (role?.[1] && role[2] && isGenericLabel(role[1])) return { name: role[1], rest: role[2], style: 'period' };
  return undefined;
}

function candidateOf(block: Block): Candidate | undefined {
  if (block.heading) return undefined;
  if (block.strongLabel) {
    const start = block.start === undefined ? {} : { start: block.start };
    return { kind: 'inline', ...block.strongLabel, strong: true, style: 'colon', weak: false, ...start };
  }
  // A timestamp beside a label (`[00:12:03] Name: …`, `Name (12:03):`) is the turn's start, not part of the label.
  const timed = timestampAtLabel(block.text);
  if (timed) {
    const label = labelCandidate(timed.text);
    if (label?.kind === 'standalone') return label.start === undefined ? { ...label, start: timed.start } : label;
    if (label) return { ...label, start: timed.start };
  }
  return labelCandidate(block.text);
}

function labelCandidate(text: string): Candidate | undefined {
  const alone = standaloneLabel(text);
  if (alone) return { kind: 'standalone', ...alone };
  // A question number before the label (`[2.] Q. Mr. President, …`, as news-conference records number them) stays with the text.
  const marker = NUMBER_MARKER.exec(text);
  const inline = inlineLabel(marker ? text.slice(marker[0].length) : text, { weak: true });
  if (!inline) return undefined;
  return {
    ...inline,
    rest: marker ? `${marker[1]} ${inline.rest}` : inline.rest,
    kind: 'inline',
    strong: false,
    weak: inline.weak === true,
  };
}

/**
 * A generic label set off by a tab or a run of spaces, as White House records
 * write questions: `Q    Thank you.`, `Speaker 2\tYes.`
 */
export function spacedGenericLabel(text: string): { name: string; rest: string } | undefined {
  const spaced = /^(\p{Lu}[\p{L}-]*(?:[ ]\d+)?)(?:\t|[ ]{2,})(\S[\s\S]*)$/u.exec(text);
  return spaced?.[1] && spaced[2] && isGenericLabel(spaced[1]) ? { name: spaced[1], rest: spaced[2] } : undefined;
}

/**
 * How a line of a text transcript opens, for the readers that group lines
 * into blocks: a label standing alone, a label with text after it (either
 * possibly with a timestamp beside it), or a timestamp alone.
 */
export function lineOpening(text: string): 'standalone' | 'inline' | 'time' | undefined {
  if (timestampAlone(text) !== undefined) return 'time';
  const timed = timestampAtLabel(text)?.text;
  if (standaloneLabel(text) || (timed !== undefined && standaloneLabel(timed))) return 'standalone';
  if (inlineLabel(text) || (timed !== undefined && inlineLabel(timed))) return 'inline';
  return undefined;
}

const fold = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function letterCase(name: string): LetterCase {
  if (/\p{Ll}/u.test(name)) return 'mixed';
  return (name.match(/\p{Lu}/gu) ?? []).length >= 2 ? 'upper' : 'none';
}

function styleOf(c: Candidate): LabelStyle {
  if (c.kind === 'standalone') return 'standalone';
  return c.strong ? 'strong' : c.style;
}

/** Lower-case words a header value may hold: `Office of the Press Secretary`. */
const VALUE_PARTICLES = /^(?:of|the|and|on|in|at|for|to|a|an|de|la|van|von|y)$/;

/**
 * A value as a header line holds it (`Ronald Reagan`, `October 7, 1984`,
 * `Louisville, Kentucky`): short, no sentence end, its words capitalised.
 */
function valueShaped(rest: string): boolean {
  const value = rest.trim();
  const words = value.split(/\s+/);
  if (words.length > 12 || /[.?!…。？！]$/u.test(value)) return false;
  const content = words.filter((w) => !VALUE_PARTICLES.test(w));
  const capital = content.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return /^[\p{Lu}\p{N}]/u.test(words[0] ?? '') && content.length > 0 && capital / content.length >= 0.6;
}

/** The score an inline candidate needs to be taken as a label. */
export const LABEL_THRESHOLD = 2;

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
  const header = headerLines(candidates);
  const counts = new Map<string, number>();
  const aloneNames = new Set<string>();
  candidates.forEach((c, i) => {
    if (c?.kind === 'inline' && !header.has(i)) counts.set(fold(c.name), (counts.get(fold(c.name)) ?? 0) + 1);
    if (c?.kind === 'standalone' && standalone[i]) aloneNames.add(fold(c.name));
  });
  const style = documentStyle(candidates, standalone, header, counts);

  // Pass 1: each inline candidate's score from the whole document.
  const scores = candidates.map((c, i) => {
    if (c?.kind !== 'inline' || header.has(i)) return undefined;
    return scoreOf(c, counts.get(fold(c.name)) ?? 0, aloneNames.has(fold(c.name)), style);
  });
  const starts = (i: number): boolean =>
    (candidates[i]?.kind === 'standalone' && standalone[i] === true) ||
    (scores[i] !== undefined && (scores[i]?.score ?? 0) >= LABEL_THRESHOLD);
  // Pass 2: a one-off in a document whose names use the colon style, between two turns (a run of short turns).
  scores.forEach((s, i) => {
    const c = candidates[i];
    if (!s || c?.kind !== 'inline' || c.style !== 'colon' || c.strong || s.score !== LABEL_THRESHOLD - 1) return;
    if (style.style !== 'colon' || !style.named) return;
    const before = neighbour(blocks, i, -1);
    const after = neighbour(blocks, i, 1);
    if (before !== -1 && after !== -1 && starts(before) && starts(after)) {
      s.score += 1;
      s.reasons.push('between two turns (+1)');
    }
  });

  const unsure: UnsureLabel[] = [];
  const styles = { standalone: 0, inline: 0 };
  const preamble: ParsedParagraph[] = [];
  const turns: ParsedTurn[] = [];
  const sections: ParsedSection[] = [];
  let current: ParsedTurn | undefined;
  /** The current turn was opened by a heading or a pseudo-speaker, not by a label in the source. */
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
    // A label with nothing after it (`**Intermission:**`) marks a break in the show: a section.
    // A turn a heading opened for the same speaker, and that stayed empty, is simply dropped.
    if (current.paragraphs.length > 0) turns.push(current);
    else if (!continuation) sections.push({ title: current.label, line: current.line, beforeTurn: turns.length });
    current = undefined;
  };
  /** A part of the show (`Break`, `Jingle`): a section from here; what follows, until a label, is nobody's. */
  const pseudoSection = (name: string, line: number, start: number | undefined, text: string): void => {
    closeTurn();
    sections.push({ title: name, line, beforeTurn: turns.length, ...(start === undefined ? {} : { start }) });
    current = { label: '', line, paragraphs: text === '' ? [] : [{ text, line }] };
    continuation = true;
  };

  /** A timestamp standing alone just before a label: the start of the turn that label opens. */
  let pending: number | undefined;
  blocks.forEach((block, i) => {
    const c = candidates[i];
    const alone = block.heading ? undefined : timestampAlone(block.text);
    if (alone !== undefined) {
      const next = neighbour(blocks, i, 1);
      if (next === i + 1 && starts(next)) {
        pending = alone;
        return;
      }
      // Alone on its line right after a label: the start of that turn.
      if (current && current.paragraphs.length === 0 && current.start === undefined && !continuation) {
        current.start = alone;
        return;
      }
    }
    const waiting = pending;
    pending = undefined;
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
    if (c?.kind === 'standalone' && isPseudoSpeaker(c.name)) {
      pseudoSection(c.name, block.line, c.start ?? waiting, '');
      return;
    }
    if (c?.kind === 'standalone' && standalone[i]) {
      styles.standalone++;
      startTurn(c.name, block.line, c.start ?? waiting);
      return;
    }
    if (c?.kind === 'inline' && header.has(i)) {
      unsure.push({
        line: block.line,
        label: c.name,
        reason: `not taken as a label: \`${c.name}: ${c.rest}\` is a header line (key and value) before the first turn`,
      });
      paragraph(block.text, block.line);
      return;
    }
    const scored = scores[i];
    if (c?.kind === 'inline' && scored) {
      const timed = leadingTimestamp(c.rest);
      const given = c.start ?? waiting;
      if (isPseudoSpeaker(c.name) && (c.rest === '' || timed.text === '' || scored.score >= LABEL_THRESHOLD)) {
        pseudoSection(c.name, block.line, given ?? timed.start, timed.text);
        return;
      }
      const taken = scored.score >= LABEL_THRESHOLD;
      const oneOff = (counts.get(fold(c.name)) ?? 0) < 2 && !c.strong && !isGenericLabel(c.name);
      // A title-case phrase that opens a sentence once (`Right. Okay`) is not worth a line in the report.
      const noise = !taken && c.weak && (counts.get(fold(c.name)) ?? 0) < 2;
      if ((!taken || oneOff) && !noise) {
        unsure.push({
          line: block.line,
          label: c.name,
          reason: `${taken ? 'taken' : 'not taken'} as a label (score ${scored.score}, ${LABEL_THRESHOLD} needed): \`${c.name}\` ${scored.reasons.join(', ')}`,
        });
      }
      if (taken) {
        styles.inline++;
        // A second timestamp at the start of the text (after one before the label) stays in the text.
        const opening = given === undefined && timed.text !== '' ? timed.start : undefined;
        startTurn(c.name, block.line, given ?? opening);
        const text = opening === undefined ? c.rest : timed.text;
        if (text !== '') paragraph(text, block.line);
        return;
      }
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

/** The nearest block before (`step` -1) or after (+1) block `i` that is not a heading; -1 when none. */
function neighbour(blocks: readonly Block[], i: number, step: -1 | 1): number {
  for (let j = i + step; j >= 0 && j < blocks.length; j += step) if (!blocks[j]?.heading) return j;
  return -1;
}

/**
 * `Key: value` lines before the first turn: `President: Ronald Reagan`,
 * `Date: October 7, 1984`. Their key is not a generic label and does not
 * recur as a label later; their value is shaped like a value, not a sentence.
 */
function headerLines(candidates: readonly (Candidate | undefined)[]): Set<number> {
  const keys = new Map<string, number>();
  for (const c of candidates) if (c) keys.set(fold(c.name), (keys.get(fold(c.name)) ?? 0) + 1);
  const header = new Set<number>();
  for (const [i, c] of candidates.entries()) {
    if (!c) continue;
    const shaped =
      c.kind === 'inline' &&
      !c.strong &&
      c.style === 'colon' &&
      !isGenericLabel(c.name) &&
      !isPseudoSpeaker(c.name) &&
      keys.get(fold(c.name)) === 1 &&
      valueShaped(c.rest);
    if (!shaped) break;
    header.add(i);
  }
  return header;
}

interface DocumentStyle {
  /** The style most of the document's sure labels use, when at least two do. */
  style?: LabelStyle;
  /** Their case, when they agree on one. */
  letterCase: LetterCase;
  /** Whether names (not only generic labels such as `Q`) use that style: only then does it vouch for a one-off. */
  named: boolean;
}

/** The style of the labels the document leaves no doubt about: standing alone, bold, generic, or recurring. */
function documentStyle(
  candidates: readonly (Candidate | undefined)[],
  standalone: readonly boolean[],
  header: ReadonlySet<number>,
  counts: ReadonlyMap<string, number>,
): DocumentStyle {
  const tally = new Map<LabelStyle, number>();
  const named = new Map<LabelStyle, number>();
  const cases = new Map<LabelStyle, Map<LetterCase, number>>();
  candidates.forEach((c, i) => {
    if (!c || header.has(i)) return;
    const sure =
      c.kind === 'standalone'
        ? standalone[i] === true
        : c.strong || isGenericLabel(c.name) || (!c.weak && (counts.get(fold(c.name)) ?? 0) >= 2);
    if (!sure) return;
    const s = styleOf(c);
    tally.set(s, (tally.get(s) ?? 0) + 1);
    if (!isGenericLabel(c.name)) named.set(s, (named.get(s) ?? 0) + 1);
    const byCase = cases.get(s) ?? new Map<LetterCase, number>();
    byCase.set(letterCase(c.name), (byCase.get(letterCase(c.name)) ?? 0) + 1);
    cases.set(s, byCase);
  });
  const [style, n] = [...tally].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!style || (n ?? 0) < 2) return { letterCase: 'none', named: false };
  const byCase = cases.get(style) ?? new Map<LetterCase, number>();
  const upper = byCase.get('upper') ?? 0;
  const mixed = byCase.get('mixed') ?? 0;
  return {
    style,
    letterCase: upper > mixed ? 'upper' : mixed > upper ? 'mixed' : 'none',
    named: (named.get(style) ?? 0) >= 2,
  };
}

/** Why a candidate scores what it does, for `--report`. */
interface Score {
  score: number;
  reasons: string[];
}

/**
 * The evidence that an inline candidate is a label, as points:
 * bold +3, generic label +3, stands alone elsewhere +2, recurs +2 (once: +1),
 * in the document's own style and case +1 (for a one-off, only when names use
 * that style, not just `Q` and `A`), opens with a title (`Mr.`) +1;
 * title case without a title −1, a one-off single word −1, digits in a name −1.
 * {@link LABEL_THRESHOLD} points make a label.
 */
function scoreOf(c: Extract<Candidate, { kind: 'inline' }>, n: number, alone: boolean, doc: DocumentStyle): Score {
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, why: string): void => {
    score += points;
    reasons.push(`${why} (${points > 0 ? '+' : ''}${points})`);
  };
  const generic = isGenericLabel(c.name);
  if (c.strong) add(3, 'is bold');
  if (generic) add(3, 'is a generic label');
  if (alone) add(2, 'also stands alone');
  if (n >= 2) add(2, `recurs ${n} times`);
  else add(1, 'starts only this paragraph');
  const own = letterCase(c.name);
  const sameCase = own === 'none' || doc.letterCase === 'none' || own === doc.letterCase;
  // `THE PRESIDENT.` in capitals is the period style's own mark; other one-offs need names in the style.
  const vouched = n >= 2 || doc.named || (c.style === 'period' && own === 'upper' && c.name.includes(' '));
  if (doc.style === styleOf(c) && sameCase && vouched) {
    add(1, `in the document's style (${doc.style}${doc.letterCase === 'none' ? '' : `, ${doc.letterCase} case`})`);
  }
  const words = c.name.split(/\s+/);
  if (!c.strong && !generic && words.length > 1 && HONORIFIC.test(words[0] ?? '')) add(1, 'opens with a title');
  // `Chris Wallace: (01:20)`: a time right after it is where a recording's speaker starts.
  if (leadingTimestamp(c.rest).start !== undefined) add(1, 'a time follows it');
  if (c.weak) add(-1, 'title case without a title');
  if (n < 2 && words.length === 1 && !generic && !c.strong) add(-1, 'a single word');
  if (!generic && /\d/.test(c.name)) add(-1, 'has digits');
  return { score, reasons };
}

/** `\[03:51\] Text`, `[03:51] Text` or `(03:51) Text` → the text and 231 seconds. */
function leadingTimestamp(text: string): { text: string; start?: number } {
  return wrappedTimestamp(text) ?? { text };
}
