/**
 * The search stage: one pass over the transcripts' JSON twins writes the
 * vocabulary and the passage index (`vocabulary-fs.ts`) and makes each
 * search page's record for Pagefind (`src/lib/search-record.ts`: its filters
 * and date); Pagefind then indexes those records shard by shard, through its
 * Node API (`addCustomRecord`: no HTML is made or parsed), so its memory stays bounded
 * by the shard size whatever the size of the archive. Shard 0 is the primary index in
 * `/pagefind/`; shard k is `/pagefind/shard-k/`; `/pagefind/shards.json` lists
 * them for the search page, which merges them in the browser. A shard whose
 * pages' indexed parts are unchanged since the published build is copied
 * from it instead of being indexed again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, totalmem } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { close as closePagefind, createIndex } from 'pagefind';
import type { SearchPage } from '../../src/lib/search-versions.ts';
import { canonicalLanguage, shownValue } from '../core/metadata-shapes.ts';
import {
  type Part,
  type ShardEntry,
  type ShardManifest,
  shardCount,
  shardDir,
  shardOf,
  shardsAtOnce,
} from '../core/search-shards.ts';
import { plural } from '../core/text.ts';
import { ROOT } from '../lib/cli.ts';
import { limited } from '../lib/limited.ts';
import { memoryBudget } from '../lib/memory-plan.ts';
import { analysesDir } from './analysis-cache-fs.ts';
import { readStoreAhead, siteTwins, writeVocabulary } from './vocabulary-fs.ts';

const PAGEFIND_VERSION_FILE = join(ROOT, 'node_modules/pagefind/package.json');
/** The code that makes the page Pagefind indexes for a transcript, what it uses, and this indexer. */
const RECORD_SOURCES = [
  ...['search-record.ts', 'search-versions.ts', 'search-state.ts', 'format.ts'].map((f) => join(ROOT, 'src/lib', f)),
  join(ROOT, 'scripts/search/build-search-index-fs.ts'),
];

export interface SearchIndexOptions {
  /** The freshly built site, without a search index yet. */
  site: string;
  /** The site published by the last build, whose shards may be reused. */
  previous: string;
  /** The build cache, where each twin's analysis is kept for the next build. */
  cache?: string;
  perShard: number;
  /** When this machine builds one part of the archive: its shards are named apart from other parts'. */
  part?: Part;
  /** Called with a line of progress for each shard. */
  progress(line: string): void;
  /** Called once `/search-words/` is written, before Pagefind's shards: nothing writes there after. */
  wordsWritten?(): void;
  /** The memory in GB the shards indexed at once may use (`--memory`; default: half the machine's). */
  memory?: number;
  /** How many shards are indexed at once (default: one per core, within `memory`). */
  parallel?: number;
}

export interface SearchIndexOutcome {
  ok: boolean;
  pages: number;
  shards: number;
  reused: number;
  /** Pagefind's errors, for the error message when it failed. */
  output: string;
}

/**
 * A record's language when it is not a well-formed language tag (as a
 * message shows it), else `undefined`: the containment check on the one
 * metadata value Pagefind joins into a file name.
 */
export function unsafeLanguage(language: string): string | undefined {
  return canonicalLanguage(language) !== undefined ? undefined : shownValue(language);
}

async function readManifest(file: string): Promise<ShardManifest | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ShardManifest;
  } catch {
    return undefined;
  }
}

/**
 * Links a published file into the new site (copies it across file systems):
 * Pagefind writes every index into a new folder and never rewrites a file,
 * so the published site and the new one can share it.
 */
async function linkOrCopy(from: string, to: string): Promise<void> {
  await link(from, to).catch(() => copyFile(from, to));
}

/** How many links a reused shard makes at once: one at a time left the build idle on the disk. */
const LINKS_AT_ONCE = 32;

/** Reuses a published shard; for the primary index, everything in `/pagefind/` but the other shards. */
async function reuseShard(from: string, to: string, primary: boolean): Promise<void> {
  const files: string[] = [];
  const folders = new Set<string>([to]);
  for (const entry of await readdir(from, { withFileTypes: true, recursive: true })) {
    const path = relative(from, join(entry.parentPath, entry.name));
    if (primary && /^(?:shard-|shards\.json$)/.test(path)) continue;
    if (entry.isDirectory()) folders.add(join(to, path));
    else {
      folders.add(dirname(join(to, path)));
      files.push(path);
    }
  }
  for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
  await limited(
    files.map((path) => () => linkOrCopy(join(from, path), join(to, path))),
    LINKS_AT_ONCE,
  );
}

/** What Pagefind indexes of a page: its record. */
type Page = SearchPage['pagefind'];

/** A shard indexed: whether it worked, Pagefind's errors, and the folder its index was written to. */
interface ShardRun {
  ok: boolean;
  output: string;
  out: string;
}

/** A transcript's JSON twin in the built site. */
const twinFile = (site: string, slug: string): string => join(site, 'transcripts', `${slug}.json`);

/**
 * Indexes one shard's pages through Pagefind's Node API (its service
 * process), into a folder of its own (`out`), moved into the site once every
 * shard is done: shards index side by side, and the primary shard's index
 * never lands in `/pagefind/` while another shard's folder is in it. The
 * pages go to the service all at once in the order given, which is the order
 * it numbers them in: the same pages give the same index.
 */
async function indexShard(site: string, k: number, pages: readonly Page[]): Promise<ShardRun> {
  const out = `${site}.shard-${process.pid}-${k}.out`;
  await rm(out, { recursive: true, force: true });
  const { index, errors } = await createIndex({});
  if (!index) return { ok: false, output: errors.join('\n'), out };
  try {
    const added = await Promise.all(pages.map((p) => index.addCustomRecord(p)));
    const problems = [...errors, ...added.flatMap((a) => a.errors)];
    if (problems.length === 0) problems.push(...(await index.writeFiles({ outputPath: out })).errors);
    const ok = problems.length === 0 && existsSync(join(out, 'pagefind.js'));
    return { ok, output: problems.join('\n'), out };
  } finally {
    await index.deleteIndex();
  }
}

/** Moves a shard's index from its own folder into the site: the primary one's files into `/pagefind/` itself. */
async function placeShard(out: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const name of await readdir(out)) await rename(join(out, name), join(to, name));
  await rm(out, { recursive: true, force: true });
}

/** Starts reading what {@link buildSearchIndex} with this cache and published site reads of the last pass (see `readKeptAhead`). */
export function readSearchAhead(cache: string, previous: string): void {
  readStoreAhead(analysesDir(cache, previous), previous);
}

export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexOutcome> {
  const { site } = options;
  // The transcripts by their JSON twins, which the data stage wrote: Astro may still be writing their pages.
  const slugs = (await siteTwins(site)).map((file) => basename(file, '.json')).sort();
  // Pagefind refuses an empty site: with few pages, halve the shard count until none is empty.
  let count = shardCount(slugs.length, options.perShard);
  let groups: string[][] = [];
  for (; ; count /= 2) {
    groups = Array.from({ length: count }, () => []);
    for (const slug of slugs) groups[shardOf(slug, count)]?.push(slug);
    if (count === 1 || groups.every((g) => g.length > 0)) break;
  }

  // Pagefind's version and the code that makes each search page: a change to either indexes every shard again.
  const version = [PAGEFIND_VERSION_FILE, ...RECORD_SOURCES].map((f) => readFileSync(f, 'utf8')).join('\0');
  const previous = await readManifest(join(options.previous, 'pagefind/shards.json'));

  // The one pass over the twins: the vocabulary and passage index are written, and each
  // transcript's Pagefind pages kept (their filters and dates: small) with their digest.
  const pagesOf = new Map<string, { pages: Page[]; digest: string; bytes: number }>();
  const unsafe: string[] = [];
  const started = performance.now();
  const { linked, stored } = await writeVocabulary(
    site,
    slugs.map((slug) => twinFile(site, slug)),
    {
      each: ({ file, analyzed: { pages } }) => {
        const records = pages.map((p) => p.pagefind);
        const lang = records.map((r) => unsafeLanguage(r.language)).find((l) => l !== undefined);
        if (lang !== undefined) unsafe.push(`${file}: the transcript's language ${lang} is not a BCP 47 tag`);
        // Each record as JSON once: the digest is of the list's JSON, the size the sum of the records'.
        const texts = records.map((r) => JSON.stringify(r));
        const digest = createHash('sha256')
          .update(`[${texts.join(',')}]`)
          .digest('hex');
        const bytes = texts.reduce((sum, t) => sum + t.length, 0);
        pagesOf.set(basename(file, '.json'), { pages: records, digest, bytes });
      },
      ...(options.cache === undefined ? {} : { keptDir: analysesDir(options.cache, options.previous) }),
      published: options.previous,
    },
  );
  const read = ((performance.now() - started) / 1000).toFixed(1);
  const notes = [
    ...(stored > 0 ? [`${plural(stored, 'twin')} read from the last pass's store`] : []),
    ...(linked > 0 ? [`${plural(linked, 'passage file')} unchanged, linked`] : []),
  ];
  const unchanged = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  options.progress(
    `passage index and vocabulary of ${plural(slugs.length, 'transcript')} written in ${read} s${unchanged}`,
  );
  options.wordsWritten?.();

  const shards: ShardEntry[] = [];
  let reused = 0;
  let output = '';
  const toIndex: { k: number; group: string[]; to: string; bytes: number }[] = [];
  for (const [k, group] of groups.entries()) {
    const hash = createHash('sha256').update(version).update(`${k}/${count}\n`);
    let bytes = 0;
    for (const slug of group) {
      const { digest, bytes: size } = pagesOf.get(slug) ?? { digest: '', bytes: 0 };
      bytes += size;
      hash.update(slug).update('\0').update(digest).update('\n');
    }
    const entry: ShardEntry = { dir: shardDir(k, options.part), pages: group.length, fingerprint: hash.digest('hex') };
    shards.push(entry);
    const to = join(site, 'pagefind', entry.dir);
    const before = previous?.shards.find((s) => s.dir === entry.dir);
    const from = join(options.previous, 'pagefind', entry.dir);
    if (before?.fingerprint === entry.fingerprint && existsSync(join(from, 'pagefind-entry.json'))) {
      await reuseShard(from, to, k === 0);
      reused++;
      options.progress(`shard ${k + 1}/${count}: ${group.length} pages unchanged, reused`);
      continue;
    }
    toIndex.push({ k, group, to, bytes });
  }
  // Pagefind names index files after each page's language: a tag that is not one never reaches it.
  if (unsafe.length > 0) {
    return {
      ok: false,
      pages: 0,
      shards: count,
      reused,
      output: `${unsafe.join('\n')}\nPagefind names index files after the language: it was not run. Fix the \`language\` in the metadata.`,
    };
  }
  // One shard per core at a time, unless their peaks together would pass the build's memory
  // (`--memory`, or half the machine's): a shard's peak grows with its size.
  const largest = Math.max(0, ...toIndex.map((t) => t.bytes));
  const parallel =
    options.parallel ?? shardsAtOnce(availableParallelism(), memoryBudget(options.memory, totalmem()), largest);
  if (toIndex.length > 1 && parallel < toIndex.length)
    options.progress(`${toIndex.length} shards to index, ${parallel} at a time to stay within the memory (--memory)`);
  const runs = await limited(
    toIndex.map(({ k, group }) => async () => {
      const started = performance.now();
      const pages = group.flatMap((slug) => pagesOf.get(slug)?.pages ?? []);
      const run = await indexShard(site, k, pages);
      const time = ((performance.now() - started) / 1000).toFixed(1);
      if (run.ok) options.progress(`shard ${k + 1}/${count}: ${group.length} pages indexed in ${time} s`);
      return run;
    }),
    parallel,
  ).finally(closePagefind);
  for (const run of runs) output += run.output;
  if (runs.some((run) => !run.ok)) {
    for (const run of runs) await rm(run.out, { recursive: true, force: true });
    return { ok: false, pages: 0, shards: count, reused, output };
  }
  // The primary shard first: its files go into `/pagefind/` beside the other shards' folders.
  for (const [i, { to }] of toIndex.entries()) await placeShard((runs[i] as { out: string }).out, to);
  const manifest: ShardManifest = { version: 1, shards };
  await writeFile(join(site, 'pagefind/shards.json'), `${JSON.stringify(manifest)}\n`);
  return { ok: true, pages: slugs.length, shards: count, reused, output };
}
