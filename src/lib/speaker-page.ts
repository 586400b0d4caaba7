/**
 * What a speaker's page shows beyond its turn list, computed once for both
 * the page and its incremental-build cache key (so the key covers all of it).
 */
import type { Speaker } from '../../scripts/core/schema.ts';
import { topicPath } from '../../scripts/core/urls.ts';
import { type ArchiveIndex, type QuestionRef, shownRefs } from './archive-index.ts';
import { type Bar, perYear, topBars } from './charts.ts';
import { filteredTurns } from './search-links.ts';

export interface SpeakerPageData {
  topics: Bar[];
  years: Bar[];
  questions: QuestionRef[];
  hiddenQuestions: number;
  /** The names shown beside questions and answers, by speaker slug. */
  names: Map<string, string>;
}

export function speakerPageData(archive: ArchiveIndex, speaker: Speaker): SpeakerPageData {
  const turns = archive.turnsBySpeaker.get(speaker.slug) ?? [];
  const counts = archive.topicTurnsBySpeaker.get(speaker.slug) ?? new Map<string, number>();
  const all = archive.questionsBySpeaker.get(speaker.slug) ?? [];
  const questions = all.slice(0, 100);
  const names = new Map<string, string>();
  const name = (slug: string) => names.set(slug, archive.speakers.get(slug)?.name ?? slug);
  for (const q of questions) for (const a of q.answers.slice(0, 2)) name(a.speaker);
  for (const r of shownRefs(turns)) if (r.question) name(r.question.speaker);
  return {
    topics: topBars(
      [...counts].map(([slug, value]) => ({
        label: archive.topics.get(slug)?.name ?? slug,
        value,
        href: topicPath(slug),
        turnsHref: filteredTurns({ speaker: speaker.name, topic: archive.topics.get(slug)?.name ?? slug }),
      })),
      8,
    ),
    years: perYear((archive.transcriptsBySpeaker.get(speaker.slug) ?? []).map((t) => t.date)),
    questions,
    hiddenQuestions: all.length - questions.length,
    names,
  };
}

/** The parts of {@link speakerPageData} a cache key must cover, as plain data. */
export function speakerPageKeyData(data: SpeakerPageData): object {
  return {
    topics: data.topics,
    years: data.years,
    questions: data.questions.map((q) => [
      q.transcript.slug,
      q.transcript.title,
      q.transcript.date,
      q.transcript.textFormat,
      q.question.id,
      q.question.digest,
      q.answers.slice(0, 2).map((a) => [a.id, a.speaker, a.label, a.digest]),
    ]),
    hidden: data.hiddenQuestions,
    names: [...data.names],
  };
}
