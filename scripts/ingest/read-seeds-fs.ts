/**
 * Reads the seeds folder: transcript files with their sidecar metadata, the
 * archive-wide files (topic rules, speaker registry, and `about.md`, the
 * site owner's description of the collection), and lists everything else as
 * skipped, with the reason.
 *
 * A transcript whose size and modification time (and its metadata file's)
 * are those of the last run is not read at all: its hash is the one recorded
 * then, and its bytes are read only if the pipeline asks for them (to parse
 * it again). At 10,000 transcripts this is the difference between reading
 * 400 MB and reading a few directory listings, like `make` or `rsync`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
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
/** The site owner's "About this archive" page, in Markdown: at the top of the folder only, never a transcript. */
const ABOUT_FILE = /^about\.md$/i;

export interface SeedsFolder extends ArchiveInput {
  skipped: { file: string; reason: string }[];
  /** Each transcript's size and modification time with its hash: the next run's `known`. */
  stamps: Map<string, SeedStamp>;
  /** Bytes of the transcript and metadata files (read or not). */
  inputBytes: number;
  /** `about.md`: the archive's own description, published at /about/. */
  about?: { file: string; text: string };
}

/** What a transcript file (and its metadata file) looked like when its hash was taken. */
export interface SeedStamp {
  /** Sizes and modification times, as `size:mtime[|size:mtime]`. */
  stamp: string;
  hash: string;
}

/**
 * @param known the stamps of the last run: a file whose stamp is unchanged
 *   keeps its hash and is read only when its bytes are asked for.
 */
export async function readSeeds(dir: string, known?: ReadonlyMap<string, SeedStamp>): Promise<SeedsFolder> {
  const all = (await listFiles(dir)).map((abs) => ({ abs, rel: relative(dir, abs).split(sep).join('/') }));
  const byRel = new Set(all.map((f) => f.rel));
  const sources: SourceFile[] = [];
  const skipped: SeedsFolder['skipped'] = [];
  let topicRules: SeedsFolder['topicRules'];
  let speakerRegistry: SeedsFolder['speakerRegistry'];
  let about: SeedsFolder['about'];
  const stamps = new Map<string, SeedStamp>();
  let inputBytes = 0;

  for (const { abs, rel } of all) {
    const ext = extensionOf(rel);
    if (ABOUT_FILE.test(rel)) {
      about = { file: rel, text: await readFile(abs, 'utf8') };
    } else if (SECTION_PAGE.test(rel)) {
      skipped.push({ file: rel, reason: 'a section page (`_index.md`), not a transcript' });
    } else if (DOCUMENTATION.test(rel)) {
      skipped.push({ file: rel, reason: 'documentation of the folder, not a transcript' });
    } else if (TRANSCRIPT_EXTENSIONS.includes(ext)) {
      const metaRel = META_EXTENSIONS.map((e) => rel.slice(0, -ext.length) + e).find((m) => byRel.has(m));
      const metaAbs = metaRel ? join(dir, metaRel) : undefined;
      const stats = await Promise.all([abs, ...(metaAbs ? [metaAbs] : [])].map((f) => stat(f)));
      inputBytes += stats.reduce((n, st) => n + st.size, 0);
      const stamp = stats.map((st) => `${st.size}:${st.mtimeMs}`).join('|');
      const previous = known?.get(rel);
      if (previous?.stamp === stamp) {
        sources.push(lazySource(rel, abs, previous.hash, metaRel, metaAbs));
        stamps.set(rel, previous);
        continue;
      }
      const bytes = new Uint8Array(await readFile(abs));
      const meta = metaRel && metaAbs ? { file: metaRel, text: await readFile(metaAbs, 'utf8') } : undefined;
      const hash = createHash('sha256')
        .update(bytes)
        .update(meta?.text ?? '')
        .digest('hex');
      sources.push({ file: rel, bytes, hash, ...(meta ? { meta } : {}) });
      stamps.set(rel, { stamp, hash });
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
  return {
    sources,
    skipped,
    stamps,
    inputBytes,
    ...(topicRules ? { topicRules } : {}),
    ...(speakerRegistry ? { speakerRegistry } : {}),
    ...(about ? { about } : {}),
  };
}

/** A source known from the last run: its bytes (and metadata text) are read the first time they are asked for. */
function lazySource(file: string, abs: string, hash: string, metaRel?: string, metaAbs?: string): SourceFile {
  let bytes: Uint8Array | undefined;
  let text: string | undefined;
  return {
    file,
    hash,
    get bytes() {
      bytes ??= new Uint8Array(readFileSync(abs));
      return bytes;
    },
    ...(metaRel && metaAbs
      ? {
          meta: {
            file: metaRel,
            get text() {
              text ??= readFileSync(metaAbs, 'utf8');
              return text;
            },
          },
        }
      : {}),
  };
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
