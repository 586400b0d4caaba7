/**
 * A turn's version fingerprint: 8 hex digits of FNV-1a over its text with
 * white space folded, so re-wrapping a paragraph is not an edit but changing
 * a word is.
 */
export function fingerprint(paragraphs: readonly string[]): string {
  const text = paragraphs.join('\n').replace(/\s+/g, ' ').trim();
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
