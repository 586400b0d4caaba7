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

export function topicCharts(archive: ArchiveIndex, slug: string): TopicCharts {
  const turns = archive.turnsByTopic.get(slug) ?? [];
  const topicName = archive.topics.get(slug)?.name ?? slug;
  const bySpeaker = new Map<string, number>();
  for (const r of turns) bySpeaker.set(r.turn.speaker, (bySpeaker.get(r.turn.speaker) ?? 0) + 1);
  const bars = (kind: Speaker['kind']) =>
    topBars(
      [...bySpeaker]
        .filter(([s]) => archive.speakers.get(s)?.kind === kind)
        .map(([s, value]) => ({
          label: archive.speakers.get(s)?.name ?? s,
          value,
          href: speakerPath(s),
          turnsHref: filteredTurns({ speaker: archive.speakers.get(s)?.name ?? s, topic: topicName }),
        })),
      10,
    );
  return {
    mentions: perYear(turns.map((r) => r.transcript.date)),
    people: bars('person'),
    outlets: bars('organisation'),
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
