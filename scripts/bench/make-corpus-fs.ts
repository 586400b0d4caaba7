/**
 * Benchmark corpora: the real tarballs in `../shared/corpora/` unpacked into
 * a temporary folder, and a folder of N transcripts made from them (plus the
 * project's seed transcript), with copies under new names once the real
 * files run out.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { ROOT } from '../lib/cli.ts';
import { copyName, varyTranscript } from './vary-transcript.ts';

/** The real corpora, resolved as `scripts/check-corpus.ts` does. */
export const TARBALLS = ['bitcoin-transcripts.tar.xz', 'changelog-transcripts.tar.xz'].map((f) =>
  join(ROOT, '../shared/corpora', f),
);

const SKIP = /(?:^|\/)(?:_index(?:\.[a-z]{2})?\.md|readme\.md|license\.md|sources\.md)$/i;

/** Unpacks every tarball into `dir/<tarball name>/`. */
export async function unpackCorpora(dir: string): Promise<void> {
  for (const tarball of TARBALLS) {
    if (!existsSync(tarball)) {
      throw new Error(
        `${tarball}: the benchmark corpus is missing\n  ↳ Put the shared corpora beside the project, or pass --corpus DIR.`,
      );
    }
    const into = join(dir, tarball.replace(/^.*\//, '').replace(/\.tar\.xz$/, ''));
    await mkdir(into, { recursive: true });
    execFileSync('tar', ['-xJf', tarball, '-C', into]);
  }
}

/** Every transcript file under `dir`, relative, in a fixed pseudo-random order that mixes the corpora. */
export async function listTranscripts(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile() && /\.(?:md|txt|vtt|srt|json)$/i.test(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((f) => !SKIP.test(f));
  const key = (f: string): string => createHash('sha1').update(f).digest('hex');
  return files.sort((a, b) => key(a).localeCompare(key(b)));
}

/**
 * Writes `count` transcripts from `pool` (files under `from`) into `to`: the
 * seed first, then real files, then varied copies under new names.
 */
export async function makeCorpus(from: string, pool: readonly string[], to: string, count: number): Promise<void> {
  await mkdir(to, { recursive: true });
  const seeds = join(ROOT, 'seeds');
  for (const name of await readdir(seeds)) await copyFile(join(seeds, name), join(to, name));
  for (let i = 0; i < count - 1; i++) {
    const file = pool[i % pool.length] as string;
    const copy = Math.floor(i / pool.length);
    const target = join(to, copy === 0 ? file : copyName(file, copy));
    await mkdir(dirname(target), { recursive: true });
    if (copy === 0) await copyFile(join(from, file), target);
    else await writeFile(target, varyTranscript(await readFile(join(from, file), 'utf8'), copy));
  }
}
