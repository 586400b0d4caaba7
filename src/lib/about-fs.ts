/**
 * The site owner's "About this archive" text (`seeds/about.md`, copied into
 * the content folder by the ingest), as HTML: Markdown with micromark's safe
 * defaults (raw HTML is shown as text, `javascript:` links are dropped; links
 * within the site are kept, unlike a transcript's).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { micromark } from 'micromark';
import { CONTENT_DIR } from './content-dir.ts';

export interface AboutPage {
  /** The first `# heading`, when the text starts with one. */
  title?: string;
  html: string;
}

export function readAbout(): AboutPage | undefined {
  let text: string;
  try {
    text = readFileSync(join(CONTENT_DIR, 'about.md'), 'utf8');
  } catch {
    return undefined;
  }
  const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(text.trimStart().split('\n')[0] ?? '');
  const body = heading ? text.trimStart().split('\n').slice(1).join('\n') : text;
  return { ...(heading?.[1] ? { title: heading[1] } : {}), html: micromark(body) };
}
