/** Small hand-made sites for the link-check tests: temporary folders of `index.html` pages, removed when the file's tests end. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export interface PageSites {
  /** A new empty temporary folder. */
  tempDir(prefix: string): string;
  /** A site whose pages are `{ 'path/below/root': html }`, each written as `path/index.html`. */
  site(pages: Record<string, string>): Promise<string>;
}

/** Temporary folders named from `prefix`, all removed after the calling test file's tests. */
export function pageSites(prefix: string): PageSites {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = (name: string): string => {
    const dir = mkdtempSync(join(tmpdir(), name));
    made.push(dir);
    return dir;
  };
  return {
    tempDir,
    async site(pages) {
      const dir = tempDir(prefix);
      for (const [path, html] of Object.entries(pages)) {
        await mkdir(join(dir, path), { recursive: true });
        writeFileSync(join(dir, path, 'index.html'), html);
      }
      return dir;
    },
  };
}
