/**
 * Lowers this process's scheduling priority, every thread of it: the threads
 * it starts later inherit the main thread's. A child process started before
 * keeps its own. Best effort: where the threads cannot be listed (not Linux)
 * only the main thread is lowered; where the system refuses, nothing is.
 */
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** Niceness for work that should use only what other processes leave idle. */
const LOW = 10;

export function lowerOwnPriority(): void {
  let threads = [process.pid];
  try {
    threads = readdirSync('/proc/self/task').map(Number);
  } catch {
    // Not Linux: the main thread, whose priority the threads started from now on take.
  }
  for (const thread of threads) {
    try {
      setPriority(thread, Math.max(getPriority(thread), LOW));
    } catch {
      // A thread gone since the listing, or a system that refuses: the build runs as it was.
    }
  }
}
