/** The link and anchor check on small hand-made sites: what it catches and what it leaves alone. */
import { expect, test } from 'vitest';
import { checkLinks, formatLinkReport, linkChecker, type SitePage, scanPage } from '../../scripts/core/check-links.ts';

const FILES = new Set(['/index.html', '/a/index.html', '/style.css', '/data.json', '/404.html']);
const site = (html: string, extra: SitePage[] = []): SitePage[] => [
  { path: '/', html },
  { path: '/a/', html: '<h1 id="top-a">A</h1><p id="t1">x</p>' },
  ...extra,
];

test('links to pages, files and anchors that exist pass, and are counted', () => {
  const report = checkLinks(
    site(
      '<link rel="stylesheet" href="/style.css"><a href="/a/">a</a><a href="/a">a</a><a href="/a/#t1">t</a><a href="a/#top-a">r</a><a href="/data.json#x">d</a><form action="/a/"></form>',
    ),
    FILES,
  );
  expect(report.problems).toEqual([]);
  expect([report.pages, report.links, report.anchors]).toEqual([2, 7, 2]);
});

test('a missing page, a missing file and a missing anchor are each reported at the page that links', () => {
  const report = checkLinks(
    site('<a href="/b/">b</a><img src="/pic.png" alt=""><a href="/a/#t9">t</a><a href="#nowhere">n</a>'),
    FILES,
  );
  // Anchors on other pages are settled after every page is read, so they come last.
  expect(report.problems).toEqual([
    { page: '/', url: '/b/', reason: 'no such file in the site' },
    { page: '/', url: '/pic.png', reason: 'no such file in the site' },
    { page: '/', url: '#nowhere', reason: 'no element with the id `nowhere`' },
    { page: '/', url: '/a/#t9', reason: 'no element with the id `t9`' },
  ]);
});

test('pages are checked one at a time: an anchor on a page read later still counts', () => {
  const checker = linkChecker(FILES);
  checker.add({ path: '/', html: '<a href="/a/#t1">early</a><a href="/a/#t2">missing</a>' });
  checker.add({ path: '/a/', html: '<h3 id="t1">x</h3>' });
  const report = checker.finish();
  expect([report.pages, report.anchors]).toEqual([2, 2]);
  expect(report.problems).toEqual([{ page: '/', url: '/a/#t2', reason: 'no element with the id `t2`' }]);
});

test('a URL that runs code is reported in any spelling; external addresses are counted, not fetched', () => {
  const report = checkLinks(
    site(
      '<a href="javascript:alert(1)">j</a><a href=" JavaScript:x">k</a><a href="data:text/html,x">d</a><a href="https://example.org/">e</a><a href="//cdn.example/x">c</a><a href="mailto:a@b.c">m</a>',
    ),
    FILES,
  );
  expect(report.problems.map((p) => [p.url, p.reason])).toEqual([
    ['javascript:alert(1)', 'a URL that runs code'],
    [' JavaScript:x', 'a URL that runs code'],
    ['data:text/html,x', 'a URL that runs code'],
  ]);
  expect(report.external).toBe(3);
});

test('an id used twice on one page is reported, since an anchor to it is ambiguous', () => {
  const report = checkLinks(site('<h2 id="s1">a</h2><h2 id="s1">b</h2>'), FILES);
  expect(report.problems).toEqual([{ page: '/', url: '#s1', reason: 'the id `s1` is used twice on the page' }]);
});

test('the report ends with the figures', () => {
  const report = checkLinks(site('<a href="/b/">b</a>'), FILES);
  expect(formatLinkReport(report)).toEqual([
    '  / → /b/: no such file in the site',
    '  ✗ 2 pages, 1 internal link (0 to an anchor), 0 external not fetched: 1 problem',
  ]);
});

test('a page is read as a tokenizer meets its tags: entities decoded, script text skipped, noscript and template included', () => {
  const scan = scanPage(
    [
      '<p title="a > b" id="t1">x</p><A NAME="old">o</A><a href="/a/?q=1&amp;v=2#t1">a</a>',
      '<script src="/app.js">const s = \'<a href="/nowhere/" id="t9">\';</script><style>a[href="/x/"] {}</style>',
      '<!-- <a href="/commented/"> --><noscript><a href="/plain/">p</a></noscript>',
      '<template><p id="t2">earlier</p></template><p id="t1">again</p>',
    ].join(''),
  );
  expect(scan.ids).toEqual(['t1', 'old', 't2']);
  expect(scan.duplicateIds).toEqual(['t1']);
  expect(scan.urls).toEqual(['/a/?q=1&v=2#t1', '/app.js', '/plain/']);
});
