/**
 * How the search index is split into shards: each transcript page goes to
 * one shard by a hash of its slug, so adding or editing a transcript changes
 * one shard and leaves the others as they were. The number of shards is a
 * power of two that keeps each shard near `perShard` pages; it only changes
 * when the archive doubles or halves. Pure.
 */

/** The manifest the build writes to `/pagefind/shards.json`; the search page merges every shard in it. */
export interface ShardManifest {
  version: 1;
  shards: ShardEntry[];
}

export interface ShardEntry {
  /** The shard's folder inside `/pagefind/`, ending in `/`; `''` for the primary index in `/pagefind/` itself. */
  dir: string;
  pages: number;
  /** Hash of what the shard indexes: if it is unchanged, the shard's files can be reused. */
  fingerprint: string;
}

/** How many shards `pages` pages go into: 1, 2, 4, 8, … so that no shard holds much over `perShard`. */
export function shardCount(pages: number, perShard: number): number {
  let count = 1;
  while (pages / count > perShard) count *= 2;
  return count;
}

/**
 * FNV-1a, 32 bits: a stable hash that is the same on every machine and Node
 * version. Another `basis` gives an independent hash (the vocabulary filter's
 * double hashing).
 */
export function fnv1a(text: string, basis = 0x811c9dc5): number {
  let hash = basis;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The shard (0 … count-1) of a transcript. */
export function shardOf(slug: string, count: number): number {
  return fnv1a(slug) % count;
}

/**
 * One part of an archive built on its own machine (`--part 2/4`): its
 * transcript pages and their search shards. Part 1 also builds the pages
 * that list the whole archive.
 */
export interface Part {
  /** 0-based. */
  index: number;
  count: number;
}

/** Reads `K/N` (1-based K) as a part, or explains what is wrong with it. */
export function parsePart(text: string): Part | { error: string } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || k < 1 || k > n) return { error: `\`${text}\` is not a part such as 1/4 (part 1 of 4)` };
  return { index: k - 1, count: n };
}

/** Whether a transcript belongs to a part. Hashed apart from `shardOf`, so a part's shards are balanced. */
export function inPart(slug: string, part: Part | undefined): boolean {
  return !part || fnv1a(`part:${slug}`) % part.count === part.index;
}

/** The folder of shard `k` (of a part) inside `/pagefind/`: `''` for the primary index. */
export function shardDir(k: number, part?: Part): string {
  if (!part || part.count === 1) return k === 0 ? '' : `shard-${k}/`;
  return part.index === 0 && k === 0 ? '' : `shard-${part.index + 1}-${k}/`;
}

/**
 * Pagefind's peak memory for a shard, per byte of the shard's page HTML:
 * measured at 10,000 bench transcripts, a shard of 2,500 pages (0.36 GB of
 * HTML) peaked near 3.5 GB and one of 5,000 pages (0.72 GB) at 6.9 GB.
 */
export const PAGEFIND_BYTES_PER_HTML_BYTE = 10;

/**
 * How many shards to index at once: one per core, as long as the shards'
 * expected Pagefind peaks together stay within `budget` bytes; always at
 * least one.
 */
export function shardsAtOnce(cores: number, budget: number, largestShardHtml: number): number {
  const each = Math.max(1, largestShardHtml * PAGEFIND_BYTES_PER_HTML_BYTE);
  return Math.max(1, Math.min(cores, Math.floor(budget / each)));
}
