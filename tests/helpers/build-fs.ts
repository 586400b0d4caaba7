/** Runs the real build script on a folder, for tests that need builds of their own. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runBuild(seeds: string, work: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): BuildRun {
  const result = spawnSync(
    process.execPath,
    ['scripts/build.ts', '--seeds', seeds, '--content', join(work, 'content'), '--out', join(work, 'site'), ...extra],
    { encoding: 'utf8', env: { ...process.env, ARCHIVE_CACHE_DIR: join(work, 'cache'), ...env } },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
