/**
 * Problems found while reading input are values, not exceptions: parsing is
 * lenient, collects them, and the CLI decides (with `--strict`) whether any
 * of them fails the run. Every problem names its file and line, says what is
 * wrong and what to do about it.
 */

export type Severity = 'error' | 'warning';

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  /** Path of the file, as the user would type it. */
  file: string;
  /** 1-based line, when the problem has one. */
  line?: number;
  message: string;
  hint: string;
}

/** The catalogue: every problem the ingest can report, with its severity and remedy. */
export const PROBLEMS = {
  'empty-file': {
    severity: 'error',
    hint: 'Add the transcript text, or remove the file from the seeds folder.',
  },
  'invalid-encoding': {
    severity: 'error',
    hint: 'Save the file as UTF-8 (most editors offer "Save with encoding").',
  },
  'file-too-large': {
    severity: 'error',
    hint: 'Split the transcript into parts (one file per session or day), each under the limit.',
  },
  'binary-file': {
    severity: 'error',
    hint: 'Only text transcripts can be read; remove the file or convert it to text.',
  },
  'no-speaker-labels': {
    severity: 'warning',
    hint: 'Put each speaker on a line of its own ending with a colon (`Name:`), or name the speaker in the metadata file.',
  },
  'invalid-metadata': {
    severity: 'error',
    hint: 'Fix the metadata file; see /docs/metadata/ for the fields it accepts.',
  },
  'invalid-front-matter': {
    severity: 'warning',
    hint: 'The field was ignored and the transcript built without it; fix the value in the front matter.',
  },
  'invalid-speakers': {
    severity: 'error',
    hint: 'Fix the speakers file; see /docs/speakers/ for its shape.',
  },
  'unresolved-speaker': {
    severity: 'warning',
    hint: "Add the label to a speaker's `aliases` in speakers.yaml, or add the speaker (the registry asks for this with `strict: true`).",
  },
  'invalid-topics': {
    severity: 'error',
    hint: 'Fix the topics file; see /docs/topics/ for its shape.',
  },
  'invalid-config': {
    severity: 'error',
    hint: 'Fix archive.config.yaml; /docs/configuration/ lists its fields (site, name, publisher, language).',
  },
  'duplicate-slug': {
    severity: 'error',
    hint: 'Give one of the transcripts another `slug:` in its metadata file, or rename the file.',
  },
  'empty-slug': {
    severity: 'error',
    hint: 'Give the transcript a `slug:` made of letters and digits in its metadata file.',
  },
  'invalid-json': {
    severity: 'error',
    hint: 'Fix the JSON (a validator will point at the spot), or export the transcript again from its tool.',
  },
  'invalid-subtitles': {
    severity: 'error',
    hint: 'Check the subtitle file against its format (WebVTT or SRT); each cue needs a timing line and text.',
  },
  'subtitle-quirk': {
    severity: 'warning',
    hint: 'The text was kept as described; fix the subtitle file if the reading is wrong.',
  },
  'invalid-time': {
    severity: 'warning',
    hint: 'Give `start` and `end` as seconds from the start of the recording, numbers of 0 or more (`12.5`); the text was kept without the time.',
  },
  'unsure-label': {
    severity: 'warning',
    hint: 'If the decision is wrong, put the label on a line of its own (`Name:`), or name the format in the metadata file.',
  },
  'name-clash': {
    severity: 'error',
    hint: 'Give one of the two entries another name, alias or `slug:`: each name and slug must lead to one speaker or topic.',
  },
  'unknown-original': {
    severity: 'warning',
    hint: "Set `translationOf:` to the original's file name (beside this file) or its slug; until then this file is built as a transcript of its own.",
  },
  'duplicate-version': {
    severity: 'error',
    hint: 'Give each language version of a transcript its own language (`<name>.<lang>.<ext>`, or `language:` in its metadata).',
  },
  'unreadable-file': {
    severity: 'error',
    hint: 'Check that the file exists and can be read.',
  },
} as const satisfies Record<string, { severity: Severity; hint: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

/** Makes a problem from the catalogue. */
export function problem(code: ProblemCode, file: string, message: string, line?: number): Problem {
  const entry = PROBLEMS[code];
  return {
    code,
    severity: entry.severity,
    file,
    ...(line === undefined ? {} : { line }),
    message,
    hint: entry.hint,
  };
}

/** `file:line` where there is a line, `file` otherwise. */
export function problemLocation(p: Problem): string {
  return p.line === undefined ? p.file : `${p.file}:${p.line}`;
}

/** Formats a problem for a terminal: location, severity, message, then the remedy. */
export function formatProblem(p: Problem): string {
  return `${problemLocation(p)}: ${p.severity} [${p.code}] ${p.message}\n  ↳ ${p.hint}`;
}
