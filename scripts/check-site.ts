/**
 * `npm run check:site -- [--out DIR]`
 *
 * Checks a built site offline: every internal link, asset and `#anchor`
 * resolves, no page repeats an id, no URL runs code. Exits 1 on any problem.
 * `npm run build` runs the same check on the new site before it
 * replaces the published one.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { formatLinkReport, type LinkReport, linkChecker } from './core/check-links.ts';
import { parseCli, seconds } from './lib/cli.ts';

/**
 * Reads every page of a built site, one at a time (a 10,000-transcript site
 * holds gigabytes of HTML), and checks its links.
 */
export async function checkSite(dir: string): Promise<LinkReport> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => `/${relative(dir, join(e.parentPath, e.name)).split(sep).join('/')}`);
  const checker = linkChecker(new Set(files));
  for (const f of files) {
    if (!f.endsWith('.html')) continue;
    checker.add({ path: f.replace(/(?:^|\/)index\.html$/, '/'), html: await readFile(join(dir, f), 'utf8') });
  }
  return checker.finish();
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
