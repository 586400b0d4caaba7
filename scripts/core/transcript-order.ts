/**
 * The archive's one order of transcripts, shared by the site's lists and the
 * manifest the build writes: newest first; undated last, by title.
 */

/** What the order reads of a transcript (a whole record, a card or a manifest entry). */
export interface Ordered {
  date?: string | null | undefined;
  title: string;
  slug: string;
}

/**
 * The comparisons `localeCompare` makes, made once: with a locale and
 * options it makes its collator again on every call (sorting 10,000
 * transcripts took 0.6 s, against 0.02 s).
 */
const titles = new Intl.Collator('en', { numeric: true });
const slugs = new Intl.Collator();

export function transcriptOrder(a: Ordered, b: Ordered): number {
  if (a.date && b.date && a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.date && !b.date) return -1;
  if (!a.date && b.date) return 1;
  // Natural order for numbered titles: Episode 2 before Episode 10.
  return titles.compare(a.title, b.title) || slugs.compare(a.slug, b.slug);
}
