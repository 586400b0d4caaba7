/**
 * Which format a file is in: forced by metadata, else by its content where the
 * content says (a `.txt` that is really WebVTT, SRT, or Markdown with bold
 * labels or front matter is read as such), else by its ending. A file with no
 * ending, or one this table does not know, is plain text.
 */
import type { Format } from '../schema.ts';
import { parseDiarizedJson } from './parse-diarized-json.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { parsePlainText } from './parse-plain-text.ts';
import { parseSrt } from './parse-srt.ts';
import { parseWebvtt } from './parse-webvtt.ts';
import type { FormatParser } from './types.ts';

/** File endings the ingest reads, and the format each suggests. */
export const EXTENSIONS: Record<string, Format> = {
  '.txt': 'label-lines',
  '.text': 'label-lines',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.vtt': 'webvtt',
  '.srt': 'srt',
  '.json': 'diarized-json',
};

export const PARSERS: Record<Format, FormatParser> = {
  'label-lines': parsePlainText,
  'inline-labels': parsePlainText,
  markdown: parseMarkdown,
  webvtt: parseWebvtt,
  srt: parseSrt,
  'diarized-json': parseDiarizedJson,
};

export function detectFormat(file: string, text: string, forced?: Format): Format {
  if (forced) return forced;
  const head = text.replace(/^\uFEFF/, '').slice(0, 200);
  if (/^WEBVTT(?:[ \t]|\r?\n|$)/.test(head)) return 'webvtt';
  if (/^(?:\d+\r?\n)?\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s+-->\s+\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}/.test(head.trimStart()))
    return 'srt';
  const ext = /\.[^./\\]+$/.exec(file.toLowerCase())?.[0] ?? '';
  const byName = EXTENSIONS[ext] ?? 'label-lines';
  if (byName === 'label-lines' && looksLikeMarkdown(text)) return 'markdown';
  return byName;
}

/** Bold labels at line starts (`**MS. RIDINGS:**`, `**   JIM LEHRER:**`), at least two of them. */
const BOLD_LABEL_LINE = /^[ \t]*\*\*[^*\n]{1,80}?(?::[ \t]*\*\*|\*\*[ \t]*:)/gm;

/**
 * Plain text that is Markdown in all but name: YAML front matter on the first
 * line, or turns introduced by bold labels. Such a file is read by the
 * Markdown parser, so its labels are labels and its `**` are not shown.
 */
export function looksLikeMarkdown(text: string): boolean {
  const body = text.replace(/^\uFEFF/, '');
  if (/^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.test(body)) return true;
  return (body.match(BOLD_LABEL_LINE) ?? []).length >= 2;
}
