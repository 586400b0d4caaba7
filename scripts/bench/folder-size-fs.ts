/** How many files a folder holds and their bytes, every subfolder included. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface FolderSize {
  files: number;
  bytes: number;
}

/** Files and bytes under `dir`; `only` keeps the files whose name it accepts. */
export async function folderSize(dir: string, only: (name: string) => boolean = () => true): Promise<FolderSize> {
  let files = 0;
  let bytes = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !only(e.name)) continue;
    files++;
    bytes += (await stat(join(e.parentPath, e.name))).size;
  }
  return { files, bytes };
}
