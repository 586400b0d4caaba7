/**
 * One transcript through the pure pipeline:
 *
 *   text → detect format → parse (turns, sections) → closing matter
 *        → resolve speakers → turn ids → topics → Transcript (validated)
 *
 * Takes values, returns values: the caller reads files and hashes bytes.
 */
import { spokenWordCount } from './annotations.ts';
import { type Candidate, extractCandidates } from './extract-phrases.ts';
import { detectFormat, PARSERS } from './formats/detect-format.ts';
import type { ParsedDocument, ParsedParagraph, ParsedTurn, UnsureLabel } from './formats/types.ts';
import { frontMatterBlock, frontMatterLines, frontMatterToMeta, languageFromFileName } from './front-matter.ts';
import { headerFacts } from './header-lines.ts';
import { markdownToPlain } from './markdown-text.ts';
import { cleanLine } from './metadata-shapes.ts';
import { fingerprint } from './permalinks/fingerprint.ts';
import { type Problem, problem } from './problems.ts';
import { EMPTY_REGISTRY, type Registry, rolesOn } from './registry.ts';
import { type Resolution, resolveLabels } from './resolve-speaker.ts';
import type { Participant, Section, Speaker, Transcript, TranscriptMeta, Turn } from './schema.ts';
import { type Format, TranscriptSchema } from './schema.ts';
import { segmentExchanges, turnRole } from './segment-exchanges.ts';
import { fileSlug, foldName, mixedScripts } from './slugs.ts';
import { splitClosingMatter } from './split-credits.ts';
import { toLines } from './text.ts';
import { fileNameWords, type Naming, namingOf } from './titles.ts';

export interface TranscriptInput {
  /** Path relative to the seeds folder, used in URLs' defaults and messages. */
  file: string;
  text: string;
  /** Metadata from a sidecar file; wins over what the file itself says. */
  meta: TranscriptMeta;
  /** Hash of the source bytes and metadata. */
  hash: string;
  registry?: Registry;
  /** Its topic candidates when already known (an earlier parse of the same bytes): not extracted again. */
  candidates?: Candidate[];
}

export interface TranscriptResult {
  transcript?: Transcript;
  speakers: Speaker[];
  problems: Problem[];
  /** Label decisions the parser was unsure of, for the report. */
  unsure: UnsureLabel[];
  format?: Transcript['source']['format'];
  /** How each distinct label resolved to a speaker. */
  resolutions?: Map<string, Resolution>;
  /** Candidate topics found in the text, for the archive to choose from. */
  candidates?: Candidate[];
  /** The metadata's `tags:`: curated topics for the archive. */
  tags?: string[];
  /** The words its turns say, as a Bloom filter (`vocabulary.ts`), for later runs' topic checks. */
  vocabulary?: string;
  /** What its file name and text say towards its title and show, for the archive to name it (`titles.ts`). */
  naming?: Naming;
  /** The metadata's `translationOf:` (or `original:`): the file or slug this one is a language version of. */
  translationOf?: string;
}

/** The speaker of text that carries no label at all. */
export const UNATTRIBUTED: Speaker = {
  slug: 'unattributed',
  name: 'Unattributed',
  kind: 'role',
  aliases: [],
  source: 'inferred',
  roles: [],
  links: [],
};

export function ingestTranscript(input: TranscriptInput): TranscriptResult {
  const { file } = input;
  const text = input.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    return { speakers: [], unsure: [], problems: [problem('empty-file', file, 'the file has no text', 1)] };
  }
  const format = detectFormat(file, text, input.meta.format);
  const doc = PARSERS[format](text, file);
  const own = frontMatterToMeta(doc.meta, file, format === 'markdown' ? frontMatterLines(text) : {});
  // Header lines before the first turn (`Date: October 7, 1984`) are metadata of the lowest rank.
  const header = headerFacts(linesBeforeFirstTurn(text, doc));
  const fromHeader: TranscriptMeta = {
    ...(header.title ? { title: header.title } : {}),
    ...(header.date && !dateFromFileName(file) ? { date: header.date } : {}),
    ...(header.location ? { location: header.location } : {}),
  };
  const meta: TranscriptMeta = { ...fromHeader, ...own.meta, ...input.meta };
  const problems: Problem[] = [...doc.problems, ...own.problems];
  if (doc.problems.some((p) => p.severity === 'error')) return { speakers: [], unsure: doc.unsure, problems, format };

  let preamble: ParsedParagraph[] = doc.preamble;
  // A label is shown as a name: without the bidi controls that could make it look like another one.
  const rawTurns: ParsedTurn[] = doc.turns.map((t) => ({
    ...t,
    label: cleanLine(t.label),
    paragraphs: [...t.paragraphs],
  }));
  if (rawTurns.length === 0) {
    const only = meta.speakers?.length === 1 ? meta.speakers[0] : undefined;
    if (!only) {
      problems.push(
        problem(
          'no-speaker-labels',
          file,
          'no speaker label found: the whole text is filed as one unattributed turn',
          1,
        ),
      );
    }
    if (preamble.length === 0)
      return {
        speakers: [],
        unsure: doc.unsure,
        problems: [...problems, problem('empty-file', file, 'the file has no transcript text', 1)],
        format,
      };
    rawTurns.push({ label: only ?? '', line: preamble[0]?.line ?? 1, paragraphs: preamble });
    preamble = [];
  }

  const last = rawTurns.at(-1);
  const closing = splitClosingMatter(last?.paragraphs ?? []);
  if (last) last.paragraphs = closing.spoken;
  if (last && last.paragraphs.length === 0) rawTurns.pop();

  const date = meta.date ?? dateFromFileName(file);
  const registry = input.registry ?? EMPTY_REGISTRY;
  const slug = meta.slug ?? fileSlug(file.replace(/\.[a-z]{2}(?=\.[a-z]+$)/, (m) => m.replace('.', '-')));
  if (slug === '') {
    problems.push(problem('empty-slug', file, 'the file name gives no usable slug'));
    return { speakers: [], unsure: doc.unsure, problems, format };
  }
  const resolved = resolveLabels(
    rawTurns.map((t) => t.label).filter((l) => l !== ''),
    registry,
    date,
    { scope: slug, named: meta.speakers ?? [], holders: header.holders, said: saidByLabel(rawTurns) },
  );
  // A label that mixes scripts (`Qі Yanjun` with a Cyrillic `і`) looks like another name: its slug keeps it apart.
  const unsure: UnsureLabel[] = [...doc.unsure];
  for (const [label, r] of resolved) {
    const scripts = mixedScripts(label);
    if (scripts.length === 0) continue;
    const line = rawTurns.find((t) => t.label === label)?.line ?? 1;
    unsure.push({
      line,
      label,
      reason: `\`${label}\` mixes ${scripts.join(' and ')} letters: a look-alike of another name, kept apart as \`${r.speaker.slug}\``,
    });
  }
  const speakersBySlug = new Map<string, Speaker>();
  const turns: Turn[] = rawTurns.map((t, i) => {
    const speaker = t.label === '' ? UNATTRIBUTED : (resolved.get(t.label)?.speaker ?? UNATTRIBUTED);
    if (!speakersBySlug.has(speaker.slug)) speakersBySlug.set(speaker.slug, speaker);
    return {
      id: `t${i + 1}`,
      speaker: speaker.slug,
      label: t.label,
      paragraphs: t.paragraphs.map((p) => p.text),
      line: t.line,
      fingerprint: fingerprint(t.paragraphs.map((p) => p.text)),
      earlier: [],
      ...(t.start === undefined ? {} : { start: t.start }),
    };
  });
  // A Markdown source writes its headings and title in Markdown: they are kept as the text a reader sees.
  const asText = (text: string) => (format === 'markdown' ? markdownToPlain(text) || text : text);
  const sections: Section[] = doc.sections.map((s, i) => ({
    id: `s${i + 1}`,
    title: asText(s.title),
    turn: turns[s.beforeTurn]?.id ?? null,
    ...(s.start === undefined ? {} : { start: s.start }),
  }));

  const speakers = [...speakersBySlug.values()];
  const exchanges = segmentExchanges(turns, (turn) => {
    const speaker = speakersBySlug.get(turn.speaker);
    return turnRole(turn, speaker, speaker ? rolesOn(speaker, date) : []);
  });
  const language = meta.language ?? languageFromFileName(file) ?? 'en';
  const participants = participantsOf(turns);
  const transcript = TranscriptSchema.parse({
    slug,
    title: meta.title ? asText(meta.title) : (titleFromFileName(file) ?? titleFromSpeakers(speakers)),
    titleSource: meta.title ? 'metadata' : 'derived',
    ...(date ? { date } : {}),
    ...(meta.show ? { show: meta.show } : {}),
    ...(meta.event ? { event: meta.event } : {}),
    ...(meta.location ? { location: meta.location } : {}),
    ...(meta.source ? { sourceUrl: meta.source } : {}),
    language,
    ...(meta.summary ? { summary: meta.summary } : {}),
    ...(meta.transcriber ? { transcriber: meta.transcriber } : {}),
    ...(meta.media ? { media: meta.media } : {}),
    textFormat: format === 'markdown' ? 'markdown' : 'plain',
    source: { file, format, hash: input.hash },
    participants,
    preamble: preamble.map((p) => p.text),
    turns,
    sections,
    exchanges,
    retiredTurns: [],
    retiredAnchors: [],
    topics: [],
    credits: [...closing.credits, ...(meta.translator ? [`Translated by ${meta.translator}`] : [])],
    notes: closing.notes,
    ...(meta.prevails ? { prevails: meta.prevails } : {}),
    versions: [],
    // Every turn is one participant's: their words add up to the transcript's (each paragraph counted once).
    words: participants.reduce((n, p) => n + p.words, 0),
  } satisfies Transcript);
  const pointer = meta.translationOf ?? meta.original;
  return {
    transcript,
    speakers,
    problems,
    unsure,
    format,
    resolutions: new Map([...resolved].map(([label, r]) => [label, r.how])),
    candidates: input.candidates ?? candidatesOf(transcript, speakers),
    naming: namingOf(file, [...transcript.preamble, ...turns.flatMap((t) => t.paragraphs)].join('\n'), {
      title: transcript.title,
      derived: transcript.titleSource === 'derived',
      ...(meta.show ? { show: meta.show } : {}),
      ...(meta.event ? { event: meta.event } : {}),
      ...(date ? { date } : {}),
      language,
    }),
    ...(meta.tags && meta.tags.length > 0 ? { tags: meta.tags } : {}),
    ...(pointer ? { translationOf: pointer } : {}),
  };
}

/** What each label says, its turns' paragraphs joined. */
function saidByLabel(turns: readonly ParsedTurn[]): Map<string, string> {
  const said = new Map<string, string[]>();
  for (const t of turns) {
    const list = said.get(t.label) ?? [];
    for (const p of t.paragraphs) list.push(p.text);
    said.set(t.label, list);
  }
  return new Map([...said].map(([label, texts]) => [label, texts.join('\n')]));
}

/** Each speaker of `turns` with the labels they were given and how much they said, in order of first turn. */
export function participantsOf(turns: readonly Turn[]): Participant[] {
  const bySpeaker = new Map<string, Participant>();
  for (const turn of turns) {
    const p = bySpeaker.get(turn.speaker) ?? { speaker: turn.speaker, labels: [], turns: 0, words: 0 };
    if (!p.labels.includes(turn.label)) p.labels.push(turn.label);
    p.turns += 1;
    p.words += turn.paragraphs.reduce((n, para) => n + spokenWordCount(para), 0);
    bySpeaker.set(turn.speaker, p);
  }
  return [...bySpeaker.values()];
}

/** Formats whose top lines a person typed: a header may stand there. */
const LABELLED_TEXT: ReadonlySet<Format> = new Set(['label-lines', 'inline-labels', 'markdown']);

/** The source lines above the first turn of a labelled text, without front matter: where header lines stand. */
function linesBeforeFirstTurn(text: string, doc: ParsedDocument): string[] {
  const first = doc.turns[0]?.line;
  if (first === undefined || !LABELLED_TEXT.has(doc.format)) return [];
  // The front matter's lines: the block ends with its closing fence's line break.
  const fenced = frontMatterBlock(text).match(/\r\n|\r|\n/g)?.length ?? 0;
  return toLines(text)
    .filter((l) => l.line > fenced && l.line < first)
    .map((l) => l.text);
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
 * → `Press conference`; an episode number stays (`go-time-100.md` → `Go time 100`,
 * or 341 episodes would share one title). Names made only of numbers and hashes give none.
 * The archive then spells it as the transcripts write it (`titles.ts`).
 */
export function titleFromFileName(file: string): string | undefined {
  const title = fileNameWords(file).join(' ');
  return title === '' ? undefined : title.charAt(0).toUpperCase() + title.slice(1);
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

/** Topic candidates from English text, questions first; none for other languages (the tagger is English). */
function candidatesOf(t: Transcript, speakers: readonly Speaker[]): Candidate[] {
  if (!t.language.toLowerCase().startsWith('en')) return [];
  const questions = new Set(t.exchanges.flatMap((e) => (e.question ? [e.question] : [])));
  const ordered = [
    ...t.turns.filter((turn) => questions.has(turn.id)),
    ...t.turns.filter((turn) => !questions.has(turn.id)),
  ];
  const names = new Set(
    speakers.flatMap((s) => [s.name, ...s.aliases, ...(s.shortName ? [s.shortName] : [])]).map(foldName),
  );
  const people = new Set(speakers.filter((s) => s.kind === 'person').map((s) => foldName(s.name)));
  return extractCandidates(
    ordered.flatMap((turn) => turn.paragraphs),
    names,
    people,
  );
}
