/**
 * A content loader for the MDX files the ingest writes: JSON front matter
 * holding the record, and a body of `<p>{"…"}</p>` paragraphs whose text is a
 * string literal (see `scripts/core/to-mdx.ts`).
 *
 * Astro's `glob()` loader compiles every MDX file into a JavaScript module and
 * bundles them all: at 10,000 transcripts that is most of the build's time and
 * memory, for bodies that only ever hold escaped text. This loader reads the
 * same files as data: the record goes through the collection's zod schema
 * like any entry, and the body's string literals become escaped HTML
 * paragraphs, so nothing in a file is ever evaluated. A file whose size and
 * modification time are unchanged since the last build is not read again.
 *
 * Transcripts are stored as entries (`TranscriptEntrySchema`: the slug and
 * the versions' languages, what routes need) once the whole record has
 * passed `TranscriptSchema`: Astro serializes its data store and bundles it
 * into the build as one string (at 10,000 transcripts whole records made it
 * 396 MB, cards 20 MB). Their outlines (`TranscriptOutlineSchema`: the card,
 * turns without text, topic matches) are kept beside the store and handed to
 * the pages' archive index (`outline-store-fs.ts`); pages that show text read
 * the record from the file with {@link readTranscript}.
 *
 * Once the content is there, it reads with synchronous calls up to its last
 * `store.set`. Astro's data store saves itself (serializing every entry,
 * ~1.8 s at 10,000 transcripts) 500 ms after the last change it saw, and
 * once more when the sync ends; while a loader awaited its reads, a rebuild
 * of one transcript saved it three times instead of once.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { markdownToHtml } from '../../scripts/core/render-paragraph.ts';
import { type Transcript, TranscriptEntrySchema, TranscriptSchema } from '../../scripts/core/schema.ts';
import { mdxBodyToHtml, parseMdxRecord } from '../../scripts/core/to-mdx.ts';
import { contentReady } from '../../scripts/lib/content-gate-fs.ts';
import { ifThere } from '../../scripts/lib/if-there.ts';
import { handOutlines, readOutlines, writeOutlines } from './outline-store-fs.ts';
import { outlineOf, packOutline } from './transcript-outline.ts';

/** A meta key set while the loader waits for the content, and deleted before it reads. */
const WAITING = 'waiting-for-content';

/** What a loaded file's record becomes in the store: whole (speakers, topics), or a transcript's entry. */
type Keep = 'whole' | 'transcript-entry';

/**
 * Loads every `*.mdx` file of `folder` as an entry whose id is the file name.
 * `paragraphs` bodies (transcripts, topics) must be the escaped paragraphs the
 * ingest writes; a `markdown` body (a speaker's biography from the registry)
 * is rendered with micromark's safe defaults: raw HTML escaped, unsafe links
 * dropped, nothing evaluated.
 */
export function mdxRecords(
  folder: string,
  bodyKind: 'paragraphs' | 'markdown' = 'paragraphs',
  keep: Keep = 'whole',
): Loader {
  return {
    name: 'mdx-records',
    async load({ store, meta, parseData, generateDigest, config }) {
      const cacheDir = fileURLToPath(config.cacheDir);
      // The kept outlines are this loader's own, from the last build, and the ingest never writes them:
      // read while the build's ingest runs (3-4 s of a core at 10,000 transcripts), not after it.
      const kept = keep === 'transcript-entry' ? readOutlines(cacheDir, folder) : undefined;
      // Started with the ingest, the build's Astro waits for the content (meta: see contentReady).
      await contentReady(() => meta.set(WAITING, 'yes'), kept);
      if (meta.has(WAITING)) meta.delete(WAITING);
      const outlines = await kept;
      const names = (ifThere(() => readdirSync(folder)) ?? []).filter((n) => n.endsWith('.mdx')).sort();
      const present = new Set<string>();
      const outlinesChanged: string[] = [];
      for (const name of names) {
        const id = name.slice(0, -'.mdx'.length);
        const path = join(folder, name);
        present.add(id);
        const s = statSync(path);
        const stamp = `${s.size}:${s.mtimeMs}`;
        if (meta.get(id) === stamp && store.has(id) && (!outlines || outlines.get(id)?.stamp === stamp)) continue;
        const text = readFileSync(path, 'utf8');
        const record = parseMdxRecord(text);
        if (!record) {
          throw new Error(
            `${path}:1: the file does not start with the front matter the ingest writes\n  ↳ Regenerate it with \`npm run ingest\` instead of editing it by hand.`,
          );
        }
        const body =
          bodyKind === 'markdown' ? { html: markdownToHtml(record.body.trim()) } : mdxBodyToHtml(record.body);
        if ('line' in body) {
          const line = text.slice(0, text.length - record.body.length).split('\n').length - 1 + body.line;
          throw new Error(
            `${path}:${line}: the body holds something other than the text paragraphs the ingest writes\n  ↳ Regenerate it with \`npm run ingest\`; transcript text belongs in the seeds, not in the MDX.`,
          );
        }
        let stored = record.data as Record<string, unknown>;
        if (keep === 'transcript-entry') {
          const whole = TranscriptSchema.safeParse(record.data);
          if (!whole.success) throw new Error(recordError(path, whole.error.issues[0]));
          stored = TranscriptEntrySchema.parse(whole.data);
          outlines?.set(id, { stamp, packed: packOutline(outlineOf(whole.data)) });
          outlinesChanged.push(id);
        }
        const data = await parseData({ id, data: stored, filePath: path });
        store.set({ id, data, digest: generateDigest(text), rendered: { html: body.html } });
        meta.set(id, stamp);
      }
      for (const id of store.keys()) {
        if (present.has(id)) continue;
        store.delete(id);
        meta.delete(id);
      }
      if (!outlines) return;
      for (const id of outlines.keys()) {
        if (present.has(id)) continue;
        outlines.delete(id);
        outlinesChanged.push(id);
      }
      if (outlinesChanged.length > 0) await writeOutlines(cacheDir, folder, outlines, outlinesChanged);
      handOutlines(folder, outlines);
    },
  };
}

/** The message for a record that fails its schema, naming the file and the field. */
function recordError(path: string, issue: { path: PropertyKey[]; message: string } | undefined): string {
  const field = issue?.path.map(String).join('.') || 'the record';
  return `${path}:1: \`${field}\`: ${issue?.message ?? 'invalid'}\n  ↳ Regenerate it with \`npm run ingest\` instead of editing it by hand.`;
}

/**
 * A transcript's whole record, turns included, read from its file in
 * `folder` and checked against `TranscriptSchema` (which also fills the
 * defaults a record written by an older ingest may lack).
 */
export async function readTranscript(folder: string, slug: string): Promise<Transcript> {
  const path = join(folder, `${slug}.mdx`);
  const record = parseMdxRecord(await readFile(path, 'utf8'));
  const parsed = TranscriptSchema.safeParse(record?.data);
  if (!parsed.success) throw new Error(recordError(path, parsed.error.issues[0]));
  return parsed.data;
}
