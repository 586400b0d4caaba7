/**
 * Build locks: one build at a time per output folder, and one Astro stage at
 * a time per project. A lock file holds its builder's process id; a lock
 * whose process is gone was left by a killed build and is taken over.
 */

import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ROOT } from './cli.ts';
import { isRunning } from './pid.ts';

export type Lock = { release: () => Promise<void>; stale?: number } | { holder: number };

/** The lock file that keeps a second build out of an output folder. */
export function lockPath(out: string): string {
  return `${out}.build-lock`;
}

/**
 * Takes the lock, or says who holds it. The process id is written before the
 * lock file appears (a hard link of a finished file), so a lock is never seen
 * empty. A stale lock is moved aside under a name of our own; if another build
 * took it over in between, what we moved is that build's live lock: it is put back.
 */
export async function acquireLock(lock: string): Promise<Lock> {
  await mkdir(dirname(lock), { recursive: true });
  let stale: number | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const mine = `${lock}.${process.pid}`;
    await writeFile(mine, String(process.pid));
    try {
      await link(mine, lock);
      return { release: () => rm(lock, { force: true }), ...(stale === undefined ? {} : { stale }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      await rm(mine, { force: true });
    }
    const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
    if (isRunning(holder)) return { holder };
    const aside = `${lock}.stale-${process.pid}`;
    const movedAside = await rename(lock, aside).then(
      () => true,
      () => false,
    );
    if (!movedAside) continue;
    const moved = Number((await readFile(aside, 'utf8').catch(() => '')).trim());
    if (moved !== holder && isRunning(moved)) {
      await link(aside, lock).catch(() => undefined);
      await rm(aside, { force: true });
      return { holder: moved };
    }
    await rm(aside, { force: true });
    stale = holder;
  }
  return { holder: Number((await readFile(lock, 'utf8').catch(() => '')).trim()) };
}

/**
 * Astro writes generated modules into the project's `.astro/` folder whatever
 * the output folder, so two builds in one checkout must not run their Astro
 * stages at once, even into different folders: the second waits for the first.
 */
const ASTRO_STAGE_LOCK = join(ROOT, '.astro', 'build-stage.lock');

/**
 * Waits for the project's Astro stage to be free, then holds it; throws,
 * holding nothing, once `signal` aborts (a build that ends while it waits).
 */
export async function acquireAstroStage(
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<{ release: () => Promise<void> }> {
  let said = false;
  for (;;) {
    signal?.throwIfAborted();
    const lock = await acquireLock(ASTRO_STAGE_LOCK);
    if (!('holder' in lock)) {
      if (signal?.aborted) await lock.release();
      signal?.throwIfAborted();
      return lock;
    }
    if (!said)
      log(`  … waiting for build process ${lock.holder} to finish its Astro stage (one at a time per project)`);
    said = true;
    await new Promise((done) => setTimeout(done, 500));
  }
}
