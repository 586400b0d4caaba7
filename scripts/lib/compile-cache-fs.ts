/**
 * Node's compile cache for the build's own processes: the code of its
 * modules, compiled once, is kept and read back by the next build's
 * processes instead of compiled again (the ingest's child loads its modules
 * in ~0.5 s with it, ~0.8 s without). Set in the environment, so the
 * processes and worker threads the build starts use it from their first
 * module, Astro's included. Entries made by another Node or for other code
 * are not used.
 *
 * Node keys an entry by the module's path and never removes one. Astro
 * loads each build's page code from that build's staging folder, a new path
 * every time, so each build adds entries no later build reads (~9 MB at
 * 10,000 transcripts). So the cache lives in a folder of the project's own,
 * {@link OWN_COMPILE_CACHE}, and when it holds more than {@link LIMIT_BYTES}
 * the build removes every entry older than itself: the next build compiles
 * its modules again, once. A folder set with `NODE_COMPILE_CACHE` is the
 * user's: used as it is, never pruned.
 */
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './cli.ts';

/** The project's own compile cache folder. */
export const OWN_COMPILE_CACHE = join(ROOT, 'node_modules', '.cache', 'transcript-archive', 'compile');

/** Above this, the project's compile cache is pruned. */
export const LIMIT_BYTES = 256 * 1024 * 1024;

type Entry = { path: string; bytes: number; modified: number };

/** The files in `dir` and in its folders one level down (Node's layout: a folder per Node version and flags). */
function entriesIn(dir: string, depth = 1): Entry[] {
  const entries: Entry[] = [];
  for (const dirent of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, dirent.name);
    if (dirent.isDirectory() && depth > 0) entries.push(...entriesIn(path, depth - 1));
    else if (dirent.isFile()) {
      const { size, mtimeMs } = statSync(path);
      entries.push({ path, bytes: size, modified: mtimeMs });
    }
  }
  return entries;
}

/**
 * When the files of `dir` hold more than `limit` bytes, removes those last
 * written before `since` (the entries the processes running now write are
 * kept); the number removed. A folder that is missing or cannot be read or
 * changed is left as it is: the cache only saves time, and never stops a
 * build. Synchronous: a stat call per entry, ~20 ms at ~3,000 entries,
 * where promises took ~150 ms of CPU.
 */
export function pruneCompileCache(dir: string, since: number, limit = LIMIT_BYTES): number {
  try {
    const entries = entriesIn(dir);
    if (entries.reduce((sum, entry) => sum + entry.bytes, 0) <= limit) return 0;
    let removed = 0;
    for (const entry of entries) {
      if (entry.modified >= since) continue;
      try {
        unlinkSync(entry.path);
        removed += 1;
      } catch {
        // Removed by another build already, or not ours to remove: left as it is.
      }
    }
    return removed;
  } catch {
    return 0;
  }
}

/**
 * Turns the compile cache on for this process and, through the environment,
 * for every process it starts, after pruning the project's own folder: the
 * number of entries removed.
 */
export function useCompileCache(): number {
  // Set already, by the user or by the build for the processes it starts: Node turned it on as this process started.
  if (process.env['NODE_COMPILE_CACHE'] !== undefined) return 0;
  const removed = pruneCompileCache(OWN_COMPILE_CACHE, Date.now());
  const { directory } = enableCompileCache(OWN_COMPILE_CACHE);
  if (directory !== undefined) process.env['NODE_COMPILE_CACHE'] = directory;
  return removed;
}
