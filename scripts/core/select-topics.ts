/**
 * Chooses the archive's topics from every transcript's candidates
 * (`extract-phrases.ts`) and the curated rules (`topics.yaml`).
 *
 * A candidate is salient in a transcript when it recurs there (at least
 * {@link MIN_COUNT} times) and is rare across the archive: its score is its count
 * times the inverse of how many transcripts mention it, so a phrase every
 * transcript uses ("public security") ranks low however frequent it is. Each
 * transcript contributes its {@link PER_TRANSCRIPT} best. Once the archive is
 * large, a topic must also recur in more than one transcript: a topic page
 * is a cross-cut.
 *
 * Rules win: a candidate equal to a rule's name or term is that rule's topic
 * (this is how rules rename and merge), a blocked phrase is dropped, and
 * pinned rules are kept even when nothing mentions them.
 */
import type { Candidate } from './extract-phrases.ts';
import { foldWords, rulesToTopics } from './match-topics.ts';
import type { Topic, TopicRulesFile } from './schema.ts';
import { toSlug } from './slugs.ts';

export const MIN_COUNT = 2;
export const PER_TRANSCRIPT = 20;
/** From this many transcripts on, an extracted topic must be found in at least two of them. */
export const CROSS_CUT_FROM = 20;
/** A topic mentioned in more than this share of transcripts is background, not a subject. */
export const MAX_SHARE = 0.3;

const fold = (text: string): string => foldWords(text).join(' ');

export function selectTopics(perTranscript: readonly (readonly Candidate[])[], rules: TopicRulesFile): Topic[] {
  const ruled = rulesToTopics(rules.topics);
  const claimed = new Set(ruled.flatMap((t) => t.terms.map(fold)));
  const blocked = new Set(rules.block.map(fold));
  if (!rules.extract) return ruled;

  const n = perTranscript.length;
  const df = new Map<string, number>();
  for (const candidates of perTranscript) for (const c of candidates) df.set(c.key, (df.get(c.key) ?? 0) + 1);

  const chosen = new Map<string, Candidate & { score: number }>();
  for (const candidates of perTranscript) {
    const ranked = candidates
      .filter((c) => c.count >= MIN_COUNT)
      .filter((c) => !claimed.has(fold(c.display)) && !c.forms.some((f) => claimed.has(fold(f))))
      .filter((c) => !blocked.has(fold(c.display)) && !c.forms.some((f) => blocked.has(fold(f))))
      .filter((c) => n < 10 || (df.get(c.key) ?? 0) <= Math.max(2, MAX_SHARE * n))
      .filter((c) => n < CROSS_CUT_FROM || (df.get(c.key) ?? 0) >= 2)
      .map((c) => ({ ...c, score: c.count * Math.log(1 + n / (df.get(c.key) ?? 1)) }))
      .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key))
      .slice(0, PER_TRANSCRIPT);
    for (const c of ranked) {
      const known = chosen.get(c.key);
      if (!known) chosen.set(c.key, { ...c, forms: [...c.forms] });
      else {
        known.score = Math.max(known.score, c.score);
        for (const f of c.forms) if (!known.forms.includes(f)) known.forms.push(f);
      }
    }
  }
  const slugs = new Set(ruled.map((t) => t.slug));
  const extracted: Topic[] = [];
  for (const c of [...chosen.values()].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key))) {
    const name = c.entity ? c.display : c.display.charAt(0).toUpperCase() + c.display.slice(1);
    const slug = toSlug(name);
    if (slug === '' || slugs.has(slug)) continue;
    slugs.add(slug);
    extracted.push({ slug, name, origin: 'extracted', terms: c.forms });
  }
  return [...ruled, ...extracted];
}
