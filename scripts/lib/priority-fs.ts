/**
 * Lowers a process's scheduling priority, every thread of it: the threads it
 * starts later inherit the main thread's, and so do the processes it starts
 * later; a child process started before keeps its own. Best effort: where
 * the threads cannot be listed (not Linux) only the main thread is lowered;
 * where the system refuses, nothing is. A priority once lowered cannot be
 * raised again without privileges, so a build only ever lowers.
 */
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** Niceness for work that should use only what the ingest leaves idle: everything beside it while it runs. */
export const BEHIND_INGEST = 10;
/** Niceness for work that should use only what Astro (at {@link BEHIND_INGEST}) leaves idle. */
export const BEHIND_ASTRO = 19;

/** Lowers process `pid` (by default this one), every thread of it, to niceness `nice` (never raised). */
export function lowerPriority(nice: number, pid: number = process.pid): void {
  let threads = [pid];
  try {
    threads = readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    // Not Linux: the main thread, whose priority the threads started from now on take.
  }
  for (const thread of threads) {
    try {
      setPriority(thread, Math.max(getPriority(thread), nice));
    } catch {
      // A thread gone since the listing, or a system that refuses: the build runs as it was.
    }
  }
}
