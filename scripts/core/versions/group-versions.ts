/**
 * Which source files are language versions of which transcript. A file
 * `<name>.<lang>.<ext>` beside `<name>.<ext>` is a version of it (the
 * bitcoin transcripts name theirs so: `talk.md`, `talk.zh.md`); so is a file
 * whose metadata says `translationOf: <file or slug>` (or `original:`). A
 * `<name>.<lang>.<ext>` with no original beside it is a transcript of its own.
 */
import { languageFromFileName } from '../front-matter.ts';
import { type Problem, problem } from '../problems.ts';

/** `talk.zh.md` → `talk.md`; undefined for a name without a language before its extension. */
export function originalFileName(file: string): string | undefined {
  const language = languageFromFileName(file);
  if (language === undefined) return undefined;
  return file.replace(new RegExp(`\\.${language.replace('-', '\\-')}(?=\\.[a-z]+$)`), '');
}

/** Folder part of a seeds-relative path (`2024/talk.md` → `2024/`). */
const folderOf = (file: string): string => file.slice(0, file.lastIndexOf('/') + 1);

/**
 * @param files every source file, relative to the seeds folder
 * @param pointers metadata `translationOf:` values, by file
 * @param slugs each file's slug, for pointers that name a slug
 * @returns translation file → original file, and the pointers that named nothing
 */
export function versionOriginals(
  files: readonly string[],
  pointers: ReadonlyMap<string, string> = new Map(),
  slugs: ReadonlyMap<string, string> = new Map(),
): { originals: Map<string, string>; problems: Problem[] } {
  const present = new Set(files);
  const bySlug = new Map([...slugs].map(([file, slug]) => [slug, file]));
  const originals = new Map<string, string>();
  const problems: Problem[] = [];
  for (const file of files) {
    const pointer = pointers.get(file);
    if (pointer !== undefined) {
      const target = [`${folderOf(file)}${pointer}`, pointer].find((f) => present.has(f)) ?? bySlug.get(pointer);
      if (target !== undefined && target !== file) originals.set(file, target);
      else
        problems.push(
          problem(
            'unknown-original',
            file,
            `\`translationOf: ${pointer}\` names no other transcript file or slug in the seeds folder`,
          ),
        );
      continue;
    }
    const original = originalFileName(file);
    if (original !== undefined && present.has(original)) originals.set(file, original);
  }
  // A version of a version belongs to the first original; a loop of pointers leaves every file on its own.
  const roots = new Map<string, string>();
  for (const [file, original] of originals) {
    const seen = new Set([file]);
    let root = original;
    while (originals.has(root) && !seen.has(root)) {
      seen.add(root);
      root = originals.get(root) as string;
    }
    if (!seen.has(root)) roots.set(file, root);
  }
  return { originals: roots, problems };
}
