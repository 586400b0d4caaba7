/**
 * Removes the site a publish replaced, in the background: `rm -rf` in a
 * process of its own that outlives the build. The new site is in place by
 * then, and freeing the old one's files is the kernel's slow part (at 10,000
 * transcripts, 8-18 s for the search indexes written anew), which no reader
 * of the build's output waits for. A build that starts before it is done
 * starts another removal of what is left (`recover-fs.ts`). Where there
 * is no `rm` (Windows) or it cannot start, the folder is removed here, and
 * the build waits for it.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';

/** Starts `rm -rf dir` detached; `false` when it could not start. */
function startRm(dir: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('rm', ['-rf', '--', dir], { stdio: 'ignore', detached: true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}

export async function removeInBackground(dir: string): Promise<void> {
  if (process.platform !== 'win32' && (await startRm(dir))) return;
  await rm(dir, { recursive: true, force: true });
}
