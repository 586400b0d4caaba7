/**
 * The contract every format parser meets: text in, a `ParsedDocument` out.
 * Parsers are pure (no file system, no clock) and lenient: they never throw
 * on bad input, they report problems and unsure decisions as values.
 *
 * Everything after parsing (closing credits, speaker resolution, turn ids,
 * topics) is shared by all formats and lives in `ingest-transcript.ts`.
 */
import type { Problem } from '../problems.ts';
import type { Format } from '../schema.ts';

/** A paragraph of the source, with the 1-based line it starts on. */
export interface ParsedParagraph {
  text: string;
  line: number;
}

/** A turn as found in the source, before its speaker is resolved. */
export interface ParsedTurn {
  /** The speaker label exactly as written; `''` when the source names nobody. */
  label: string;
  /** Line of the label, or of the turn's first text when there is no label. */
  line: number;
  paragraphs: ParsedParagraph[];
  /** Where the turn starts in the recording, in seconds, when the format says. */
  start?: number;
}

/** A heading inside a transcript, standing before the turn at `beforeTurn` (an index into `turns`). */
export interface ParsedSection {
  title: string;
  line: number;
  beforeTurn: number;
  /** Where the section starts in the recording, in seconds (`**Break:** [27:47]`). */
  start?: number;
}

/** A decision the parser was not sure of, for the ingest report. */
export interface UnsureLabel {
  line: number;
  /** The text that was or was not taken as a label. */
  label: string;
  /** What was decided and why, in a few words: "taken as a label: recurs 4 times". */
  reason: string;
}

export interface ParsedDocument {
  format: Format;
  /** Text before the first turn that belongs to no speaker. */
  preamble: ParsedParagraph[];
  turns: ParsedTurn[];
  sections: ParsedSection[];
  /** Metadata the file itself carries (front matter); validated later against `TranscriptMetaSchema`. */
  meta: Record<string, unknown>;
  unsure: UnsureLabel[];
  /** Problems that stop or damage this file's parse (e.g. JSON that does not parse). */
  problems: Problem[];
}

export type FormatParser = (text: string, file: string) => ParsedDocument;

/** An empty document of a format, for parsers to fill in. */
export function emptyDocument(format: Format): ParsedDocument {
  return { format, preamble: [], turns: [], sections: [], meta: {}, unsure: [], problems: [] };
}
