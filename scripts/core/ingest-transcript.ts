/**
 * One transcript through the pure pipeline:
 *
 *   text → lines → parse (turns) → closing matter → resolve speakers
 *        → turn ids → topics → Transcript (validated)
 *
 * Takes values, returns values: the caller reads files and hashes bytes.
 */

import { matchTopics } from './match-topics.ts';
import { parseLabelLines, type SourceParagraph } from './parse-label-lines.ts';
import { type Problem, problem } from './problems.ts';
import { labelToSpeaker } from './resolve-speaker.ts';
import type { Participant, Speaker, Topic, Transcript, TranscriptMeta, Turn } from './schema.ts';
import { TranscriptSchema } from './schema.ts';
import { fileSlug } from './slugs.ts';
import { splitClosingMatter } from './split-credits.ts';
import { toLines, wordsOf } from './text.ts';

export interface TranscriptInput {
  /** Path relative to the seeds folder, used in URLs' defaults and messages. */
  file: string;
  text: string;
  meta: TranscriptMeta;
  /** Hash of the source bytes and metadata. */
  hash: string;
  topics: readonly Topic[];
}

export interface TranscriptResult {
  transcript?: Transcript;
  speakers: Speaker[];
  problems: Problem[];
}

/** The speaker of text that carries no label at all. */
export const UNATTRIBUTED: Speaker = { slug: 'unattributed', name: 'Unattributed', kind: 'role', aliases: [] };

export function ingestTranscript(input: TranscriptInput): TranscriptResult {
  const { file, text, meta } = input;
  if (text.trim() === '') {
    return { speakers: [], problems: [problem('empty-file', file, 'the file has no text', 1)] };
  }
  const problems: Problem[] = [];
  const raw = parseLabelLines(toLines(text.replace(/^\uFEFF/, '')));

  let preamble = raw.preamble;
  const rawTurns = raw.turns.map((t) => ({ ...t, paragraphs: [...t.paragraphs] }));
  if (rawTurns.length === 0) {
    problems.push(
      problem('no-speaker-labels', file, 'no speaker label found: the whole text is filed as one unattributed turn', 1),
    );
    rawTurns.push({ label: '', line: preamble[0]?.line ?? 1, paragraphs: preamble });
    preamble = [];
  }

  const last = rawTurns.at(-1);
  const closing = splitClosingMatter(last?.paragraphs ?? []);
  if (last) last.paragraphs = closing.spoken;

  const speakersBySlug = new Map<string, Speaker>();
  const turns: Turn[] = rawTurns.map((t, i) => {
    const speaker = t.label === '' ? UNATTRIBUTED : labelToSpeaker(t.label);
    if (!speakersBySlug.has(speaker.slug)) speakersBySlug.set(speaker.slug, speaker);
    return {
      id: `t${i + 1}`,
      speaker: speaker.slug,
      label: t.label,
      paragraphs: t.paragraphs.map((p) => p.text),
      line: t.line,
    };
  });

  const slug = meta.slug ?? fileSlug(file);
  if (slug === '') {
    problems.push(problem('empty-slug', file, 'the file name gives no usable slug'));
    return { speakers: [], problems };
  }
  const speakers = [...speakersBySlug.values()];
  const date = meta.date ?? dateFromFileName(file);
  const transcript = TranscriptSchema.parse({
    slug,
    title: meta.title ?? titleFromFileName(file) ?? titleFromSpeakers(speakers),
    titleSource: meta.title ? 'metadata' : 'derived',
    ...(date ? { date } : {}),
    ...(meta.event ? { event: meta.event } : {}),
    ...(meta.location ? { location: meta.location } : {}),
    ...(meta.source ? { sourceUrl: meta.source } : {}),
    language: meta.language ?? 'en',
    ...(meta.summary ? { summary: meta.summary } : {}),
    source: { file, format: 'label-lines', hash: input.hash },
    participants: participantsOf(turns),
    preamble: preamble.map((p: SourceParagraph) => p.text),
    turns,
    topics: matchTopics(input.topics, turns),
    credits: closing.credits,
    notes: closing.notes,
    words: turns.reduce((n, t) => n + t.paragraphs.reduce((m, p) => m + wordsOf(p).length, 0), 0),
  } satisfies Transcript);
  return { transcript, speakers, problems };
}

function participantsOf(turns: readonly Turn[]): Participant[] {
  const bySpeaker = new Map<string, Participant>();
  for (const turn of turns) {
    const p = bySpeaker.get(turn.speaker) ?? { speaker: turn.speaker, labels: [], turns: 0, words: 0 };
    if (!p.labels.includes(turn.label)) p.labels.push(turn.label);
    p.turns += 1;
    p.words += turn.paragraphs.reduce((n, para) => n + wordsOf(para).length, 0);
    bySpeaker.set(turn.speaker, p);
  }
  return [...bySpeaker.values()];
}

/** `2024-09-05-press-conference.txt` → `2024-09-05`. */
export function dateFromFileName(file: string): string | undefined {
  const name = file.split(/[\\/]/).at(-1) ?? file;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?=[-_ .])/.exec(name);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const date = new Date(`${y}-${mo}-${d}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`
    ? undefined
    : `${y}-${mo}-${d}`;
}

/**
 * A title from the file name when it has words in it: `2024-09-05-press-conference.txt`
 * → `Press conference`. Names made only of numbers and hashes give none.
 */
export function titleFromFileName(file: string): string | undefined {
  const stem = (file.split(/[\\/]/).at(-1) ?? file).replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}/, '');
  const words = stem
    .split(/[-_\s.]+/)
    .filter((w) => w !== '' && !/^\d+$/.test(w) && !(/^[0-9a-f]{8,}$/i.test(w) && /\d/.test(w)));
  if (!words.some((w) => /\p{L}/u.test(w))) return undefined;
  const title = words.join(' ');
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** `Transcript with Qi Yanjun, Shou Xiaoli and China Central Television (CCTV)`: people first. */
export function titleFromSpeakers(speakers: readonly Speaker[]): string {
  const named = speakers.filter((s) => s.kind !== 'role');
  if (named.length === 0) return 'Untitled transcript';
  const ordered = [...named.filter((s) => s.kind === 'person'), ...named.filter((s) => s.kind !== 'person')];
  const shown = ordered.slice(0, 3).map((s) => s.name);
  const rest = ordered.length - shown.length;
  if (rest > 0) return `Transcript with ${shown.join(', ')} and ${rest} other${rest === 1 ? '' : 's'}`;
  if (shown.length === 1) return `Transcript with ${shown[0]}`;
  return `Transcript with ${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
