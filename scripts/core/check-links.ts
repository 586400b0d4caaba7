/**
 * The site-integrity check, as a pure function over a built site's pages:
 * every internal link, stylesheet, script, image and form target resolves to
 * a file of the site, every `#anchor` to an element of its page, no page
 * repeats an id, and no URL anywhere runs code (`javascript:`, `vbscript:`,
 * `data:` in a link). External addresses are not fetched: the check runs
 * offline, on every build.
 */

import { Parser } from 'htmlparser2';
import { z } from 'zod';
import { plural } from './text.ts';
import { mediaKind } from './urls.ts';

/** One built HTML page: its URL path (`/speakers/qi-yanjun/`) and its markup. */
export interface SitePage {
  path: string;
  html: string;
}

/** A broken link or anchor, at the page that holds it. */
export interface LinkProblem {
  page: string;
  url: string;
  reason: string;
}

export interface LinkReport {
  /** Pages read and their links checked. */
  pages: number;
  /** Pages of the site whose links were not read (the build's check: see `core/check-plan.ts`). */
  unread: number;
  /** Internal URLs checked (links, assets, form targets). */
  links: number;
  /** Of those, how many carried a `#fragment` that was checked. */
  anchors: number;
  /** External addresses seen and left alone. */
  external: number;
  problems: LinkProblem[];
}

/** Elements and the attribute that holds their URL. */
const URL_ATTRIBUTES: Readonly<Record<string, string>> = {
  a: 'href',
  area: 'href',
  link: 'href',
  script: 'src',
  img: 'src',
  source: 'src',
  iframe: 'src',
  form: 'action',
};
const CODE_URL = /^\s*(?:javascript|vbscript|data):/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const ORIGIN = 'http://site.invalid';

/** A link to an `#anchor` of another page, checked once every page's ids are known. */
interface PendingAnchor {
  page: string;
  url: string;
  target: string;
  fragment: string;
}

/** What the check needs of one page: its ids (and those used twice) and every URL it holds, in order. */
export const PageScanSchema = z.object({
  ids: z.array(z.string()),
  duplicateIds: z.array(z.string()),
  urls: z.array(z.string()),
});
export type PageScan = z.infer<typeof PageScanSchema>;

/** Names what {@link scanPage} reads: a kept scan made by another reader is not reused. */
export const SCANNER = 'htmlparser2-tokens';

/**
 * Reads a page once for the check: its tags' ids and URLs as a tokenizer
 * meets them (htmlparser2; no document tree is built, which was most of the
 * check's time), entities decoded, script and style text skipped, links in
 * `<noscript>` and `<template>` included. A build can keep the scan of an
 * unchanged page for the next one.
 */
export function scanPage(html: string): PageScan {
  const ids = new Set<string>();
  const duplicateIds: string[] = [];
  const urls: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const id = attributes['id'];
        if (id !== undefined) {
          if (ids.has(id)) duplicateIds.push(id);
          ids.add(id);
        } else if (name === 'a' && attributes['name'] !== undefined) ids.add(attributes['name']);
        const attribute = URL_ATTRIBUTES[name];
        const url = attribute === undefined ? undefined : attributes[attribute];
        if (url !== undefined) urls.push(url);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { ids: [...ids], duplicateIds, urls };
}

/**
 * Checks a site one page at a time, so a site of any size is checked in the
 * memory of its largest page: each page is scanned, its ids and links noted,
 * and its tree dropped; links to anchors of other pages are settled by
 * `finish()`. `files` holds every file of the site as a URL path
 * (`/transcripts/x/index.html`, `/_astro/a.css`).
 */
export function linkChecker(files: ReadonlySet<string>): {
  add(page: SitePage): void;
  addScan(path: string, scan: PageScan): void;
  /** A page read only for its ids, as the target of anchors: its own links are not checked. */
  addIds(path: string, scan: PageScan): void;
  /** Pages that links point into (`#anchor`) whose ids are not known yet: read them (`addIds`) before `finish()`. */
  unreadTargets(): string[];
  finish(unread?: number): LinkReport;
} {
  const report: LinkReport = { pages: 0, unread: 0, links: 0, anchors: 0, external: 0, problems: [] };
  const idsByFile = new Map<string, Set<string>>();
  const pending: PendingAnchor[] = [];
  const addScan = (path: string, scan: PageScan): void => {
    report.pages++;
    for (const id of scan.duplicateIds) {
      report.problems.push({ page: path, url: `#${id}`, reason: `the id \`${id}\` is used twice on the page` });
    }
    const ids = new Set(scan.ids);
    idsByFile.set(fileOf(path), ids);
    for (const raw of scan.urls) {
      if (CODE_URL.test(raw)) {
        report.problems.push({ page: path, url: raw, reason: 'a URL that runs code' });
        continue;
      }
      if (raw.startsWith('//') || SCHEME.test(raw)) {
        report.external++;
        continue;
      }
      report.links++;
      const url = new URL(raw, ORIGIN + path);
      const target = resolveFile(decoded(url.pathname), files);
      if (!target && mediaKind(url.pathname) !== 'link') {
        // A recording published beside the site (`media:` with a `mediaBase` on this host): its owner uploads it, not the build.
        report.external++;
        continue;
      }
      if (!target) {
        report.problems.push({ page: path, url: raw, reason: 'no such file in the site' });
        continue;
      }
      const fragment = decoded(url.hash.slice(1));
      if (fragment === '' || fragment === 'top') continue;
      if (!target.endsWith('.html')) continue; // a fragment of a non-HTML file (a media time, a JSON twin)
      if (target === fileOf(path)) {
        report.anchors++;
        if (!ids.has(fragment)) report.problems.push({ page: path, url: raw, reason: missingId(fragment) });
      } else pending.push({ page: path, url: raw, target, fragment });
    }
  };
  return {
    add: (page) => addScan(page.path, scanPage(page.html)),
    addScan,
    addIds(path, scan) {
      idsByFile.set(fileOf(path), new Set(scan.ids));
    },
    unreadTargets: () => [...new Set(pending.map((p) => p.target).filter((target) => !idsByFile.has(target)))],
    finish(unread = 0) {
      report.unread = unread;
      for (const link of pending) {
        const ids = idsByFile.get(link.target);
        if (!ids) continue; // a file not read as a page: see `unreadTargets`
        report.anchors++;
        if (!ids.has(link.fragment))
          report.problems.push({ page: link.page, url: link.url, reason: missingId(link.fragment) });
      }
      // Each page's problems together, whichever pass found them.
      report.problems.sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
      return report;
    },
  };
}

/** Checks every page of a site held in memory: see `linkChecker`. */
export function checkLinks(pages: readonly SitePage[], files: ReadonlySet<string>): LinkReport {
  const checker = linkChecker(files);
  for (const page of pages) checker.add(page);
  return checker.finish();
}

const missingId = (fragment: string) => `no element with the id \`${fragment}\``;

/** `/a/` → `/a/index.html`; `/a` → `/a`, or `/a/index.html` as a static host serves it. */
function resolveFile(path: string, files: ReadonlySet<string>): string | undefined {
  if (path.endsWith('/')) return files.has(`${path}index.html`) ? `${path}index.html` : undefined;
  if (files.has(path)) return path;
  return files.has(`${path}/index.html`) ? `${path}/index.html` : undefined;
}

/** Percent-decoding that leaves a malformed escape as written. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The file a page's URL path is served from. */
function fileOf(path: string): string {
  return path.endsWith('/') ? `${path}index.html` : path;
}

/** The report as terminal lines: one per problem, then the figures. */
export function formatLinkReport(report: LinkReport): string[] {
  const lines = report.problems.map((p) => `  ${p.page} → ${p.url}: ${p.reason}`);
  const ok = report.problems.length === 0;
  const pages =
    report.unread === 0
      ? plural(report.pages, 'page')
      : `${plural(report.pages + report.unread, 'page')} (${report.pages.toLocaleString('en')} read; ${report.unread.toLocaleString('en')} made one per record, from the build's tables)`;
  lines.push(
    `  ${ok ? '✓' : '✗'} ${pages}, ${plural(report.links, 'internal link')} (${report.anchors.toLocaleString('en')} to an anchor), ${report.external.toLocaleString('en')} external not fetched: ${ok ? 'none broken' : plural(report.problems.length, 'problem')}`,
  );
  return lines;
}
