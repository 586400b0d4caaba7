/**
 * Reads the seeds folder: transcript files with their sidecar metadata, and
 * the topic rules. Everything else is listed as skipped, with the reason.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { EXTENSIONS } from '../core/formats/detect-format.ts';
import type { ArchiveInput, SourceFile } from '../core/ingest-archive.ts';

/** File endings read as transcripts. */
const TRANSCRIPT_EXTENSIONS = Object.keys(EXTENSIONS);
/** A folder's own documentation: README, LICENSE, SOURCES, CHANGELOG. */
const DOCUMENTATION = /(?:^|\/)(?:readme|license|licence|changelog|sources|contributing)\.(?:md|txt)$/i;
/** Hugo-style section pages (`_index.md`): listings, not transcripts. */
const SECTION_PAGE = /(?:^|\/)_index(?:\.[a-z]{2})?\.md$/;
const META_EXTENSIONS = ['.yaml', '.yml'] as const;
const TOPICS_FILE = /^topics\.ya?ml$/;
const SPEAKERS_FILE = /^speakers\.ya?ml$/;

export interface SeedsFolder extends ArchiveInput {
  skipped: { file: string; reason: string }[];
}

export async function readSeeds(dir: string): Promise<SeedsFolder> {
  const all = (await listFiles(dir)).map((abs) => ({ abs, rel: relative(dir, abs).split(sep).join('/') }));
  const byRel = new Set(all.map((f) => f.rel));
  const sources: SourceFile[] = [];
  const skipped: SeedsFolder['skipped'] = [];
  let topicRules: SeedsFolder['topicRules'];
  let speakerRegistry: SeedsFolder['speakerRegistry'];

  for (const { abs, rel } of all) {
    const ext = extensionOf(rel);
    if (SECTION_PAGE.test(rel)) {
      skipped.push({ file: rel, reason: 'a section page (`_index.md`), not a transcript' });
    } else if (DOCUMENTATION.test(rel)) {
      skipped.push({ file: rel, reason: 'documentation of the folder, not a transcript' });
    } else if (TRANSCRIPT_EXTENSIONS.includes(ext)) {
      const bytes = new Uint8Array(await readFile(abs));
      const metaRel = META_EXTENSIONS.map((e) => rel.slice(0, -ext.length) + e).find((m) => byRel.has(m));
      const meta = metaRel ? { file: metaRel, text: await readFile(join(dir, metaRel), 'utf8') } : undefined;
      const hash = createHash('sha256')
        .update(bytes)
        .update(meta?.text ?? '')
        .digest('hex');
      sources.push({ file: rel, bytes, hash, ...(meta ? { meta } : {}) });
    } else if (TOPICS_FILE.test(rel)) {
      topicRules = { file: rel, text: await readFile(abs, 'utf8') };
    } else if (SPEAKERS_FILE.test(rel)) {
      speakerRegistry = { file: rel, text: await readFile(abs, 'utf8') };
    } else if (META_EXTENSIONS.some((e) => e === ext)) {
      const stem = rel.slice(0, -ext.length);
      if (!TRANSCRIPT_EXTENSIONS.some((e) => byRel.has(stem + e))) {
        skipped.push({ file: rel, reason: 'metadata file with no transcript beside it' });
      }
    } else {
      skipped.push({ file: rel, reason: `\`${ext || 'no extension'}\` is not a transcript format this version reads` });
    }
  }
  return { sources, skipped, ...(topicRules ? { topicRules } : {}), ...(speakerRegistry ? { speakerRegistry } : {}) };
}

function extensionOf(path: string): string {
  const m = /\.[^./]+$/.exec(path);
  return m ? m[0].toLowerCase() : '';
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
