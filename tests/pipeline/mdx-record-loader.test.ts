/**
 * The content loader reads its files without yielding to the event loop
 * from its first change to the store to its last: Astro's data store saves
 * itself (every entry serialized) 500 ms after the last change it saw, so a
 * loader that awaited its reads between changes had it saved over and over
 * in one sync. A timer set before the load stands for that save: it must not
 * run between two changes. (Before the first, while the loader reads its kept
 * outlines a shard at a time, `contentReady`'s keep-alive holds the save off:
 * see `content-gate.test.ts`.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestArchive } from '../../scripts/core/ingest-archive.ts';
import { speakerToMdx, transcriptToMdx } from '../../scripts/core/to-mdx.ts';
import { mdxRecords } from '../../src/lib/mdx-record-loader-fs.ts';
import { sourceFile } from '../helpers/source-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'archive-loader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const archive = ingestArchive({
  sources: Array.from({ length: 40 }, (_, i) =>
    sourceFile(`talk-${i}.md`, `Anna Berg:\n\nWelcome to talk ${i}.\n\nBo Chen:\n\nThank you, Anna.\n`),
  ),
});

function folderOf(name: string, files: Map<string, string>): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  for (const [file, text] of files) writeFileSync(join(folder, file), text);
  return folder;
}

/** What a load did, in order: each store change, and the timer if it ran before the load ended. */
async function load(folder: string, kind: 'paragraphs' | 'markdown', keep?: 'transcript-entry'): Promise<string[]> {
  const events: string[] = [];
  const entries = new Map<string, unknown>();
  const meta = new Map<string, string>();
  const context = {
    store: {
      set: (entry: { id: string }) => {
        events.push('set');
        entries.set(entry.id, entry);
        return true;
      },
      has: (id: string) => entries.has(id),
      keys: () => [...entries.keys()],
      delete: (id: string) => entries.delete(id),
    },
    meta: {
      get: (key: string) => meta.get(key),
      set: (key: string, value: string) => meta.set(key, value),
      delete: (key: string) => meta.delete(key),
      has: (key: string) => meta.has(key),
    },
    parseData: async ({ data }: { data: unknown }) => data,
    generateDigest: (text: string) => String(text.length),
    config: { cacheDir: pathToFileURL(`${join(dir, 'cache')}/`) },
  } as unknown as LoaderContext;
  const timer = setTimeout(() => events.push('timer'), 0);
  await mdxRecords(folder, kind, keep).load(context);
  clearTimeout(timer);
  return events;
}

describe('the MDX content loader', () => {
  it.each([
    [
      'transcripts',
      () => new Map(archive.transcripts.map((t) => [`${t.slug}.mdx`, transcriptToMdx(t)])),
      'paragraphs',
      'transcript-entry',
    ],
    ['speakers', () => new Map(archive.speakers.map((s) => [`${s.slug}.mdx`, speakerToMdx(s)])), 'markdown', undefined],
  ] as const)(
    'loads %s without yielding to the event loop before its last store change',
    async (name, files, kind, keep) => {
      const made = files();
      expect(made.size).toBeGreaterThan(1);
      const events = await load(folderOf(name, made), kind, keep);
      const sets = events.filter((e) => e === 'set').length;
      expect(sets).toBe(made.size);
      const timer = events.indexOf('timer');
      expect(timer === -1 || timer < events.indexOf('set') || timer > events.lastIndexOf('set')).toBe(true);
    },
  );
});
