/**
 * Which speakers the archive's lists show, and in what order. A generic label
 * (`Q`, `Speaker 0`) is a role in one transcript: it has a page, linked from
 * its transcript, but no place in archive-wide lists. Named people and
 * organisations come before roles.
 */
import type { Speaker } from '../../scripts/core/schema.ts';

export function listedSpeakers(speakers: Iterable<Speaker>): Speaker[] {
  return [...speakers].filter((s) => s.transcript === undefined);
}

/** Most heard first, people and organisations before roles; ties by name. */
export function rankSpeakers(speakers: Iterable<Speaker>, turns: (slug: string) => number): Speaker[] {
  const named = (s: Speaker) => (s.kind === 'role' ? 1 : 0);
  return listedSpeakers(speakers).sort(
    (a, b) => named(a) - named(b) || turns(b.slug) - turns(a.slug) || a.name.localeCompare(b.name),
  );
}
