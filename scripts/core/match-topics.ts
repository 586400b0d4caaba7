/**
 * Files turns under topics from a curated rules file. A term matches as
 * whole words, ignoring case, and treating hyphens and spaces alike
 * (`law-enforcement` = `law enforcement`). Every assignment records which
 * terms matched in which turn, so a topic page can show why.
 *
 * Automatic extraction (a later stage) produces the same `Topic` entities
 * with `origin: 'extracted'`; rules are applied last and win.
 */
import type { Topic, TopicRule, TranscriptTopic, Turn } from './schema.ts';
import { nameSlug } from './slugs.ts';

export function rulesToTopics(rules: readonly TopicRule[]): Topic[] {
  return rules.map((rule) => {
    const terms = [...new Set([rule.name, ...rule.terms].map((t) => t.trim()))];
    return {
      slug: rule.slug ?? nameSlug(rule.name),
      name: rule.name,
      ...(rule.description ? { description: rule.description } : {}),
      origin: 'rules',
      terms,
    };
  });
}

function fold(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[-‐‑–—_]/g, ' ')
    .replace(/[^\p{L}\p{N}\s']/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

/** Which topics each turn speaks of, with the terms that show it. Topics in rule order. */
export function matchTopics(topics: readonly Topic[], turns: readonly Turn[]): TranscriptTopic[] {
  const folded = turns.map((turn) => ({ id: turn.id, text: fold(turn.paragraphs.join(' ')) }));
  const result: TranscriptTopic[] = [];
  for (const topic of topics) {
    const byNeedle = new Map<string, string>();
    for (const term of topic.terms) if (!byNeedle.has(fold(term))) byNeedle.set(fold(term), term);
    const needles = [...byNeedle].map(([needle, term]) => ({ term, needle })).filter((n) => n.needle.trim() !== '');
    const matches = folded.flatMap(({ id, text }) => {
      const terms = needles.filter(({ needle }) => text.includes(needle)).map(({ term }) => term);
      return terms.length > 0 ? [{ turn: id, terms }] : [];
    });
    if (matches.length > 0) result.push({ slug: topic.slug, matches });
  }
  return result;
}
