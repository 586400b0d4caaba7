/**
 * Reads the seeds folder: transcript files with their sidecar metadata, the
 * archive-wide files (topic rules, speaker registry, and `about.md`, the
 * site owner's description of the collection), and lists everything else as
 * skipped, with the reason.
 * Every file's size is checked before it is read: one over its limit is
 * reported and never read.
 *
 * A transcript whose size and modification time (and its metadata file's)
 * are those of the last run is not read at all: its hash is the one recorded
 * then, and its bytes are read only if the pipeline asks for them (to parse
 * it again). At 10,000 transcripts this is the difference between reading
 * 400 MB and reading a few directory listings, like `make` or `rsync`.
 */
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { readFileSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { EXTENSIONS } from '../core/formats/detect-format.ts';
import type { ArchiveInput, SourceFile } from '../core/ingest-archive.ts';
import { MAX_TRANSCRIPT_BYTES, MAX_YAML_BYTES, tooLargeMessage } from '../core/input-limits.ts';
import { type Problem, type ProblemCode, problem } from '../core/problems.ts';
import { looksBinary } from '../core/text.ts';
import { ifThere } from '../lib/if-there.ts';
import { limited } from '../lib/limited.ts';

/** File endings read as transcripts; a file with no ending is read too, its format decided by its content. */
const TRANSCRIPT_EXTENSIONS = [...Object.keys(EXTENSIONS), ''];
/** A folder's own documentation: README, LICENSE, SOURCES, CHANGELOG. */
const DOCUMENTATION =
  /(?:^|\/)(?:readme|license|licence|changelog|sources|contributing|copying|authors)(?:\.(?:md|txt))?$/i;
/** Hugo-style section pages (`_index.md`): listings, not transcripts. */
const SECTION_PAGE = /(?:^|\/)_index(?:\.[a-z]{2})?\.md$/;
const META_EXTENSIONS = ['.yaml', '.yml'] as const;
const TOPICS_FILE = /^topics\.ya?ml$/;
const SPEAKERS_FILE = /^speakers\.ya?ml$/;
/** The site owner's "About this archive" page, in Markdown: at the top of the folder only, never a transcript. */
const ABOUT_FILE = /^about\.md$/i;
/** Transcript files stat'ed and read at once. */
const READ_LANES = 16;

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
  const skipped: SeedsFolder['skipped'] = [];
  const all = (await listFiles(dir, skipped)).map((abs) => ({ abs, rel: relative(dir, abs).split(sep).join('/') }));
  const byRel = new Set(all.map((f) => f.rel));
  const sources: SourceFile[] = [];
  const problems: Problem[] = [];
  let topicRules: SeedsFolder['topicRules'];
  let speakerRegistry: SeedsFolder['speakerRegistry'];
  let about: SeedsFolder['about'];
  const stamps = new Map<string, SeedStamp>();
  let inputBytes = 0;

  // Read and hash the transcripts 16 at a time (each stat'ed first): one at a time, the process waits on the thread
  // pool between files (10,000 seeds: ~4 s against ~2 s). The results are taken in the files' order below.
  const listed = all.filter((f) => isTranscriptFile(f.rel));
  const reads = await limited(
    listed.map((f) => () => readTranscript(dir, f.abs, f.rel, byRel, known)),
    READ_LANES,
  );
  const transcripts = new Map(listed.map((f, i) => [f.rel, reads[i] as TranscriptRead]));

  for (const { abs, rel } of all) {
    const ext = extensionOf(rel);
    const read = transcripts.get(rel);
    if (read) {
      inputBytes += read.bytes;
      if ('skip' in read) skipped.push({ file: rel, reason: read.skip });
      else {
        sources.push(read.source);
        stamps.set(rel, read.stamp);
      }
    } else if (ABOUT_FILE.test(rel)) {
      about = { file: rel, text: await readFile(abs, 'utf8') };
    } else if (SECTION_PAGE.test(rel)) {
      skipped.push({ file: rel, reason: 'a section page (`_index.md`), not a transcript' });
    } else if (DOCUMENTATION.test(rel)) {
      skipped.push({ file: rel, reason: 'documentation of the folder, not a transcript' });
    } else if (TOPICS_FILE.test(rel)) {
      const text = await readYamlFile(abs, rel, 'invalid-topics', problems);
      if (text !== undefined) topicRules = { file: rel, text };
    } else if (SPEAKERS_FILE.test(rel)) {
      const text = await readYamlFile(abs, rel, 'invalid-speakers', problems);
      if (text !== undefined) speakerRegistry = { file: rel, text };
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
    skipped: skipped.sort((a, b) => a.file.localeCompare(b.file)),
    stamps,
    inputBytes,
    ...(problems.length > 0 ? { problems } : {}),
    ...(topicRules ? { topicRules } : {}),
    ...(speakerRegistry ? { speakerRegistry } : {}),
    ...(about ? { about } : {}),
  };
}

/** Whether `rel` is read as a transcript: not `about.md`, a section page or the folder's documentation. */
function isTranscriptFile(rel: string): boolean {
  return (
    !ABOUT_FILE.test(rel) &&
    !SECTION_PAGE.test(rel) &&
    !DOCUMENTATION.test(rel) &&
    TRANSCRIPT_EXTENSIONS.includes(extensionOf(rel))
  );
}

/** A transcript file read: its source and stamp, or why it is skipped; `bytes` counts it (and its metadata file). */
type TranscriptRead = { bytes: number } & ({ source: SourceFile; stamp: SeedStamp } | { skip: string });

/**
 * Stats, and unless its stamp is `known` reads and hashes, one transcript and
 * its metadata file (`stem.yaml` or `stem.yml`, when `byRel` lists one).
 */
async function readTranscript(
  dir: string,
  abs: string,
  rel: string,
  byRel: ReadonlySet<string>,
  known: ReadonlyMap<string, SeedStamp> | undefined,
): Promise<TranscriptRead> {
  const ext = extensionOf(rel);
  const stem = ext === '' ? rel : rel.slice(0, -ext.length);
  const metaRel = META_EXTENSIONS.map((e) => stem + e).find((m) => byRel.has(m));
  const metaAbs = metaRel ? join(dir, metaRel) : undefined;
  // Synchronous stats: at 10,000 seeds, awaited through the thread pool (16 at once) they cost ~0.7 s of a core.
  const stats = [abs, ...(metaAbs ? [metaAbs] : [])].map((f) => ifThere(() => statSync(f)));
  const [own, metaStat] = stats;
  // Sizes first: a file over its limit is never read (a 2 GB file would not even fit in a string).
  const unread = !own
    ? problem('unreadable-file', rel, 'the file could not be read (it was removed or is not accessible)')
    : own.size > MAX_TRANSCRIPT_BYTES
      ? problem('file-too-large', rel, tooLargeMessage(own.size, MAX_TRANSCRIPT_BYTES))
      : metaRel && (!metaStat || metaStat.size > MAX_YAML_BYTES)
        ? problem(
            'invalid-metadata',
            metaRel,
            metaStat ? tooLargeMessage(metaStat.size, MAX_YAML_BYTES, 'metadata files') : 'the file could not be read',
          )
        : undefined;
  const bytes = stats.reduce((n, st) => n + (st?.size ?? 0), 0);
  const stamp = stats.map((st) => `${st?.size}:${st?.mtimeMs}`).join('|');
  // An unread file is stamped too, so that a replayed run notices when it is added, grows or shrinks.
  const unreadAs = (error: Problem): TranscriptRead => ({
    bytes,
    source: { file: rel, bytes: new Uint8Array(0), hash: `unread:${stamp}`, unread: error },
    stamp: { stamp, hash: `unread:${stamp}` },
  });
  if (unread) return unreadAs(unread);
  const previous = known?.get(rel);
  if (previous?.stamp === stamp && !previous.hash.startsWith('unread:')) {
    return { bytes, source: lazySource(rel, abs, previous.hash, metaRel, metaAbs), stamp: previous };
  }
  const read = await Promise.all([readFile(abs), metaAbs ? readFile(metaAbs, 'utf8') : undefined]).catch(
    (e: NodeJS.ErrnoException) => e,
  );
  if (read instanceof Error) {
    const failed = read.path === metaAbs && metaRel ? metaRel : rel;
    return unreadAs(problem('unreadable-file', failed, `the file could not be read (${read.code ?? read.message})`));
  }
  const content = new Uint8Array(read[0]);
  if (looksBinary(content)) {
    return { bytes, skip: `not text: a NUL byte on line ${lineOf(content, content.indexOf(0))} (a binary file)` };
  }
  const meta = metaRel && read[1] !== undefined ? { file: metaRel, text: read[1] } : undefined;
  const hash = createHash('sha256')
    .update(content)
    .update(meta?.text ?? '')
    .digest('hex');
  return { bytes, source: { file: rel, bytes: content, hash, ...(meta ? { meta } : {}) }, stamp: { stamp, hash } };
}

/** The text of `speakers.yaml` or `topics.yaml`, size-checked before it is read; a problem when it cannot be. */
async function readYamlFile(
  abs: string,
  rel: string,
  code: ProblemCode,
  problems: Problem[],
): Promise<string | undefined> {
  try {
    const { size } = await stat(abs);
    if (size > MAX_YAML_BYTES) {
      problems.push(problem(code, rel, tooLargeMessage(size, MAX_YAML_BYTES, 'YAML files')));
      return undefined;
    }
    return await readFile(abs, 'utf8');
  } catch (e) {
    problems.push(problem(code, rel, `the file could not be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`));
    return undefined;
  }
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

/** The 1-based line an offset falls on. */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function extensionOf(path: string): string {
  const m = /\.[^./]+$/.exec(path);
  return m ? m[0].toLowerCase() : '';
}

/**
 * The regular files under `dir`, sorted. Nothing else is opened: hidden files
 * and folders (a name starting with a dot), symbolic links (which could point
 * anywhere on the machine) and special files (a named pipe would block a
 * read forever) are added to `skipped` with the reason, from the folder
 * listing alone.
 */
async function listFiles(dir: string, skipped: { file: string; reason: string }[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const e of await readdir(folder, { withFileTypes: true })) {
      const abs = join(folder, e.name);
      const rel = relative(dir, abs).split(sep).join('/');
      if (e.name.startsWith('.')) {
        skipped.push({
          file: e.isDirectory() ? `${rel}/` : rel,
          reason: `a hidden ${e.isDirectory() ? 'folder' : 'file'} (its name starts with a dot): not read`,
        });
      } else if (e.isSymbolicLink()) {
        skipped.push({ file: rel, reason: 'a symbolic link: not followed; put the file itself in the seeds folder' });
      } else if (e.isDirectory()) {
        await walk(abs);
      } else if (e.isFile()) {
        files.push(abs);
      } else {
        skipped.push({ file: rel, reason: `${specialKind(e)}, not a regular file: not opened` });
      }
    }
  };
  await walk(dir);
  return files.sort();
}

function specialKind(e: Dirent): string {
  if (e.isFIFO()) return 'a named pipe (FIFO)';
  if (e.isSocket()) return 'a socket';
  if (e.isBlockDevice() || e.isCharacterDevice()) return 'a device';
  return 'a special file';
}
