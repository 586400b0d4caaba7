/** The build cache folder (ARCHIVE_CACHE_DIR) of one test file. */
import { afterAll, beforeAll } from 'vitest';

/**
 * Points ARCHIVE_CACHE_DIR at `dir` before the file's tests (call it before
 * the file's own `beforeAll`), and puts back what it was after them. Without
 * `dir`, only puts it back: for a file that sets it itself.
 */
export function useCacheDir(dir?: string): void {
  const before = process.env['ARCHIVE_CACHE_DIR'];
  if (dir !== undefined)
    beforeAll(() => {
      process.env['ARCHIVE_CACHE_DIR'] = dir;
    });
  afterAll(() => {
    if (before === undefined) delete process.env['ARCHIVE_CACHE_DIR'];
    else process.env['ARCHIVE_CACHE_DIR'] = before;
  });
}
