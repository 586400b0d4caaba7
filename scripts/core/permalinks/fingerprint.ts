/**
 * A turn's version fingerprint: 8 hex digits of FNV-1a over its text with
 * white space folded, so re-wrapping a paragraph is not an edit but changing
 * a word is.
 */
import { fnv1a } from '../slugs.ts';

export function fingerprint(paragraphs: readonly string[]): string {
  return fnv1a(paragraphs.join('\n').replace(/\s+/g, ' ').trim());
}
