/**
 * Transcripts' outlines (src/lib/transcript-outline.ts, outline-store-fs.ts):
 * made from the fixture archive's records, packed and unpacked unchanged;
 * kept in shards, read back whole, with only the shards that hold a changed
 * outline written again; a damaged shard is dropped, not trusted.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestArchive } from '../../scripts/core/ingest-archive.ts';
import { readSeeds } from '../../scripts/ingest/read-seeds-fs.ts';
import { reportDroppedTo } from '../../scripts/lib/build-cache-fs.ts';
import { type KeptOutline, readOutlines, writeOutlines } from '../../src/lib/outline-store-fs.ts';
import {
  isPackedOutline,
  outlineOf,
  packOutline,
  textDigest,
  unpackOutline,
} from '../../src/lib/transcript-outline.ts';

const archive = ingestArchive(await readSeeds('tests/fixtures/archive'));
const dir = mkdtempSync(join(tmpdir(), 'outlines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outlines', () => {
  it('hold each turn’s id, speaker, label and text digest, and unpack to what was packed', () => {
    for (const t of archive.transcripts) {
      const outline = outlineOf(t);
      expect(outline.turns).toEqual(
        t.turns.map((turn) => ({
          id: turn.id,
          speaker: turn.speaker,
          label: turn.label,
          digest: textDigest(turn.paragraphs),
        })),
      );
      expect(outline).not.toHaveProperty('preamble');
      const packed = packOutline(outline);
      expect(isPackedOutline(packed)).toBe(true);
      expect(unpackOutline(JSON.parse(JSON.stringify(packed)))).toEqual(outline);
    }
  });

  it('digest equal text equally and different text differently', () => {
    expect(textDigest(['One.', 'Two.'])).toBe(textDigest(['One.', 'Two.']));
    expect(textDigest(['One.', 'Two.'])).not.toBe(textDigest(['One. Two.']));
  });

  it('refuse a packed outline whose columns do not line up', () => {
    const packed = packOutline(outlineOf(archive.transcripts[0] as (typeof archive.transcripts)[number]));
    expect(isPackedOutline({ ...packed, turns: { ...packed.turns, digests: packed.turns.digests.slice(1) } })).toBe(
      false,
    );
    expect(isPackedOutline({ ...packed, turns: { ...packed.turns, speaker: [...packed.turns.speaker, 0] } })).toBe(
      false,
    );
    expect(isPackedOutline({ ...packed, turns: { ...packed.turns, speakers: [] } })).toBe(false);
  });
});

describe('kept outlines', () => {
  const cache = join(dir, 'cache');
  const folder = join(dir, 'content', 'transcripts');
  const entries = new Map<string, KeptOutline>(
    archive.transcripts.map((t) => [t.slug, { stamp: `1:${t.slug}`, packed: packOutline(outlineOf(t)) }]),
  );

  it('are read back as written, and a rebuild rewrites only the shard of the outline that changed', async () => {
    expect((await readOutlines(cache, folder)).size).toBe(0);
    await writeOutlines(cache, folder, entries, entries.keys());
    expect(await readOutlines(cache, folder)).toEqual(entries);
    const [kept] = readdirSync(cache);
    const shards = join(cache, kept as string);
    const times = () => new Map(readdirSync(shards).map((f) => [f, statSync(join(shards, f)).mtimeMs]));
    const before = times();
    expect(before.size).toBeGreaterThan(1);
    await new Promise((r) => setTimeout(r, 20));
    const [slug, entry] = [...entries][0] as [string, KeptOutline];
    const changed = new Map(entries).set(slug, { ...entry, stamp: '2:changed' });
    await writeOutlines(cache, folder, changed, [slug]);
    const after = times();
    expect([...after].filter(([f, t]) => before.get(f) !== t)).toHaveLength(1);
    expect(await readOutlines(cache, folder)).toEqual(changed);
    // Removed: its shard is written without it.
    const removed = new Map(changed);
    removed.delete(slug);
    await writeOutlines(cache, folder, removed, [slug]);
    expect(await readOutlines(cache, folder)).toEqual(removed);
  });

  it('drop a damaged shard with one line and keep the others', async () => {
    await writeOutlines(cache, folder, entries, entries.keys());
    const [kept] = readdirSync(cache);
    const shards = join(cache, kept as string);
    const [first] = readdirSync(shards).sort();
    writeFileSync(join(shards, first as string), '{"x":{"stamp":"1","packed":{"slug":"x","turns":{},"topics":[]}}}');
    const lines: string[] = [];
    reportDroppedTo((line) => lines.push(line));
    const read = await readOutlines(cache, folder);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('was dropped');
    expect(read.size).toBeLessThan(entries.size);
    expect(read.size).toBeGreaterThan(0);
    for (const [id, e] of read) expect(e).toEqual(entries.get(id));
  });
});
