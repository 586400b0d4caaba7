/**
 * The search stage: Pagefind indexes the transcript pages shard by shard,
 * one Pagefind process per shard, so memory stays bounded by the shard size
 * whatever the size of the archive. Shard 0 is the primary index in
 * `/pagefind/`; shard k is `/pagefind/shard-k/`; `/pagefind/shards.json` lists
 * them for the search page, which merges them in the browser. A shard whose
 * pages' indexed parts are unchanged since the published build is copied
 * from it instead of being indexed again.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  indexedPart,
  type Part,
  type ShardEntry,
  type ShardManifest,
  shardCount,
  shardDir,
  shardOf,
} from '../core/search-shards.ts';
import { ROOT } from '../lib/cli.ts';

const PAGEFIND_BIN = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
const PAGEFIND_VERSION_FILE = join(ROOT, 'node_modules/pagefind/package.json');

export interface SearchIndexOptions {
  /** The freshly built site, without a search index yet. */
  site: string;
  /** The site published by the last build, whose shards may be reused. */
  previous: string;
  perShard: number;
  /** When this machine builds one part of the archive: its shards are named apart from other parts'. */
  part?: Part;
  verbose: boolean;
  /** Called with a line of progress for each shard. */
  progress(line: string): void;
}

export interface SearchIndexOutcome {
  ok: boolean;
  pages: number;
  shards: number;
  reused: number;
  /** Pagefind's output, for the error message when it failed. */
  output: string;
}

function runPagefind(args: string[], verbose: boolean): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [PAGEFIND_BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
      if (verbose) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (code) => resolve({ ok: code === 0 && !/\bError\b/.test(output), output }));
  });
}

async function readManifest(file: string): Promise<ShardManifest | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ShardManifest;
  } catch {
    return undefined;
  }
}

/** Copies a published shard; for the primary index, everything in `/pagefind/` but the other shards. */
async function copyShard(from: string, to: string, primary: boolean): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    if (primary && (name.startsWith('shard-') || name === 'shards.json')) continue;
    await cp(join(from, name), join(to, name), { recursive: true, preserveTimestamps: true });
  }
}

/** Indexes one shard: its pages linked into a folder of their own, so Pagefind sees only them. */
async function indexShard(
  site: string,
  slugs: readonly string[],
  to: string,
  verbose: boolean,
): Promise<{ ok: boolean; output: string }> {
  const tree = `${site}.shard-${process.pid}`;
  await rm(tree, { recursive: true, force: true });
  try {
    for (const slug of slugs) {
      await mkdir(join(tree, 'transcripts', slug), { recursive: true });
      await link(join(site, 'transcripts', slug, 'index.html'), join(tree, 'transcripts', slug, 'index.html'));
    }
    return await runPagefind(['--site', tree, '--output-path', to], verbose);
  } finally {
    await rm(tree, { recursive: true, force: true });
  }
}

export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexOutcome> {
  const { site } = options;
  const slugs = (await readdir(join(site, 'transcripts'), { withFileTypes: true }))
    .filter((e) => e.isDirectory() && existsSync(join(site, 'transcripts', e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
  // Pagefind refuses an empty site: with few pages, halve the shard count until none is empty.
  let count = shardCount(slugs.length, options.perShard);
  let groups: string[][] = [];
  for (; ; count /= 2) {
    groups = Array.from({ length: count }, () => []);
    for (const slug of slugs) groups[shardOf(slug, count)]?.push(slug);
    if (count === 1 || groups.every((g) => g.length > 0)) break;
  }

  const version = await readFile(PAGEFIND_VERSION_FILE, 'utf8');
  const previous = await readManifest(join(options.previous, 'pagefind/shards.json'));
  const shards: ShardEntry[] = [];
  let reused = 0;
  let output = '';
  for (const [k, group] of groups.entries()) {
    const hash = createHash('sha256').update(version).update(`${k}/${count}\n`);
    for (const slug of group) {
      const html = await readFile(join(site, 'transcripts', slug, 'index.html'), 'utf8');
      hash.update(slug).update('\0').update(indexedPart(html));
    }
    const entry: ShardEntry = { dir: shardDir(k, options.part), pages: group.length, fingerprint: hash.digest('hex') };
    shards.push(entry);
    const to = join(site, 'pagefind', entry.dir);
    const before = previous?.shards.find((s) => s.dir === entry.dir);
    const from = join(options.previous, 'pagefind', entry.dir);
    const started = performance.now();
    if (before?.fingerprint === entry.fingerprint && existsSync(join(from, 'pagefind-entry.json'))) {
      await copyShard(from, to, k === 0);
      reused++;
      options.progress(`shard ${k + 1}/${count}: ${group.length} pages unchanged, reused`);
      continue;
    }
    const run = await indexShard(site, group, to, options.verbose);
    output += run.output;
    if (!run.ok || !existsSync(join(to, 'pagefind.js'))) return { ok: false, pages: 0, shards: count, reused, output };
    const time = ((performance.now() - started) / 1000).toFixed(1);
    options.progress(`shard ${k + 1}/${count}: ${group.length} pages indexed in ${time} s`);
  }
  const manifest: ShardManifest = { version: 1, shards };
  await writeFile(join(site, 'pagefind/shards.json'), `${JSON.stringify(manifest)}\n`);
  return { ok: true, pages: slugs.length, shards: count, reused, output };
}
