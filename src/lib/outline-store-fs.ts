/**
 * The transcripts' outlines, kept between builds beside Astro's data store
 * (through the build cache) and handed from the content loader to the pages.
 *
 * The loader reads a record only when its file changed; the outlines of the
 * others come from the kept files, so a one-transcript rebuild builds the
 * archive index without reading 10,000 records. They are kept packed
 * (`packOutline`) in shards by id, and a rebuild rewrites only the shards
 * whose outlines changed. The loader and the pages run in one process but
 * load this module twice (Astro loads the content config apart from the
 * bundled pages), so the outlines are handed over on `globalThis`, by
 * content folder.
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { TranscriptOutline } from '../../scripts/core/schema.ts';
import { fnv1a } from '../../scripts/core/search-shards.ts';
import { cacheKey, hasFields, pruneKept, readKeptSync, writeKept } from '../../scripts/lib/build-cache-fs.ts';
import { isPackedOutline, type PackedOutline, unpackOutline } from './transcript-outline.ts';

/** A file's packed outline and the size and time of the file it was made from. */
export interface KeptOutline {
  stamp: string;
  packed: PackedOutline;
}

/** Bumped when an outline's shape or the shards' layout changes: kept files of another are not read. */
const SHAPE = '3';

/** Shards the outlines are kept in: a one-transcript rebuild rewrites one of them. */
const SHARDS = 32;

/**
 * A kept shard: each entry's stamp and the shape of its packed turns, not
 * each field. Outlines are written only from records that passed
 * `TranscriptSchema`, and the folder's name carries their shape.
 */
const KeptShardSchema = z.record(z.string(), z.custom<KeptOutline>(isKeptOutline, 'not a packed outline'));

function isKeptOutline(v: unknown): v is KeptOutline {
  if (!hasFields(v, { stamp: 'string', packed: 'object' })) return false;
  const packed = v['packed'];
  if (!hasFields(packed, { slug: 'string', turns: 'object', topics: 'array' })) return false;
  const turnFields = { ids: 'string', speakers: 'array', speaker: 'array', labels: 'array', label: 'array' } as const;
  return (
    hasFields(packed['turns'], { ...turnFields, digests: 'string' }) &&
    isPackedOutline(packed as unknown as PackedOutline)
  );
}

/** Where the outlines of `folder` are kept: in Astro's cache folder (`cacheDir`), beside its data store. */
const keptFolder = (cacheDir: string, folder: string): string =>
  join(cacheDir, `transcript-outlines-${cacheKey(SHAPE, resolve(folder))}`);

const shardOf = (id: string): number => fnv1a(id) % SHARDS;
const shardFile = (kept: string, shard: number): string => join(kept, `${shard}.json`);

/**
 * The outlines kept for the files of `folder`, by entry id; empty when none
 * were kept. A shard at a time, with a turn of the event loop between two
 * (each is a few MB): the loader reads them while it waits for the ingest,
 * and its `keepAlive` must run meanwhile.
 */
export async function readOutlines(cacheDir: string, folder: string): Promise<Map<string, KeptOutline>> {
  const kept = keptFolder(cacheDir, folder);
  const outlines = new Map<string, KeptOutline>();
  for (let i = 0; i < SHARDS; i++) {
    if (i > 0) await new Promise((next) => setImmediate(next));
    const shard = readKeptSync(shardFile(kept, i), KeptShardSchema);
    for (const [id, outline] of Object.entries(shard ?? {})) if (shardOf(id) === i) outlines.set(id, outline);
  }
  return outlines;
}

/** Writes the shards that hold any of `changed` (ids added, replaced or removed). */
export async function writeOutlines(
  cacheDir: string,
  folder: string,
  outlines: ReadonlyMap<string, KeptOutline>,
  changed: Iterable<string>,
): Promise<void> {
  const kept = keptFolder(cacheDir, folder);
  const dirty = new Set([...changed].map(shardOf));
  const shards = new Map<number, Record<string, KeptOutline>>([...dirty].map((i) => [i, {}]));
  for (const [id, entry] of outlines) {
    const shard = shards.get(shardOf(id));
    if (shard) shard[id] = entry;
  }
  await Promise.all([...shards].map(([i, shard]) => writeKept(shardFile(kept, i), shard)));
  await pruneKept(
    kept,
    Array.from({ length: SHARDS }, (_, i) => shardFile(kept, i)),
  );
}

const HANDED = Symbol.for('transcript-archive.outlines');
type Handed = Map<string, ReadonlyMap<string, KeptOutline>>;

function handed(): Handed {
  const g = globalThis as { [HANDED]?: Handed };
  g[HANDED] ??= new Map();
  return g[HANDED];
}

/** The loader's outlines of `folder`, for this process's pages. */
export function handOutlines(folder: string, outlines: ReadonlyMap<string, KeptOutline>): void {
  handed().set(resolve(folder), outlines);
}

/** The outline of each of `ids` the loader handed over; `undefined` when it handed none for one of them. */
export function takeOutlines(folder: string, ids: readonly string[]): TranscriptOutline[] | undefined {
  const outlines = handed().get(resolve(folder));
  if (!outlines || !ids.every((id) => outlines.has(id))) return undefined;
  return ids.map((id) => unpackOutline((outlines.get(id) as KeptOutline).packed));
}
