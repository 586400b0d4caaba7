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
