/**
 * The output folder on disk: where a symlinked output really is, whether a
 * folder holds a site this tool published, and what a new site carries over
 * from the one it replaces (see `core/output-folder.ts` for the contract).
 */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KEEP_LIST, outputFolderRefusal, SITE_MARKER } from '../core/output-folder.ts';
import type { CliOptions } from './cli.ts';

/** The output folder to publish into: a symlink's target, so the link keeps pointing at the site. */
export function resolveOutput(out: string): { out: string; via?: string } | { error: string } {
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(out);
  } catch {
    return { out };
  }
  if (!st.isSymbolicLink()) return { out };
  try {
    return { out: realpathSync(out), via: out };
  } catch {
    return {
      error: `${out}: error [broken-output-link] the output folder is a symbolic link to a folder that does not exist.\n  ↳ Create the folder it points to, or pass another --out.`,
    };
  }
}

/** A site this tool published: it holds the marker, or the files every earlier version of the build wrote. */
export function isOurSite(dir: string): boolean {
  return (
    existsSync(join(dir, SITE_MARKER)) ||
    (existsSync(join(dir, 'transcripts.json')) && existsSync(join(dir, 'pagefind')))
  );
}

/**
 * Why the build may not replace `out`, or `undefined`: a file, or a folder
 * holding files this tool did not publish (unless `force`).
 */
export function foreignOutput(out: string, force: boolean): string | undefined {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(out);
  } catch {
    return undefined;
  }
  if (!st.isDirectory())
    return `${out}: error [unsafe-output] the output folder is a file, not a folder.\n  ↳ Pass a folder with --out.`;
  if (force || isOurSite(out)) return undefined;
  const theirs = readdirSync(out).filter((name) => !KEEP_LIST.includes(name));
  if (theirs.length === 0) return undefined;
  const shown = theirs.slice(0, 3).map((n) => `\`${n}\``);
  const more = theirs.length > 3 ? ` and ${theirs.length - 3} more` : '';
  return `${out}: error [foreign-output] the output folder holds files this tool did not publish (${shown.join(', ')}${more}), and publishing replaces it whole.\n  ↳ Pass an empty or new folder with --out, or --force to replace it (${KEEP_LIST.join(', ')} are kept).`;
}

/** Marks a site as this tool's, so a later build may replace it. */
export async function markSite(site: string): Promise<void> {
  await writeFile(
    join(site, SITE_MARKER),
    'This folder is a site published by the transcript archive build; the next build replaces it.\n',
  );
}

/**
 * Moves what the keep-list names from the site being replaced (`old`) into
 * the new one, where the new site has nothing of that name.
 */
export async function carryKept(old: string, site: string): Promise<string[]> {
  const carried: string[] = [];
  for (const name of KEEP_LIST) {
    if (!existsSync(join(old, name)) || existsSync(join(site, name))) continue;
    await rename(join(old, name), join(site, name));
    carried.push(name);
  }
  return carried;
}

/** The output folder to publish into (a link's target), once it is known to be safe to replace; or why not. */
export function checkOutput(
  options: Pick<CliOptions, 'out' | 'seeds' | 'content' | 'force'>,
  project: string,
): { out: string; note?: string } | { error: string } {
  const resolved = resolveOutput(options.out);
  if ('error' in resolved) return resolved;
  const places = {
    out: resolved.out,
    seeds: options.seeds,
    content: options.content,
    project: project.replace(/\/$/, ''),
  };
  const home = homedir();
  const refusal =
    outputFolderRefusal(home ? { ...places, home } : places) ?? foreignOutput(resolved.out, options.force);
  if (refusal) return { error: refusal };
  return resolved.via
    ? { out: resolved.out, note: `${resolved.via} is a link: publishing to ${resolved.out}` }
    : resolved;
}
