/**
 * Builds the fixture archive (tests/fixtures/archive) once, with the real
 * build script, into a temporary folder that the build and browser tests
 * read. The build's own output is kept for tests that check its report.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureBuild: { dir: string; site: string; content: string; stdout: string; stderr: string; status: number };
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'archive-fixture-'));
  const site = join(dir, 'site');
  const content = join(dir, 'content');
  const result = spawnSync(
    process.execPath,
    ['scripts/build.ts', '--seeds', 'tests/fixtures/archive', '--content', content, '--out', site],
    { encoding: 'utf8', env: { ...process.env, ARCHIVE_CACHE_DIR: join(dir, 'cache') } },
  );
  if (result.status !== 0) {
    throw new Error(`fixture build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  project.provide('fixtureBuild', {
    dir,
    site,
    content,
    stdout: result.stdout,
    stderr: result.stderr,
    status: result.status,
  });
  return () => rmSync(dir, { recursive: true, force: true });
}
