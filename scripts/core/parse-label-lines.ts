/**
 * Parser for the "label on its own line" format (the seed's shape):
 *
 *     Qi Yanjun:
 *     Thank you for your question. …
 *     Moving forward, … will focus on these four areas:
 *     First, …
 *
 * A label line introduces a turn; every following paragraph belongs to it
 * until the next label. Paragraphs are lines, or, when the file separates
 * paragraphs with blank lines, blocks of lines joined with a space (so that
 * hard-wrapped text reads as one paragraph).
 */
import { classifyLabelLine } from './detect-label.ts';
import { type SourceLine, squash } from './text.ts';

/** A paragraph with the line it starts on. */
export interface SourceParagraph {
  text: string;
  line: number;
}

/** A turn as found in the source, before speakers are resolved. */
export interface RawTurn {
  label: string;
  /** Line of the label. */
  line: number;
  paragraphs: SourceParagraph[];
}

export interface RawTranscript {
  /** Paragraphs before the first label. */
  preamble: SourceParagraph[];
  turns: RawTurn[];
}

export function parseLabelLines(lines: readonly SourceLine[]): RawTranscript {
  // Blank lines at the start or end (a final newline) say nothing about paragraphs.
  const first = lines.findIndex((l) => l.text.trim() !== '');
  const last = lines.findLastIndex((l) => l.text.trim() !== '');
  const blankSeparated = lines.slice(first, last + 1).some((l) => l.text.trim() === '');
  const preamble: SourceParagraph[] = [];
  const turns: RawTurn[] = [];
  let current: SourceParagraph | undefined;

  const target = (): SourceParagraph[] => turns.at(-1)?.paragraphs ?? preamble;
  const close = (): void => {
    if (current) target().push(current);
    current = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    const text = squash(line.text);
    if (text === '') {
      close();
      continue;
    }
    const verdict = classifyLabelLine(text);
    if (verdict.label && followedByText(lines, i)) {
      close();
      turns.push({ label: verdict.name, line: line.line, paragraphs: [] });
      continue;
    }
    if (current && blankSeparated) {
      current.text = `${current.text} ${text}`;
    } else {
      close();
      current = { text, line: line.line };
    }
  }
  close();
  // Every label was followed by text (`followedByText`), so no turn is empty.
  return { preamble, turns };
}

/** A label must be followed by a paragraph, not by another label or the end of the file. */
function followedByText(lines: readonly SourceLine[], index: number): boolean {
  for (let j = index + 1; j < lines.length; j++) {
    const text = (lines[j] as SourceLine).text.trim();
    if (text === '') continue;
    return !classifyLabelLine(text).label;
  }
  return false;
}
