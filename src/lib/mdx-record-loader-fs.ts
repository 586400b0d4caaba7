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
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import { markdownToHtml } from '../../scripts/core/render-paragraph.ts';
import { mdxBodyToHtml, parseMdxRecord } from '../../scripts/core/to-mdx.ts';

/**
 * Loads every `*.mdx` file of `folder` as an entry whose id is the file name.
 * `paragraphs` bodies (transcripts, topics) must be the escaped paragraphs the
 * ingest writes; a `markdown` body (a speaker's biography from the registry)
 * is rendered with micromark's safe defaults: raw HTML escaped, unsafe links
 * dropped, nothing evaluated.
 */
export function mdxRecords(folder: string, bodyKind: 'paragraphs' | 'markdown' = 'paragraphs'): Loader {
  return {
    name: 'mdx-records',
    async load({ store, meta, parseData, generateDigest }) {
      const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith('.mdx')).sort();
      const present = new Set<string>();
      for (const name of names) {
        const id = name.slice(0, -'.mdx'.length);
        const path = join(folder, name);
        present.add(id);
        const s = await stat(path);
        const stamp = `${s.size}:${s.mtimeMs}`;
        if (meta.get(id) === stamp && store.has(id)) continue;
        const text = await readFile(path, 'utf8');
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
        const data = await parseData({ id, data: record.data as Record<string, unknown>, filePath: path });
        store.set({ id, data, digest: generateDigest(text), rendered: { html: body.html } });
        meta.set(id, stamp);
      }
      for (const id of store.keys()) {
        if (present.has(id)) continue;
        store.delete(id);
        meta.delete(id);
      }
    },
  };
}
