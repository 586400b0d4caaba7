/**
 * Which pages of a new site the build's check reads, and which it takes from
 * the build's own tables instead.
 *
 * Most pages are made one per record: a transcript, its language versions and
 * their side-by-side views, a speaker, a topic. Their links come from the
 * templates, built from the records by the URL functions; none comes from
 * text (a transcript's own links survive only as external addresses, see
 * `render-paragraph.ts`). What those links point to is what the permalink
 * record promises: every transcript, turn, section, speaker and topic page,
 * which the data stage looks up in the new site on every build
 * (`lib/check-published-fs.ts`), and the data files the data stage wrote
 * itself. So these pages are not read, except one of each kind, for what a
 * template writes the same on every page (stylesheets, scripts, navigation).
 *
 * Every other page is read in full: the docs (written by hand), the home
 * page, the lists, about, data, search, 404. An `#anchor` a read page links to
 * on a page not read has that page read for its ids. The check of a whole
 * site, `npm run check:site` (and the build tests on the fixture site), reads
 * every page.
 */

/** The kinds of page made one per record, by their file in the site. */
const RECORD_PAGES: readonly (readonly [kind: string, file: RegExp])[] = [
  ['transcript', /^\/transcripts\/[^/]+\/index\.html$/],
  ['version', /^\/transcripts\/[^/]+\/[^/]+\/index\.html$/],
  ['side-by-side', /^\/transcripts\/[^/]+\/[^/]+\/side-by-side\/index\.html$/],
  ['speaker', /^\/speakers\/(?!by-name\/)[^/]+\/index\.html$/],
  ['topic', /^\/topics\/(?!by-name\/)[^/]+\/index\.html$/],
];

/** The kind of record page `file` (`/transcripts/x/index.html`) is, if it is one. */
export function recordPageKind(file: string): string | undefined {
  return RECORD_PAGES.find(([, pattern]) => pattern.test(file))?.[0];
}

/** Of a site's HTML files, those the build's check reads: every page but those made one per record, and one of each of those kinds. */
export function pagesToRead(pages: readonly string[]): string[] {
  const sampled = new Set<string>();
  return [...pages].sort().filter((file) => {
    const kind = recordPageKind(file);
    if (kind === undefined) return true;
    if (sampled.has(kind)) return false;
    sampled.add(kind);
    return true;
  });
}
