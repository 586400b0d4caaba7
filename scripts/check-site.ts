/**
 * `npm run check:site -- [--out DIR]`
 *
 * Checks a built site offline: every internal link, asset and `#anchor`
 * resolves, no page repeats an id, no URL runs code. Exits 1 on any problem.
 * `npm run build` runs the same check on the new site before it
 * replaces the published one.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { formatLinkReport, type LinkReport, linkChecker, type PageScan, scanPage } from './core/check-links.ts';
import { parseCli, seconds } from './lib/cli.ts';

/**
 * Reads every page of a built site, one at a time (a 10,000-transcript site
 * holds gigabytes of HTML), and checks its links. With `cacheDir`, a page
 * whose bytes an earlier check saw is not parsed again: its scan is kept there
 * as a small file named by its content hash, read back only when needed, so
 * memory stays that of the link check itself; scans no page uses are removed.
 */
export async function checkSite(dir: string, cacheDir?: string): Promise<LinkReport> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => `/${relative(dir, join(e.parentPath, e.name)).split(sep).join('/')}`);
  const used = new Set<string>();
  const checker = linkChecker(new Set(files));
  for (const f of files) {
    if (!f.endsWith('.html')) continue;
    const bytes = await readFile(join(dir, f));
    const hash = createHash('sha1').update(bytes).digest('hex');
    const scan = cacheDir ? await cachedScan(cacheDir, hash, bytes) : scanPage(bytes.toString('utf8'));
    used.add(hash);
    checker.addScan(f.replace(/(?:^|\/)index\.html$/, '/'), scan);
  }
  if (cacheDir) await pruneScans(cacheDir, used);
  return checker.finish();
}

const scanFile = (cacheDir: string, hash: string): string => join(cacheDir, hash.slice(0, 2), `${hash}.json`);

async function cachedScan(cacheDir: string, hash: string, bytes: Buffer): Promise<PageScan> {
  const file = scanFile(cacheDir, hash);
  const known = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as PageScan)
    .catch(() => undefined);
  if (known) return known;
  const scan = scanPage(bytes.toString('utf8'));
  await mkdir(dirname(file), { recursive: true });
  // Written aside and renamed, so a killed build never leaves half a scan.
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, JSON.stringify(scan));
  await rename(tmp, file);
  return scan;
}

async function pruneScans(cacheDir: string, used: ReadonlySet<string>): Promise<void> {
  const entries = await readdir(cacheDir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const e of entries) {
    if (e.isFile() && !used.has(e.name.replace(/\.json$/, ''))) await rm(join(e.parentPath, e.name), { force: true });
  }
}

if (import.meta.main) {
  const options = parseCli(process.argv.slice(2));
  if ('error' in options) {
    console.error(`error: ${options.error}\n\nUsage: npm run check:site -- [--out DIR]`);
    process.exit(1);
  }
  const started = performance.now();
  const report = await checkSite(options.out).catch((e: unknown) => {
    console.error(`error: cannot read the site in ${options.out}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
  console.log('Site check');
  for (const line of formatLinkReport(report)) console.log(line);
  console.log(`Checked in ${seconds(performance.now() - started)}`);
  process.exit(report.problems.length === 0 ? 0 : 1);
}
