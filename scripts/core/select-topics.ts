/**
 * Chooses the archive's topics from every transcript's candidates
 * (`extract-phrases.ts`) and the curated rules (`topics.yaml`).
 *
 * A candidate is salient in a transcript when it recurs there (at least
 * {@link MIN_COUNT} times) and is rare across the archive: its score is its count
 * times the inverse of how many transcripts mention it, so a phrase every
 * transcript uses ("public security") ranks low however frequent it is. Each
 * transcript of a small archive contributes its {@link PER_TRANSCRIPT} best. Once the archive is
 * large, a topic is a phrase that recurs (at least {@link MIN_COUNT} times) in enough transcripts (two from
 * {@link CROSS_CUT_FROM} transcripts, three from 1,000, four from 10,000: see
 * {@link minTranscripts}): a topic page is a cross-cut, not one episode's aside.
 *
 * Rules win: a candidate equal to a rule's name or term is that rule's topic
 * (this is how rules rename and merge), a blocked phrase is dropped, and
 * pinned rules are kept even when nothing mentions them.
 */
import type { Candidate } from './extract-phrases.ts';
import { foldWords, rulesToTopics } from './match-topics.ts';
import type { Topic, TopicRulesFile } from './schema.ts';
import { nameSlug } from './slugs.ts';

export const MIN_COUNT = 2;
export const PER_TRANSCRIPT = 20;
/** From this many transcripts on, an extracted topic must be found in at least two of them. */
export const CROSS_CUT_FROM = 20;
/** A topic mentioned in more than this share of transcripts is background, not a subject. */
export const MAX_SHARE = 0.3;

const fold = (text: string): string => foldWords(text).join(' ');

/** In how many transcripts an extracted topic must be found, in an archive of `n`. */
export function minTranscripts(n: number): number {
  return n < CROSS_CUT_FROM ? 1 : Math.max(2, Math.floor(Math.log10(n)));
}

export function selectTopics(
  perTranscript: readonly (readonly Candidate[])[],
  rules: TopicRulesFile,
  /** Folded words of every speaker's name: a first name alone (`Adam`) is a person, not a subject. */
  nameParts: ReadonlySet<string> = new Set(),
): Topic[] {
  const ruled = rulesToTopics(rules.topics);
  const claimed = new Set(ruled.flatMap((t) => t.terms.map(fold)));
  const blocked = new Set(rules.block.map(fold));
  if (!rules.extract) return ruled;

  const n = perTranscript.length;
  const df = new Map<string, number>();
  for (const candidates of perTranscript) for (const c of candidates) df.set(c.key, (df.get(c.key) ?? 0) + 1);
  const usable = (c: Candidate) =>
    c.count >= MIN_COUNT &&
    !claimed.has(fold(c.display)) &&
    !c.forms.some((f) => claimed.has(fold(f))) &&
    !blocked.has(fold(c.display)) &&
    !c.forms.some((f) => blocked.has(fold(f))) &&
    !(c.entity && !c.key.includes(' ') && nameParts.has(c.key)) &&
    (n < 10 || (df.get(c.key) ?? 0) <= Math.max(2, MAX_SHARE * n));

  // A small archive: each transcript's best. A larger one: what recurs across transcripts, a rule that
  // adding one transcript changes only for the phrases that transcript holds.
  const chosen = new Map<string, Candidate & { score: number }>();
  const keep = (c: Candidate, score: number) => {
    const known = chosen.get(c.key);
    if (!known) chosen.set(c.key, { ...c, forms: [...c.forms], score });
    else {
      known.score += score;
      for (const f of c.forms) if (!known.forms.includes(f)) known.forms.push(f);
    }
  };
  if (n < CROSS_CUT_FROM) {
    for (const candidates of perTranscript) {
      const ranked = candidates
        .filter(usable)
        .map((c) => ({ c, score: c.count * Math.log(1 + n / (df.get(c.key) ?? 1)) }))
        .sort((a, b) => b.score - a.score || a.c.key.localeCompare(b.c.key))
        .slice(0, PER_TRANSCRIPT);
      for (const { c, score } of ranked) keep(c, score);
    }
  } else {
    const salientIn = new Map<string, number>();
    for (const candidates of perTranscript)
      for (const c of candidates) if (usable(c)) salientIn.set(c.key, (salientIn.get(c.key) ?? 0) + 1);
    const need = minTranscripts(n);
    for (const candidates of perTranscript)
      for (const c of candidates) if (usable(c) && (salientIn.get(c.key) ?? 0) >= need) keep(c, c.count);
  }
  const slugs = new Set(ruled.map((t) => t.slug));
  const extracted: Topic[] = [];
  for (const c of [...chosen.values()].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key))) {
    const name = c.entity ? c.display : c.display.charAt(0).toUpperCase() + c.display.slice(1);
    const slug = nameSlug(name);
    if (slugs.has(slug)) continue;
    slugs.add(slug);
    extracted.push({ slug, name, origin: 'extracted', terms: c.forms, ...(c.entity ? { entity: true } : {}) });
  }
  return [...ruled, ...extracted];
}
