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
 * @param known originals already known (a version reused from the last run, not parsed again), by file
 * @returns translation file → original file, and the pointers that named nothing
 */
export function versionOriginals(
  files: readonly string[],
  pointers: ReadonlyMap<string, string> = new Map(),
  slugs: ReadonlyMap<string, string> = new Map(),
  known: ReadonlyMap<string, string> = new Map(),
): { originals: Map<string, string>; problems: Problem[] } {
  const present = new Set(files);
  const bySlug = new Map([...slugs].map(([file, slug]) => [slug, file]));
  const originals = new Map<string, string>();
  const problems: Problem[] = [];
  for (const file of files) {
    const before = known.get(file);
    if (before !== undefined && present.has(before)) {
      originals.set(file, before);
      continue;
    }
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

/** What the last run knew of a file, for {@link familiesToParse}. */
export interface FileBefore {
  /** Its source is unchanged since then. */
  unchanged: boolean;
  /** It was a language version of this original file. */
  versionOf?: string;
  /** It was an original with language versions. */
  hasVersions?: boolean;
}

/**
 * The files that must be parsed because of their family: an original and
 * its language versions make one record, so they are parsed together. A
 * family is reused whole, none of it parsed, only when it is the family of
 * the last run (the same original, the same versions, none removed or added
 * by name) and none of its files changed. A version joined by a metadata
 * pointer that is new or changed is parsed anyway, and its family with it
 * (by the caller, once the pointer is read).
 */
export function familiesToParse(
  files: readonly string[],
  before: (file: string) => FileBefore | undefined,
  versionsBefore: ReadonlyMap<string, readonly string[]>,
): Set<string> {
  const present = new Set(files);
  const members = new Map<string, Set<string>>();
  const join = (original: string, file: string): void => {
    const family = members.get(original) ?? new Set([original]);
    members.set(original, family.add(file));
  };
  for (const file of files) {
    const byName = originalFileName(file);
    if (byName !== undefined && present.has(byName)) join(byName, file);
    const was = before(file);
    if (was?.versionOf !== undefined) join(was.versionOf, file);
    if (was?.hasVersions) join(file, file);
  }
  const whole = (original: string, family: ReadonlySet<string>): boolean =>
    before(original)?.hasVersions === true &&
    (versionsBefore.get(original) ?? []).every((v) => family.has(v)) &&
    [...family].every((f) => present.has(f) && before(f)?.unchanged === true) &&
    [...family].every((f) => f === original || before(f)?.versionOf === original);
  const parse = new Set<string>();
  let reused = [...members].filter(([original, family]) => {
    if (whole(original, family)) return true;
    for (const f of family) parse.add(f);
    return false;
  });
  // A file in two families (a version by name of one, by the last run of another) is parsed with both.
  for (let grew = true; grew; ) {
    grew = false;
    reused = reused.filter(([, family]) => {
      if (![...family].some((f) => parse.has(f))) return true;
      for (const f of family) parse.add(f);
      grew = true;
      return false;
    });
  }
  return parse;
}
