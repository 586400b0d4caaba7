/**
 * The containment check for every path built from input: a slug, a language
 * or a file name joined under a folder must name something inside that
 * folder. Values are validated long before (`schema.ts`); this is the last
 * line, so that no future path from metadata can write outside its folder.
 */
import { isAbsolute, relative, resolve } from 'node:path';

/** `root` joined with `parts`; throws when the result would not be inside `root` (or would be `root` itself). */
export function containedPath(root: string, ...parts: string[]): string {
  const path = resolve(root, ...parts);
  const rel = relative(resolve(root), path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || parts.some((p) => p.includes('\0'))) {
    throw new Error(`refused to use ${JSON.stringify(parts.join('/'))}: it leads outside ${root}`);
  }
  return path;
}
