/**
 * `npm run combine -- --out DIR PART_DIR …`
 *
 * Combines the parts of an archive built separately (`npm run build --
 * --part K/N` on N machines) into one site for one static host: part 1 gives
 * the pages about the whole archive and the shared assets; every part gives
 * its transcripts' pages, twins and search shards; the shard manifests are
 * merged so the search page searches every shard, and the whole-archive
 * downloads are joined from every part's twins. The result replaces DIR
 * in one rename, like a build.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkSite } from './check-site.ts';
import { formatLinkReport } from './core/check-links.ts';
import type { ShardManifest } from './core/search-shards.ts';
import { plural } from './core/text.ts';
import { writeBulkDownloads } from './lib/bulk-downloads-fs.ts';
import { seconds } from './lib/cli.ts';
import { fillDownloadSizes } from './lib/download-sizes-fs.ts';
import { siteTwins, writeVocabulary } from './search/vocabulary-fs.ts';

const USAGE = `Usage: npm run combine -- --out DIR PART_DIR …

  --out DIR    the combined site (replaced in one rename)
  PART_DIR     the sites built with --part 1/N … N/N, part 1 first`;

/** Files a part other than the first contributes: its transcripts (pages, language versions' pages, and their .json, .txt and .csv twins) and its search shards. */
const OWN =
  /^(?:transcripts\/[^/]+\/(?:[^/]+\/)*index\.html|transcripts\/[^/]+\.(?:json|txt|csv)|pagefind\/shard-[^/]+\/.*)$/;

async function combine(out: string, parts: readonly string[]): Promise<number> {
  const started = performance.now();
  const staging = `${out}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const [first] = parts;
  if (!first) return 0;
  await cp(first, staging, { recursive: true });
  const owner = new Map<string, string>();
  const shards: ShardManifest['shards'] = [];
  let files = 0;
  for (const part of parts) {
    const manifest = JSON.parse(await readFile(join(part, 'pagefind/shards.json'), 'utf8')) as ShardManifest;
    shards.push(...manifest.shards);
    if (part === first) continue;
    for (const e of await readdir(part, { withFileTypes: true, recursive: true })) {
      if (!e.isFile()) continue;
      const rel = relative(part, join(e.parentPath, e.name));
      if (!OWN.test(rel)) continue;
      const already =
        owner.get(rel) ?? (existsSync(join(staging, rel)) && !rel.startsWith('pagefind/') ? first : undefined);
      if (already && rel.startsWith('transcripts/')) {
        throw new Error(
          `${rel}: built by both ${already} and ${part}\n  ↳ Build every part with the same N: --part 1/N … N/N.`,
        );
      }
      owner.set(rel, part);
      await mkdir(dirname(join(staging, rel)), { recursive: true });
      await cp(join(part, rel), join(staging, rel));
      files++;
    }
  }
  const dirs = shards.map((s) => s.dir);
  if (new Set(dirs).size !== dirs.length || !dirs.includes('')) {
    throw new Error(
      `the parts' search shards clash or part 1's primary index is missing (${dirs.join(', ')})\n  ↳ Build every part with the same N, and pass part 1 first.`,
    );
  }
  await writeFile(join(staging, 'pagefind/shards.json'), `${JSON.stringify({ version: 1, shards })}\n`);
  // Each part wrote the vocabulary of its own transcripts: search needs the whole archive's.
  await writeVocabulary(staging, await siteTwins(staging));
  await writeBulkDownloads(staging);
  await fillDownloadSizes(staging);
  // A part cannot check its links to the other parts; the combined site can, before it is published.
  const report = await checkSite(staging);
  if (report.problems.length > 0) {
    for (const line of formatLinkReport(report)) console.error(line);
    await rm(staging, { recursive: true, force: true });
    throw new Error('the combined site has broken links (listed above); nothing was published');
  }
  const old = `${out}.old-${process.pid}`;
  if (existsSync(out)) await rename(out, old);
  await rename(staging, out);
  await rm(old, { recursive: true, force: true });
  const pages = shards.reduce((n, s) => n + s.pages, 0);
  console.log('Combine');
  console.log(`  ✓ ${plural(parts.length, 'part')}: ${plural(files, 'file')} added to part 1`);
  console.log(`  ✓ search: ${plural(pages, 'page')} in ${plural(shards.length, 'shard')}`);
  console.log(`  ✓ site check: ${plural(report.pages, 'page')}, none broken`);
  console.log(`Combined in ${seconds(performance.now() - started)} into ${relative(process.cwd(), out) || '.'}`);
  return 0;
}

const { values, positionals } = parseArgs({
  options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  allowPositionals: true,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.out || positionals.length === 0) {
  console.error(`error: give --out and at least one part folder\n\n${USAGE}`);
  process.exit(1);
}
try {
  process.exit(
    await combine(
      resolve(values.out),
      positionals.map((p) => resolve(p)),
    ),
  );
} catch (e) {
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
