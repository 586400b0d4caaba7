/**
 * Markdown transcripts, as podcast and conference archives publish them:
 *
 *     ---
 *     title: 'Cluster Mempool'
 *     date: 2024-12-20
 *     speakers: [Mark Erhardt]
 *     ---
 *     ## Intro
 *     **Kris Brandow:** Welcome to Go Time! …
 *     \[03:51\] This episode is to help you …
 *
 * - YAML front matter becomes the file's own metadata;
 * - bold labels, with the colon inside or outside the bold, or the bold left
 *   unclosed (`**Name:** text`, `**Name**: text`, `**Name: text`), start turns,
 *   as do labels standing alone (`Aaron van Wirdum: 00:00:19`);
 * - ATX and setext headings become sections;
 * - paragraphs keep their Markdown (links, emphasis), rendered safely later;
 *   fenced code blocks stay whole.
 */
import { classifyLabelLine } from '../detect-label.ts';
import { readYaml } from '../parse-yaml.ts';
import { toLines } from '../text.ts';
import { type Block, lineOpening, segmentTurns } from './segment-turns.ts';
import { timestampAtLabel, wrappedTimestamp } from './timestamps.ts';
import { emptyDocument, type ParsedDocument } from './types.ts';

const BOLD_LABEL = /^\*\*([^*\n]{1,80}?)(?::[ \t]*\*\*|\*\*\s*:|:(?!\*\*))[ \t]*([\s\S]*)$/;
const ATX = /^#{1,6}\s+(.*?)(?:\s+#+)?\s*$/;
const FENCE = /^(`{3,}|~{3,})/;

/** `**Name:** text` and its spellings → the name and the text after it. */
export function boldLabel(line: string): { name: string; rest: string } | undefined {
  const m = BOLD_LABEL.exec(line);
  if (!m?.[1]) return undefined;
  const name = m[1].trim();
  // Bold already marks a label: a credential after a comma (`Mireille B. Reece, Psy.D`) does not unmake it.
  const core = name.replace(/,\s*(?:\p{Lu}\p{L}{0,3}\.?){1,3}$/u, '');
  if (!classifyLabelLine(`${core}:`).label) return undefined;
  return { name, rest: (m[2] ?? '').trim() };
}

/** Splits YAML front matter off; the body keeps its line numbers through `bodyLine`. */
function splitFrontMatter(text: string): { yaml?: string; body: string; bodyLine: number } {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[0]?.trim() !== '---') return { body: text, bodyLine: 1 };
  const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  if (end === -1) return { body: text, bodyLine: 1 };
  return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

function markdownToBlocks(body: string, firstLine: number): Block[] {
  const blocks: Block[] = [];
  let open: Block | undefined;
  let fence: string | undefined;
  const lines = toLines(body);
  for (let i = 0; i < lines.length; i++) {
    const { text: raw } = lines[i] as { text: string };
    const line = i + firstLine;
    const text = raw.trimEnd();
    if (fence !== undefined) {
      if (open) open.text += `\n${text}`;
      if (text.trim().startsWith(fence)) fence = undefined;
      continue;
    }
    const fenceOpen = FENCE.exec(text.trim())?.[1];
    if (fenceOpen) {
      fence = fenceOpen;
      open = { text, line };
      blocks.push(open);
      continue;
    }
    if (text.trim() === '') {
      open = undefined;
      continue;
    }
    const atx = ATX.exec(text);
    if (atx) {
      blocks.push({ text: atx[1] ?? '', line, heading: true });
      open = undefined;
      continue;
    }
    if (open && !open.heading && /^(?:=+|-+)\s*$/.test(text) && !open.text.includes('\n')) {
      open.heading = true;
      open = undefined;
      continue;
    }
    const timed = timestampAtLabel(text.trim());
    const bold = boldLabel(text.trim());
    const timedBold = bold || !timed ? undefined : boldLabel(timed.text);
    const strong = bold ?? timedBold;
    if (strong) {
      open = { text: text.trim(), line, strongLabel: strong, ...(timed && timedBold ? { start: timed.start } : {}) };
      blocks.push(open);
      continue;
    }
    // A timed label standing alone (`Name: 00:02:10`, `Name (02:10):`), or one whose next line opens
    // with a timestamp, is a block of its own: the text on the next line is the turn's. An untimed
    // `Output:` line stays in its paragraph, as Markdown writes it.
    const afterLabel =
      open !== undefined &&
      !open.text.includes('\n') &&
      lineOpening(open.text) === 'standalone' &&
      (/\d:\d{2}/.test(open.text) || wrappedTimestamp(text.trim()) !== undefined);
    const startsBlock = lineOpening(text.trim()) !== undefined || afterLabel;
    if (!open || startsBlock || (open.strongLabel && open.strongLabel.rest === '')) {
      open = { text: text.trim(), line };
      blocks.push(open);
    } else {
      open.text += `\n${text.trim()}`;
      if (open.strongLabel) open.strongLabel.rest += `\n${text.trim()}`;
    }
  }
  return blocks;
}

export function parseMarkdown(text: string, file: string): ParsedDocument {
  const doc = emptyDocument('markdown');
  const { yaml, body, bodyLine } = splitFrontMatter(text);
  if (yaml !== undefined) {
    // The front matter starts on line 2, after its `---`.
    const read = readYaml(yaml, file, 'invalid-front-matter');
    if ('problems' in read) {
      for (const p of read.problems) {
        doc.problems.push({ ...p, message: `front matter ignored: ${p.message}`, line: (p.line ?? 0) + 1 });
      }
    } else if (read.data && typeof read.data === 'object' && !Array.isArray(read.data)) {
      doc.meta = read.data as Record<string, unknown>;
    }
  }
  const { styles: _styles, ...segmented } = segmentTurns(markdownToBlocks(body, bodyLine));
  return { ...doc, ...segmented };
}
