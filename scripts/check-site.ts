/**
 * `npm run check:site -- [--out DIR]`
 *
 * Checks a built site offline: every internal link, asset and `#anchor`
 * resolves, no page repeats an id, no URL runs code. Exits 1 on any problem.
 * `npm run build` runs the same check on the new site before it
 * replaces the published one.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { formatLinkReport, type LinkReport, linkChecker, type PageScan, scanPage } from './core/check-links.ts';
import { parseCli, seconds } from './lib/cli.ts';

/**
 * Reads every page of a built site, one at a time (a 10,000-transcript site
 * holds gigabytes of HTML), and checks its links. With `cacheFile`, a page
 * whose bytes the last check saw is not parsed again: its scan is kept there,
 * by content hash, one JSON line a page.
 */
export async function checkSite(dir: string, cacheFile?: string): Promise<LinkReport> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => `/${relative(dir, join(e.parentPath, e.name)).split(sep).join('/')}`);
  const known = cacheFile ? await readScans(cacheFile) : new Map<string, PageScan>();
  const kept: [string, PageScan][] = [];
  const checker = linkChecker(new Set(files));
  for (const f of files) {
    if (!f.endsWith('.html')) continue;
    const bytes = await readFile(join(dir, f));
    const hash = createHash('sha1').update(bytes).digest('hex');
    const scan = known.get(hash) ?? scanPage(bytes.toString('utf8'));
    if (cacheFile) kept.push([hash, scan]);
    checker.addScan(f.replace(/(?:^|\/)index\.html$/, '/'), scan);
  }
  if (cacheFile) await writeScans(cacheFile, kept);
  return checker.finish();
}

async function readScans(file: string): Promise<Map<string, PageScan>> {
  const scans = new Map<string, PageScan>();
  if (!existsSync(file)) return scans;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const tab = line.indexOf('\t');
    if (tab === -1) continue;
    try {
      scans.set(line.slice(0, tab), JSON.parse(line.slice(tab + 1)) as PageScan);
    } catch {
      // A torn line (a build killed while writing): that page is parsed again.
    }
  }
  return scans;
}

/** Writes the scans to a temporary file renamed into place, so a killed build leaves the old cache or the new. */
async function writeScans(file: string, scans: readonly [string, PageScan][]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  const out = createWriteStream(tmp, 'utf8');
  for (const [hash, scan] of scans) {
    if (!out.write(`${hash}\t${JSON.stringify(scan)}\n`)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
  await rename(tmp, file);
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
