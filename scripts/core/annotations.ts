/**
 * Stage directions and annotations inside transcript text: `(Laughter.)`,
 * `[inaudible]`, `\[laughs\]`, `(A video is played.)`. They are kept and shown,
 * marked as annotations, and not counted as a speaker's words.
 *
 * A bracketed or parenthesised phrase is an annotation when its first word
 * (after an article) is a stage-direction word; `(CCTV)` or `[sic]` are not.
 */
import { countWords, wordsOf } from './text.ts';

const STAGE_WORDS =
  /^(?:laugh\w*|chuckl\w*|giggl\w*|applau\w*|inaudib\w*|unintelligib\w*|indiscernib\w*|crosstalk|cross-talk|overlapping|music\w*|silence|pause\w*|long|cough\w*|sigh\w*|video|audio|clip|break|off-mic|mic|microphone|cheer\w*|clap\w*|noise\w*|sound\w*|beep\w*|static|technical|recording|jingle|foreign|speaking|speaks|smil\w*|nod\w*|gestur\w*|sneez\w*|groan\w*|boo\w*|murmur\w*|whistl\w*|ringing|phone|door|blank_audio|unclear|garbled|recess|adjourn\w*|end|beginning|interruption|interrupt\w*|transcript\w*|translat\w*|interpret\w*|audience|participants?|speaker|reporter|video)$/i;

/** Stage directions in Chinese: laughter, applause, inaudible, music, pause, video, recording. */
const STAGE_ZH = /^(?:笑|掌声|鼓掌|听不清|音乐|停顿|视频|录像|录音|现场)/;

/** `(…)`, `[…]`, Markdown-escaped `\[…\]` or full-width `（…）`, one line, at most 80 characters inside. */
const BRACKETED = /\\?\[([^\][\n]{1,80}?)\\?\]|\(([^()\n]{1,80})\)|（([^（）\n]{1,80})）/g;

export interface Segment {
  text: string;
  annotation: boolean;
}

export function isStageDirection(inner: string): boolean {
  if (STAGE_ZH.test(inner.trim())) return true;
  const words = inner
    .trim()
    .replace(/^(?:an?|the)\s+/i, '')
    .split(/\s+/);
  return STAGE_WORDS.test((words[0] ?? '').replace(/[^\p{L}_-]/gu, ''));
}

/** Splits text into spoken segments and annotation segments; joined, they give the text back. */
export function splitAnnotations(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(BRACKETED)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? '';
    if (!isStageDirection(inner)) continue;
    if (m.index > last) segments.push({ text: text.slice(last, m.index), annotation: false });
    segments.push({ text: m[0], annotation: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), annotation: false });
  return segments;
}

/** True when a paragraph is nothing but annotations: `(Laughter.)`. */
export function isAnnotationOnly(text: string): boolean {
  const segments = splitAnnotations(text);
  return segments.some((s) => s.annotation) && segments.every((s) => s.annotation || s.text.trim() === '');
}

/** The words a speaker said: annotations left out. */
export function spokenWords(text: string): string[] {
  return splitAnnotations(text).flatMap((s) => (s.annotation ? [] : wordsOf(s.text)));
}

/** How many words a speaker said, annotations left out, counted in any language (see {@link countWords}). */
export function spokenWordCount(text: string): number {
  return splitAnnotations(text).reduce((n, s) => (s.annotation ? n : n + countWords(s.text)), 0);
}
