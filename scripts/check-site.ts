/**
 * `npm run check:site -- [--out DIR]`
 *
 * Checks a built site offline: every internal link, asset and `#anchor`
 * resolves, no page repeats an id, no URL runs code. Exits 1 on any problem.
 * `npm run build` runs the same check on the new site before it
 * replaces the published one.
 */
import { statSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, sep } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { formatLinkReport, type LinkReport, linkChecker, SCANNER } from './core/check-links.ts';
import { CHECK_SITE_FLAGS, parseCli, seconds } from './lib/cli.ts';
import { filesUnder, relativeTo } from './lib/files-under-fs.ts';
import {
  type PageScanned,
  pruneScans,
  readStatIndex,
  type StatIndex,
  scanFile,
  writeStatIndex,
} from './lib/scan-cache-fs.ts';

/**
 * Reads every page of a built site, one at a time (a 10,000-transcript site
 * holds gigabytes of HTML), and checks its links. With `cacheDir`, a page
 * whose bytes an earlier check saw is not parsed again, and a page file the
 * last check saw (same inode, size and time: Astro's cache restores unchanged
 * pages as hard links) is not even read: see `lib/scan-cache-fs.ts`. Scans are
 * read back only when needed, so memory stays that of the link check itself;
 * scans no page uses are removed.
 *
 * Pages are read and scanned in worker threads, one per core, each sending
 * its scans back page by page; the links are checked here as scans arrive
 * (the report sorts its problems by page, whatever the order).
 */
export async function checkSite(
  dir: string,
  cacheFolder?: string,
  {
    threads = availableParallelism(),
    minPagesPerWorker = MIN_PAGES_PER_WORKER,
    only,
  }: {
    threads?: number;
    minPagesPerWorker?: number;
    /** Of the site's HTML files, those whose links to check (all when not given): see `core/check-plan.ts`. */
    only?: (pages: readonly string[]) => string[];
  } = {},
): Promise<LinkReport> {
  // Scans are kept per reader: a scan an older reader made may miss links this one sees.
  const cacheDir = cacheFolder ? join(cacheFolder, SCANNER) : undefined;
  // Listed synchronously (the promise API waits on a thread-pool round trip per folder: 1.1 s
  // against 0.35 s for 123,000 files at 10,000 transcripts); each path's folder cut off as a prefix.
  statSync(dir); // a missing folder is an error, not an empty site
  const relative = relativeTo(dir);
  const files = filesUnder(dir).map((f) => `/${sep === '/' ? relative(f) : relative(f).split(sep).join('/')}`);
  const html = files.filter((f) => f.endsWith('.html'));
  const pages = only ? only(html) : html;
  const used = new Set<string>();
  const known = cacheDir ? await readStatIndex(cacheDir) : {};
  const seen: StatIndex = {};
  const checker = linkChecker(new Set(files));
  const keep = (message: ScanMessage): void => {
    used.add(message.hash);
    seen[message.key] = message.hash;
  };
  const take = (message: ScanMessage): void => {
    keep(message);
    checker.addScan(urlPath(message.page), message.scan);
  };
  const count = Math.min(threads, Math.floor(pages.length / minPagesPerWorker));
  if (count < 2) {
    for (const page of pages) take({ page, ...(await scanFile(join(dir, page), cacheDir, known)) });
  } else {
    const shares = Array.from({ length: count }, (_, k) => pages.filter((_, i) => i % count === k));
    await Promise.all(
      shares.map((share) => scanInWorker({ dir, pages: share, known, ...(cacheDir ? { cacheDir } : {}) }, take)),
    );
  }
  // Pages not read whose anchors a read page links to: read for their ids only.
  for (const page of checker.unreadTargets()) {
    const message = { page, ...(await scanFile(join(dir, page), cacheDir, known)) };
    keep(message);
    checker.addIds(urlPath(page), message.scan);
  }
  if (cacheFolder && cacheDir) {
    await pruneScans(cacheDir, used);
    await writeStatIndex(cacheDir, seen);
    // What other readers kept is of no use to this one.
    for (const name of await readdir(cacheFolder))
      if (name !== SCANNER) await rm(join(cacheFolder, name), { recursive: true, force: true });
  }
  return checker.finish(html.length - pages.length);
}

/** `/a/index.html` → `/a/`: a page's address. */
const urlPath = (file: string): string => file.replace(/(?:^|\/)index\.html$/, '/');

/** Below this many pages a worker thread costs more than it saves. */
const MIN_PAGES_PER_WORKER = 200;

interface ScanJob {
  dir: string;
  pages: string[];
  known: StatIndex;
  cacheDir?: string;
}

interface ScanMessage extends PageScanned {
  page: string;
}

/** Scans a share of the pages in a worker thread, handing each scan to `take` as it comes. */
function scanInWorker(job: ScanJob, take: (message: ScanMessage) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    let done = false;
    worker.on('message', (message: ScanMessage | 'done') => {
      if (message === 'done') done = true;
      else take(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (done) resolve();
      else reject(new Error(`a site-check worker stopped (exit code ${code}) before it finished`));
    });
  });
}

// In a worker thread of checkSite: scan this share, after every definition above is initialised.
if (!isMainThread && parentPort && (workerData as ScanJob | undefined)?.pages) {
  const job = workerData as ScanJob;
  for (const page of job.pages)
    parentPort.postMessage({ page, ...(await scanFile(join(job.dir, page), job.cacheDir, job.known)) });
  parentPort.postMessage('done');
}

if (isMainThread && import.meta.main) {
  const usage = 'Usage: npm run check:site -- [--out DIR]';
  const options = parseCli(process.argv.slice(2), CHECK_SITE_FLAGS);
  if ('error' in options) {
    console.error(`error: ${options.error}\n\n${usage}`);
    process.exit(1);
  }
  if (options.help) {
    console.log(usage);
    process.exit(0);
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
