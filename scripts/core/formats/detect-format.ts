/**
 * Which format a file is in: forced by metadata, else by its ending, else by
 * its first bytes (a `.txt` that is really WebVTT or SRT is read as such).
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
  '.md': 'markdown',
  '.markdown': 'markdown',
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
  return EXTENSIONS[ext] ?? 'label-lines';
}
