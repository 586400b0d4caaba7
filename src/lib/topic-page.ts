/**
 * A topic page's charts, computed once for both the page and its
 * incremental-build cache key (the charts count every turn, not only those listed).
 */
import type { Speaker } from '../../scripts/core/schema.ts';
import { speakerPath } from '../../scripts/core/urls.ts';
import type { ArchiveIndex, TurnRef } from './archive-index.ts';
import { type Bar, perYear, topBars } from './charts.ts';
import { filteredTurns } from './search-links.ts';

export interface TopicCharts {
  mentions: Bar[];
  people: Bar[];
  outlets: Bar[];
}

/**
 * Every chart adds up to the page's count of turns: undated turns are an
 * "Undated" year, turns by roles (`Moderator`, `Q`) one "Roles" bar, and the
 * outlets chart counts everyone else in one "People and roles" figure.
 */
export function topicCharts(archive: ArchiveIndex, slug: string): TopicCharts {
  const turns = archive.turnsByTopic.get(slug) ?? [];
  const topicName = archive.topics.get(slug)?.name ?? slug;
  const bySpeaker = new Map<string, number>();
  for (const r of turns) bySpeaker.set(r.turn.speaker, (bySpeaker.get(r.turn.speaker) ?? 0) + 1);
  const kindOf = (s: string): Speaker['kind'] => archive.speakers.get(s)?.kind ?? 'person';
  const bars = (kinds: readonly Speaker['kind'][]) =>
    topBars(
      [...bySpeaker]
        .filter(([s]) => kinds.includes(kindOf(s)))
        .map(([s, value]) => ({
          label: archive.speakers.get(s)?.name ?? s,
          value,
          href: speakerPath(s),
          turnsHref: filteredTurns({ speaker: archive.speakers.get(s)?.name ?? s, topic: topicName }),
        })),
      10,
    );
  const sum = (kinds: readonly Speaker['kind'][]) =>
    [...bySpeaker].filter(([s]) => kinds.includes(kindOf(s))).reduce((n, [, v]) => n + v, 0);
  const roles = sum(['role']);
  const outlets = bars(['organisation']);
  const others = sum(['person', 'role']);
  return {
    mentions: perYear(turns.map((r) => r.transcript.date)),
    people: [...bars(['person', 'organisation']), ...(roles > 0 ? [{ label: 'Roles', value: roles }] : [])],
    outlets:
      outlets.length > 0 && others > 0
        ? [...outlets, { label: 'People and roles', value: others, rest: true }]
        : outlets,
  };
}

/** The names of the speakers of the listed turns (and of the questions they answer), by slug. */
export function listedSpeakerNames(archive: ArchiveIndex, listed: readonly TurnRef[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of listed)
    for (const slug of [r.turn.speaker, ...(r.question ? [r.question.speaker] : [])])
      names.set(slug, archive.speakers.get(slug)?.name ?? slug);
  return names;
}
