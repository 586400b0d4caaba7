/**
 * The whole archive through the pure pipeline: every source file becomes a
 * transcript or a list of problems; speakers are merged across transcripts;
 * slugs are checked for clashes. No file system here: the shell reads the
 * seeds folder and writes what this returns.
 */

import { splitAnnotations } from './annotations.ts';
import type { UnsureLabel } from './formats/types.ts';
import { ingestTranscript, type TranscriptResult } from './ingest-transcript.ts';
import { rulesToTopics } from './match-topics.ts';
import { parseYamlWith } from './parse-yaml.ts';
import { type Problem, problem } from './problems.ts';
import {
  type Format,
  type Speaker,
  type Topic,
  TopicRulesFileSchema,
  type Transcript,
  TranscriptMetaSchema,
} from './schema.ts';
import { decodeText } from './text.ts';

export interface SourceFile {
  /** Path relative to the seeds folder. */
  file: string;
  bytes: Uint8Array;
  hash: string;
  /** The sidecar metadata file, if any. */
  meta?: { file: string; text: string };
}

export interface ArchiveInput {
  sources: readonly SourceFile[];
  topicRules?: { file: string; text: string };
}

/** What happened to one source file, for the ingest report. */
export interface FileReport {
  file: string;
  format?: Format;
  slug?: string;
  turns: number;
  speakers: number;
  words: number;
  /** Stage directions kept as annotations: `(Laughter.)`, `[inaudible]`. */
  annotations: number;
  problems: Problem[];
  unsure: UnsureLabel[];
}

export interface Archive {
  transcripts: Transcript[];
  speakers: Speaker[];
  topics: Topic[];
  files: FileReport[];
  /** Problems not tied to one transcript (the topics file). */
  problems: Problem[];
}

export function ingestArchive(input: ArchiveInput): Archive {
  const problems: Problem[] = [];
  let topics: Topic[] = [];
  if (input.topicRules) {
    const parsed = parseYamlWith(TopicRulesFileSchema, input.topicRules.text, input.topicRules.file, 'invalid-topics');
    if ('problems' in parsed) problems.push(...parsed.problems);
    else topics = rulesToTopics(parsed.value.topics);
  }

  const files: FileReport[] = [];
  const results: { source: SourceFile; result: TranscriptResult }[] = [];
  for (const source of [...input.sources].sort((a, b) => a.file.localeCompare(b.file))) {
    const result = ingestOne(source, topics);
    results.push({ source, result });
  }

  // Two files that want one slug: the first (in file order) keeps it, the other is refused.
  const owner = new Map<string, string>();
  const transcripts: Transcript[] = [];
  const speakers = new Map<string, Speaker>();
  for (const { source, result } of results) {
    const t = result.transcript;
    if (t) {
      const first = owner.get(t.slug);
      if (first) {
        result.problems.push(
          problem('duplicate-slug', source.file, `the slug \`${t.slug}\` is already used by \`${first}\``),
        );
        delete result.transcript;
      } else {
        owner.set(t.slug, source.file);
        transcripts.push(t);
        for (const s of result.speakers) mergeSpeaker(speakers, s);
      }
    }
    files.push(reportOf(source.file, result));
  }
  return {
    transcripts,
    speakers: [...speakers.values()].sort((a, b) => a.slug.localeCompare(b.slug)),
    topics: topics.filter((topic) => transcripts.some((t) => t.topics.some((tt) => tt.slug === topic.slug))),
    files,
    problems,
  };
}

/**
 * The largest transcript file the archive builds: 20 MiB, some three million
 * words, several times the longest real hearing. A larger file would make one
 * page no browser can comfortably open, and the build's memory grows with it
 * (a 50 MB transcript took 73 s and 4 GB of memory to build, on its own).
 */
export const MAX_TRANSCRIPT_BYTES = 20 * 1024 * 1024;

function ingestOne(source: SourceFile, topics: readonly Topic[]): TranscriptResult {
  if (source.bytes.length > MAX_TRANSCRIPT_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    const message = `the file is ${mb(source.bytes.length)}; transcripts over ${mb(MAX_TRANSCRIPT_BYTES)} are not built`;
    return { speakers: [], problems: [problem('file-too-large', source.file, message)], unsure: [] };
  }
  let meta = {};
  if (source.meta) {
    const parsed = parseYamlWith(TranscriptMetaSchema, source.meta.text, source.meta.file, 'invalid-metadata');
    if ('problems' in parsed) return { speakers: [], problems: parsed.problems, unsure: [] };
    meta = parsed.value;
  }
  const decoded = decodeText(source.bytes, source.file);
  if ('problem' in decoded) return { speakers: [], problems: [decoded.problem], unsure: [] };
  return ingestTranscript({ file: source.file, text: decoded.text, meta, hash: source.hash, topics });
}

function mergeSpeaker(into: Map<string, Speaker>, speaker: Speaker): void {
  const known = into.get(speaker.slug);
  if (!known) {
    into.set(speaker.slug, { ...speaker, aliases: [...speaker.aliases] });
    return;
  }
  for (const alias of speaker.aliases) if (!known.aliases.includes(alias)) known.aliases.push(alias);
}

function reportOf(file: string, result: TranscriptResult): FileReport {
  const t = result.transcript;
  return {
    file,
    ...(result.format ? { format: result.format } : {}),
    ...(t ? { slug: t.slug } : {}),
    turns: t?.turns.length ?? 0,
    speakers: t?.participants.length ?? 0,
    words: t?.words ?? 0,
    annotations: t ? countAnnotations(t) : 0,
    problems: result.problems,
    unsure: result.unsure,
  };
}

function countAnnotations(t: Transcript): number {
  return t.turns.reduce(
    (n, turn) => n + turn.paragraphs.reduce((m, p) => m + splitAnnotations(p).filter((s) => s.annotation).length, 0),
    0,
  );
}
