/**
 * Separates the closing matter of a transcript (a translators' credit, a
 * disclaimer) from the last speaker's words. Only paragraphs at the very end
 * qualify, and only when they open like a credit (`Translated and edited by`)
 * or a note (`In case of any discrepancy`), or are an official record's end
 * mark (`END 3:47 P.M. EDT`, kept as a note); a credit and a note that share a
 * paragraph are cut apart at the note's first words.
 */
import type { ParsedParagraph as SourceParagraph } from './formats/types.ts';

const CREDIT =
  /^(?:(?:translated|edited|transcribed|compiled|interpreted|captioned|produced|proofread|reviewed)(?:\s*(?:,|and|&)\s*(?:translated|edited|transcribed|compiled|interpreted|captioned|produced|proofread|reviewed))*\s+by\b|transcript(?:ion)?\s+by\b|(?:translation|transcription)\s*:)/i;
const NOTE =
  /(?:^|(?<=[.!?]\s+))(?:in (?:case|the event) of (?:any )?(?:discrepancy|inconsistency|conflict)|this (?:transcript|translation) (?:is|has been)|disclaimer\s*:|note\s*:)/i;

export interface ClosingMatter {
  /** The paragraphs that remain spoken text. */
  spoken: SourceParagraph[];
  credits: string[];
  notes: string[];
}

/** Splits closing credits and notes off the end of the last turn's paragraphs. */
export function splitClosingMatter(paragraphs: readonly SourceParagraph[]): ClosingMatter {
  let start = paragraphs.length;
  while (start > 0 && isClosing((paragraphs[start - 1] as SourceParagraph).text)) start--;
  // A closing block must leave the speaker at least one paragraph of their own.
  if (start === 0) return { spoken: [...paragraphs], credits: [], notes: [] };

  const credits: string[] = [];
  const notes: string[] = [];
  for (const { text } of paragraphs.slice(start)) {
    const noteAt = END_MARK.test(text.trim()) ? 0 : text.search(NOTE);
    if (noteAt === -1) credits.push(text);
    else {
      const credit = text.slice(0, noteAt).trim();
      if (credit) credits.push(credit);
      notes.push(text.slice(noteAt).trim());
    }
  }
  return { spoken: paragraphs.slice(0, start), credits, notes };
}

/** The end mark of an official record, with the time it ended: `END`, `END 3:47 P.M. EDT`. */
const END_MARK = /^(?:END|\*\s*\*\s*\*|###)(?:\s+\d{1,2}:\d{2}\s*[AP]\.?\s?M\.?(?:\s+[A-Z]{2,4})?)?$/;

function isClosing(text: string): boolean {
  return CREDIT.test(text) || text.search(NOTE) === 0 || END_MARK.test(text.trim());
}
