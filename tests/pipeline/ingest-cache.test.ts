/**
 * The ingest cache kept in pieces (scripts/ingest/ingest-cache-fs.ts): it
 * reads back what it kept, a save rewrites only the pieces whose entries
 * changed (a changed filing only the filings' piece), its vocabulary filters
 * are read only when asked for, and a damaged piece costs only its own entries.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestedFile } from '../../scripts/core/ingest-archive.ts';
import {
  type IngestCache,
  loadIngestCache,
  pieceCount,
  saveIngestCache,
} from '../../scripts/ingest/ingest-cache-fs.ts';
import { reportDroppedTo } from '../../scripts/lib/build-cache-fs.ts';
import { useCacheDir } from '../helpers/cache-dir.ts';

const dir = mkdtempSync(join(tmpdir(), 'ingest-cache-'));
const content = join(dir, 'content');
useCacheDir(join(dir, 'cache'));
const dropped: string[] = [];
beforeAll(() => {
  reportDroppedTo((line) => dropped.push(line));
});
afterAll(() => {
  reportDroppedTo((line) => console.log(line));
  rmSync(dir, { recursive: true, force: true });
});

const entry = (i: number, words = 100, hash = `h${i}`): IngestedFile => ({
  hash,
  slug: `talk-${i}`,
  speakers: [],
  topics: ['fees'],
  filed: ['fees'],
  evidence: { fees: { turns: 2 } },
  candidates: [],
  vocabulary: `v:${hash}`,
  turns: 3,
  words,
  report: { file: `t/${i}.md`, format: 'markdown', turns: 3, speakers: [], problems: [] } as never,
});

/** 1,000 parsed files: several pieces. */
const FILES = 1000;
const parsedOf = (change?: (i: number) => IngestedFile | undefined): Map<string, IngestedFile> =>
  new Map(Array.from({ length: FILES }, (_, i) => [`t/${i}.md`, change?.(i) ?? entry(i)]));
/** Entries as the cache reads them back: without their vocabulary filters, which it reads when asked. */
const withoutVocabulary = (parsed: ReadonlyMap<string, IngestedFile>): Map<string, IngestedFile> =>
  new Map([...parsed].map(([file, { vocabulary: _, ...rest }]) => [file, rest]));
const cacheOf = (parsed: Map<string, IngestedFile>): IngestCache => ({
  parsed,
  published: [],
  topics: 'k',
  answers: [['place\u0000Texas', true]],
});

const piecesDir = (): string => {
  const cache = join(dir, 'cache');
  const name = readdirSync(cache).find((n) => n.startsWith('ingest-') && n.endsWith('.pieces'));
  if (!name) throw new Error('no pieces folder');
  return join(cache, name);
};
/** Each piece file's name and modification time. */
const pieces = (): Map<string, number> =>
  new Map(readdirSync(piecesDir()).map((n) => [n, statSync(join(piecesDir(), n)).mtimeMs]));

describe('the ingest cache in pieces', () => {
  it('reads back every entry it kept, in pieces', async () => {
    expect(pieceCount(FILES)).toBeGreaterThan(4);
    await saveIngestCache(content, 'rules', cacheOf(parsedOf()));
    // Each number has a piece of texts, one of filings (`f…`) and one of vocabularies (`v…`).
    expect(pieces().size).toBe(3 * pieceCount(FILES));
    expect([...pieces().keys()].filter((n) => n.startsWith('f'))).toHaveLength(pieceCount(FILES));
    expect([...pieces().keys()].filter((n) => n.startsWith('v'))).toHaveLength(pieceCount(FILES));
    const loaded = await loadIngestCache(content, 'rules');
    expect(loaded?.parsed).toEqual(withoutVocabulary(parsedOf()));
    expect(loaded?.vocabulary?.('t/5.md')).toBe('v:h5');
    expect(loaded?.topics).toBe('k');
    expect(loaded?.answers).toEqual([['place\u0000Texas', true]]);
  });

  it('rewrites only the piece of a changed entry, and none for entries equal to those read', async () => {
    const loaded = (await loadIngestCache(content, 'rules')) as IngestCache;
    const before = pieces();
    // Every entry a new object, equal to the one read: nothing is written.
    await saveIngestCache(content, 'rules', cacheOf(parsedOf()), loaded);
    expect(pieces()).toEqual(before);
    // One entry changed: one piece is new, the others are the very files before.
    const changed = parsedOf((i) => (i === 7 ? entry(7, 101) : loaded.parsed.get(`t/${i}.md`)));
    await saveIngestCache(content, 'rules', cacheOf(changed), loaded);
    const after = pieces();
    expect([...after.keys()].filter((n) => !before.has(n))).toHaveLength(1);
    expect([...before.keys()].filter((n) => !after.has(n))).toHaveLength(1);
    for (const [name, time] of after) if (before.has(name)) expect(time).toBe(before.get(name));
    expect((await loadIngestCache(content, 'rules'))?.parsed).toEqual(withoutVocabulary(changed));
  });

  it('rewrites only the filings piece of an entry filed anew, not its text', async () => {
    const loaded = (await loadIngestCache(content, 'rules')) as IngestCache;
    const before = pieces();
    const filed = (i: number): IngestedFile => ({
      ...(loaded.parsed.get(`t/${i}.md`) as IngestedFile),
      filed: ['fees', 'wallets'],
      evidence: { fees: { turns: 2 }, wallets: { turns: 1 } },
    });
    const changed = parsedOf((i) => (i === 11 ? filed(i) : loaded.parsed.get(`t/${i}.md`)));
    await saveIngestCache(content, 'rules', cacheOf(changed), loaded);
    const added = [...pieces().keys()].filter((n) => !before.has(n));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^f\d+-/);
    expect((await loadIngestCache(content, 'rules'))?.parsed).toEqual(withoutVocabulary(changed));
  });

  it('keeps a filing as rows: its order, counts and missing counts read back as they were', async () => {
    const loaded = (await loadIngestCache(content, 'rules')) as IngestCache;
    const uses = { named: 5, lower: 0, edge: 1, owned: 0, leads: 2 };
    // Not in slug order, a slug that reads as a number (objects put those first), a count missing, a slug without evidence.
    const full = (i: number): IngestedFile => ({
      ...(loaded.parsed.get(`t/${i}.md`) as IngestedFile),
      filed: ['wallets', '2140', 'fees', 'taproot'],
      evidence: { wallets: { turns: 4, ...uses }, 2140: { turns: 3, ...uses }, fees: { turns: 2, named: 1 } },
    });
    const changed = parsedOf((i) => (i === 12 ? full(i) : loaded.parsed.get(`t/${i}.md`)));
    await saveIngestCache(content, 'rules', cacheOf(changed), loaded);
    const back = (await loadIngestCache(content, 'rules'))?.parsed.get('t/12.md');
    expect(back?.filed).toEqual(['wallets', '2140', 'fees', 'taproot']);
    // Read back as an object without a prototype (a hash table from the start): the same entries.
    expect({ ...back?.evidence }).toStrictEqual(full(12).evidence);
    expect((await loadIngestCache(content, 'rules'))?.parsed).toEqual(changed);
    const filings = readdirSync(piecesDir()).filter((n) => n.startsWith('f'));
    for (const name of filings) expect(readFileSync(join(piecesDir(), name), 'utf8')).not.toContain('"turns"');
  });

  it('keeps candidates as rows: every field of each reads back as it was', async () => {
    const loaded = (await loadIngestCache(content, 'rules')) as IngestCache;
    const candidates: IngestedFile['candidates'] = [
      { key: 'lightning', display: 'Lightning', forms: ['Lightning'], count: 5, entity: true },
      // A key other than the display in lower case, several forms, not an entity.
      { key: 'private key', display: 'private keys', forms: ['private keys', 'private key'], count: 2, entity: false },
      // Forms that do not start with the display; letters past ASCII.
      { key: 'électricité', display: 'Électricité', forms: ['électricité'], count: 1, entity: false },
      { key: '0', display: '0', forms: ['0'], count: 1, entity: false },
    ];
    const changed = parsedOf((i) =>
      i === 21 ? { ...(loaded.parsed.get(`t/${i}.md`) as IngestedFile), candidates } : loaded.parsed.get(`t/${i}.md`),
    );
    await saveIngestCache(content, 'rules', cacheOf(changed), loaded);
    const back = await loadIngestCache(content, 'rules');
    expect(back?.parsed.get('t/21.md')?.candidates).toStrictEqual(candidates);
    expect(back?.parsed).toEqual(changed);
    const texts = readdirSync(piecesDir()).filter((n) => /^\d/.test(n));
    for (const name of texts) expect(readFileSync(join(piecesDir(), name), 'utf8')).not.toContain('"display"');
  });

  it('rewrites the piece an added or removed entry belongs to', async () => {
    const loaded = (await loadIngestCache(content, 'rules')) as IngestCache;
    const fewer = new Map(loaded.parsed);
    fewer.delete('t/3.md');
    const before = pieces();
    await saveIngestCache(content, 'rules', cacheOf(fewer), loaded);
    // Its pieces of texts, filings and vocabularies: the others' filters in it read from the one before.
    expect([...pieces().keys()].filter((n) => !before.has(n))).toHaveLength(3);
    const back = await loadIngestCache(content, 'rules');
    expect(back?.parsed).toEqual(fewer);
    for (const i of [0, 2, 4, 999]) expect(back?.vocabulary?.(`t/${i}.md`)).toBe(`v:h${i}`);
    expect(back?.vocabulary?.('t/3.md')).toBeUndefined();
  });

  it('rewrites the vocabulary piece of a file whose bytes changed, and reads none until asked', async () => {
    const loaded = (await loadIngestCache(content, 'rules')) as IngestCache;
    const before = pieces();
    const changed = new Map(loaded.parsed);
    changed.set('t/21.md', entry(21, 100, 'h21-edited'));
    await saveIngestCache(content, 'rules', cacheOf(changed), loaded);
    const added = [...pieces().keys()].filter((n) => !before.has(n));
    expect(added.map((n) => n.replace(/\d.*/, '')).sort()).toEqual(['', 'v']);
    expect((await loadIngestCache(content, 'rules'))?.vocabulary?.('t/21.md')).toBe('v:h21-edited');
    // Without its vocabulary pieces the cache still loads whole; a filter asked for is then not there.
    for (const name of pieces().keys()) if (name.startsWith('v')) rmSync(join(piecesDir(), name));
    const without = await loadIngestCache(content, 'rules');
    expect(without?.parsed.size).toBe(changed.size);
    expect(without?.vocabulary?.('t/22.md')).toBeUndefined();
  });

  it('loses only the entries of a damaged piece, with one line, and keeps nothing under other rules', async () => {
    const name = [...pieces().keys()].find((n) => /^\d/.test(n)) as string;
    writeFileSync(join(piecesDir(), name), '{"key":');
    const loaded = await loadIngestCache(content, 'rules');
    expect(dropped.some((line) => line.includes(name) && line.includes('not valid JSON'))).toBe(true);
    const size = loaded?.parsed.size ?? 0;
    expect(size).toBeGreaterThan(FILES - 2 * (FILES / pieceCount(FILES)));
    expect(size).toBeLessThan(FILES - 1);
    expect(await loadIngestCache(content, 'other rules')).toBeUndefined();
  });
});
