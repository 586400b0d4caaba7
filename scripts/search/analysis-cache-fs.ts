/**
 * The search stage's analyses (`analyze-twin.ts`) kept between builds: one
 * file per twin in the build cache's `search-twins/` folder, named by the
 * twin's file identity and the code that analyzes it. The data stage links
 * an unchanged transcript's twins from the published site, so such a twin
 * keeps its identity and its analysis is read back instead of made again:
 * adding one transcript to a large archive analyzes one twin. A twin written
 * anew is a new file, so it is analyzed again. Each output folder has its
 * own folder of analyses, and the files of twins no longer in its archive
 * are removed after the pass: two builds into different output folders may
 * run at once (into one folder they never do), and neither removes the
 * other's.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { cacheKey, hasFields, readKept, sourcesKey, writeKept } from '../lib/build-cache-fs.ts';
import { ROOT } from '../lib/cli.ts';
import { statKey } from '../lib/scan-cache-fs.ts';
import { type AnalyzedTwin, analyzeTwin } from './analyze-twin.ts';

const FOLDER = 'search-twins';
/** The code an analysis depends on (the twin's pages, keys and words), and the stemmers. */
const CODE_FOLDERS = ['src/lib', 'scripts/search', 'scripts/core'];
const STEMMERS = 'node_modules/@orama/stemmers/package.json';

const PAGE = {
  pagefind: 'object',
  url: 'string',
  data: 'string',
  language: 'string',
  length: 'number',
} as const;

/**
 * What an analysis file holds: an {@link AnalyzedTwin}. Only its outline is
 * checked, down to each page's and language's fields: a twin's pages hold tens
 * of thousands of keys, and every build reads some ten thousand of these
 * files. The file's name says which code wrote it (its key covers the code).
 */
const AnalyzedTwinSchema = z.custom<AnalyzedTwin>((v) => {
  const twin = v as AnalyzedTwin;
  return (
    hasFields(v, { pages: 'array', languages: 'array', speakers: 'array' }) &&
    twin.pages.every(
      (p) =>
        hasFields(p, { ...PAGE, keys: 'array', counts: 'array' }) &&
        p.keys.length === p.counts.length &&
        hasFields(p.pagefind, { url: 'string', content: 'string', language: 'string', filters: 'object' }),
    ) &&
    twin.languages.every((l) => hasFields(l, { language: 'string', turns: 'number', words: 'array', echoes: 'array' }))
  );
}, 'not a twin analysis');

/** A key for the analyzing code: every source file it may import, and the stemmers' version. */
async function codeKey(): Promise<string> {
  const stemmers = await readFile(join(ROOT, STEMMERS), 'utf8');
  return sourcesKey(
    CODE_FOLDERS.map((f) => join(ROOT, f)),
    stemmers,
  );
}

/** The folder, in the build cache `cacheDir`, of the analyses kept for the site published at `out`. */
export function analysesDir(cacheDir: string, out: string): string {
  return join(cacheDir, FOLDER, cacheKey(resolve(out)));
}

/** The analysis file of each twin in `twins` (which must exist), in the folder `dir` ({@link analysesDir}). */
export async function analysisFiles(dir: string, twins: readonly string[]): Promise<string[]> {
  const code = await codeKey();
  return twins.map((twin) => join(dir, `${cacheKey(code, statKey(statSync(twin)))}.json`));
}

/** The analysis of the twin `file`: read back from `kept` when it holds one, else made (and kept there). */
export async function analysisOf(file: string, kept?: string): Promise<AnalyzedTwin> {
  if (kept !== undefined) {
    const known = await readKept(kept, AnalyzedTwinSchema);
    if (known) return known;
  }
  const analyzed = await analyzeTwin(await readFile(file, 'utf8'));
  if (kept !== undefined) await writeKept(kept, analyzed);
  return analyzed;
}
