/**
 * What a killed build leaves beside the output folder: its staging folder, the
 * trees its search shards were built in, and, if it died between the two
 * renames of the publish stage, the previous site moved aside. A replaced
 * site is also there while publish's background removal is at work
 * (`remove-tree-fs.ts`). Runs under the output folder's lock, so no live
 * build owns these.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { carryKept } from './output-folder-fs.ts';
import { isRunning } from './pid.ts';
import { removeInBackground } from './remove-tree-fs.ts';

/**
 * Cleans up after killed builds. The previous site is put back when the output
 * folder is missing; otherwise what the keep-list names is carried from it
 * into the output folder before it is removed.
 */
export async function recoverKilledBuilds(out: string): Promise<string[]> {
  const notes: string[] = [];
  const parent = dirname(out);
  const name = basename(out);
  const leftovers = (await readdir(parent).catch(() => [] as string[])).filter((f) => {
    // `[.]out.tmp-PID` (staging), `[.]out.tmp-PID.shard-PID-K.out` (a search shard's index; without `.out`,
    // a page tree for Pagefind's command line, which a killed build of an earlier checkout may leave), `out.old-PID`.
    const m = /^\.?(.*)\.(tmp|old)-(\d+)(?:\.shard-\d+(?:-\d+)?(?:\.out)?)?$/.exec(f);
    return m?.[1] === name && Number(m[3]) !== process.pid && !isRunning(Number(m[3]));
  });
  for (const f of leftovers.filter((l) => l.includes('.old-'))) {
    if (existsSync(out)) {
      const carried = await carryKept(join(parent, f), out);
      if (carried.length > 0) notes.push(`moved ${carried.join(', ')} from ${f} into the published site`);
      continue;
    }
    await rename(join(parent, f), out);
    notes.push(`restored the published site from ${f}, left by a build killed while publishing`);
  }
  for (const f of leftovers) {
    if (!existsSync(join(parent, f))) continue;
    // A replaced site may still be on its way out (publish removes it in the background, and a build
    // that follows at once would wait seconds for it): its removal goes on in the background.
    const replaced = f.includes('.old-');
    const removal = replaced ? removeInBackground : (dir: string) => rm(dir, { recursive: true, force: true });
    const removed = await removal(join(parent, f)).then(
      () =>
        replaced
          ? `removing ${f}, the site an earlier build replaced, in the background`
          : `removed ${f}, left by a killed build`,
      (e: NodeJS.ErrnoException) =>
        `could not remove ${f}, left by an earlier build (${e.code ?? e.message}); remove it by hand`,
    );
    notes.push(removed);
  }
  return notes;
}

/**
 * The folder a new site is built in, beside the output folder so that one
 * rename publishes it: `out.tmp-PID`. Astro takes a folder whose path starts
 * with the project's path (`~/archive-site.tmp-1` beside `~/archive`) for part
 * of the project and leaves its own packages out of the bundle it then fails
 * to load, so such a staging folder is hidden instead: `.archive-site.tmp-1`.
 */
export function stagingFor(out: string, project: string): string {
  const staging = `${out}.tmp-${process.pid}`;
  const root = project.replace(/[\\/]+$/, '');
  const lookalike = staging.startsWith(root) && !staging.startsWith(`${root}${sep}`);
  return lookalike ? join(dirname(out), `.${basename(out)}.tmp-${process.pid}`) : staging;
}

/**
 * The staging folder, and the folders the search stage writes its shards'
 * indexes to beside it. A stage may still be writing into it when a signal
 * stops the build: a folder that gains a file while it is removed is tried again.
 */
export async function removeStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true, maxRetries: 5 });
  const names = await readdir(dirname(staging)).catch(() => [] as string[]);
  for (const folder of shardFolders(staging, names)) await rm(folder, { recursive: true, force: true });
}

/** Of the names beside the staging folder, the search stage's shard folders of this build. */
function shardFolders(staging: string, names: readonly string[]): string[] {
  const prefix = `${basename(staging)}.shard-${process.pid}-`;
  return names.filter((name) => name.startsWith(prefix)).map((name) => join(dirname(staging), name));
}

/**
 * The last step of a build stopped by a signal, right before the process
 * exits: the data and search stages run in this process and may have had
 * writes in flight when the staging folder was removed, which could make its
 * folders again. The thread waits (so no new write starts) for those to land,
 * then removes the staging folder and the shards' folders once more.
 */
export function removeStagingNow(staging: string): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  rmSync(staging, { recursive: true, force: true, maxRetries: 5 });
  const names = existsSync(dirname(staging)) ? readdirSync(dirname(staging)) : [];
  for (const folder of shardFolders(staging, names)) rmSync(folder, { recursive: true, force: true });
}
