/**
 * The Content-Security-Policy of every page, as a `<meta>` in the layout and
 * as a header in `public/_headers` (which adds what only a header can say;
 * a test keeps the two equal).
 *
 * The site loads only its own files and never runs inline code: its one
 * script (search) is a file, its stylesheet is a file (`inlineStylesheets:
 * 'never'`). The exceptions are what the site itself needs:
 * - `'wasm-unsafe-eval'`: Pagefind's search runs as WebAssembly;
 * - `style-src-attr 'unsafe-inline'`: Shiki colours code blocks with `style`
 *   attributes (CSS only; transcript text never becomes markup).
 * `javascript:` URLs count as inline script, so a link that slipped through
 * could not run either.
 *
 * A transcript page with a player adds `media-src` for exactly its
 * recording's origin ({@link contentSecurityPolicy}); the host's header
 * allows the union of the archive's recording origins, and since a browser
 * enforces both policies, each page can load only its own.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** The policy of a page that plays recordings from `sources` (origins or `'self'`, see `mediaSource`). */
export function contentSecurityPolicy(sources: readonly string[] = []): string {
  const distinct = [...new Set(sources)].sort();
  return distinct.length === 0
    ? CONTENT_SECURITY_POLICY
    : `${CONTENT_SECURITY_POLICY}; media-src ${distinct.join(' ')}`;
}

/** The `Content-Security-Policy` line of the host's header file (`public/_headers`) for these recording sources. */
export function headerPolicy(sources: readonly string[] = []): string {
  return `${contentSecurityPolicy(sources)}; frame-ancestors 'none'`;
}
