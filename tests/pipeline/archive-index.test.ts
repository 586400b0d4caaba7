/**
 * The index every page shares, built from the fixture archive: each speaker's
 * turns per topic (the "Turns by topic" chart) equal a count made the plain
 * way, turn by turn, a turn counting once per topic; and a speaker's page key
 * changes with any text the page shows, and only with that.
 */
import { describe, expect, it } from 'vitest';
import { ingestArchive } from '../../scripts/core/ingest-archive.ts';
import type { Transcript } from '../../scripts/core/schema.ts';
import { readSeeds } from '../../scripts/ingest/read-seeds-fs.ts';
import {
  type ArchiveIndex,
  buildIndex,
  capTurns,
  excerpt,
  listPageKey,
  listQuestions,
  type WholeOf,
} from '../../src/lib/archive-index.ts';
import { speakerPageData, speakerPageKeyData } from '../../src/lib/speaker-page.ts';
import { outlineOf } from '../../src/lib/transcript-outline.ts';

const archive = ingestArchive(await readSeeds('tests/fixtures/archive'));
const index = buildIndex(archive.transcripts.map(outlineOf), archive.speakers, archive.topics);

describe('archive index', () => {
  it('counts each speaker’s turns per topic as a turn-by-turn count does', () => {
    let checked = 0;
    for (const speaker of archive.speakers) {
      const plain = new Map<string, number>();
      for (const { transcript, turn } of index.turnsBySpeaker.get(speaker.slug) ?? []) {
        for (const topic of transcript.topics) {
          if (topic.matches.some((m) => m.turn === turn.id)) plain.set(topic.slug, (plain.get(topic.slug) ?? 0) + 1);
        }
      }
      const counted = index.topicTurnsBySpeaker.get(speaker.slug) ?? new Map();
      expect(Object.fromEntries(counted), speaker.slug).toEqual(Object.fromEntries(plain));
      checked += plain.size;
    }
    // The fixture files turns under topics: the comparison above compared something.
    expect(checked).toBeGreaterThan(5);
  });
});

/** A speaker's page key as its route makes it (without the rendered biography). */
function speakerKey(idx: ArchiveIndex, slug: string): string {
  const speaker = idx.speakers.get(slug);
  if (!speaker) throw new Error(`no speaker ${slug}`);
  return listPageKey(
    { speaker, page: speakerPageKeyData(speakerPageData(idx, speaker)) },
    idx.transcriptsBySpeaker.get(slug) ?? [],
    idx.turnsBySpeaker.get(slug) ?? [],
  );
}

/** The archive's index with one turn's first paragraph changed. */
function withEdit(transcriptSlug: string, turnId: string): ArchiveIndex {
  const transcripts: Transcript[] = structuredClone(archive.transcripts);
  const turn = transcripts.find((t) => t.slug === transcriptSlug)?.turns.find((t) => t.id === turnId);
  if (!turn) throw new Error(`no turn ${transcriptSlug}#${turnId}`);
  turn.paragraphs = [`${turn.paragraphs[0]} Edited.`, ...turn.paragraphs.slice(1)];
  return buildIndex(transcripts.map(outlineOf), archive.speakers, archive.topics);
}

describe('speaker page keys', () => {
  // An answer listed on its speaker's page, shown with the question it answered.
  const answers = [...index.turnsBySpeaker].flatMap(([slug, refs]) =>
    refs.flatMap((r) => (r.question && r.question.speaker !== slug ? [{ slug, r, question: r.question }] : [])),
  );
  const answer = answers[0];

  it('finds an answer shown with its question in the fixture', () => {
    expect(answer).toBeDefined();
  });

  it('change when a listed turn’s text changes', () => {
    if (!answer) return;
    expect(speakerKey(withEdit(answer.r.transcript.slug, answer.r.turn.id), answer.slug)).not.toBe(
      speakerKey(index, answer.slug),
    );
  });

  it('change when the question a listed answer answered changes (the answer shows its first words)', () => {
    if (!answer) return;
    expect(speakerKey(withEdit(answer.r.transcript.slug, answer.question.id), answer.slug)).not.toBe(
      speakerKey(index, answer.slug),
    );
  });

  it('change on the asker’s page when a question or its answer changes', () => {
    if (!answer) return;
    const asker = answer.question.speaker;
    expect(speakerKey(withEdit(answer.r.transcript.slug, answer.question.id), asker)).not.toBe(
      speakerKey(index, asker),
    );
    expect(speakerKey(withEdit(answer.r.transcript.slug, answer.r.turn.id), asker)).not.toBe(speakerKey(index, asker));
  });

  it('stay when a turn the page does not show changes', () => {
    if (!answer) return;
    const shown = new Set<string>();
    for (const r of index.turnsBySpeaker.get(answer.slug) ?? []) {
      shown.add(`${r.transcript.slug}#${r.turn.id}`);
      if (r.question) shown.add(`${r.transcript.slug}#${r.question.id}`);
    }
    for (const q of index.questionsBySpeaker.get(answer.slug) ?? []) {
      shown.add(`${q.transcript.slug}#${q.question.id}`);
      for (const a of q.answers.slice(0, 2)) shown.add(`${q.transcript.slug}#${a.id}`);
    }
    const other = answer.r.transcript.turns.find((t) => !shown.has(`${answer.r.transcript.slug}#${t.id}`));
    expect(other).toBeDefined();
    if (!other) return;
    expect(speakerKey(withEdit(answer.r.transcript.slug, other.id), answer.slug)).toBe(speakerKey(index, answer.slug));
  });
});

describe('listed turns and questions', () => {
  const records = new Map(archive.transcripts.map((t) => [t.slug, t]));
  const read: string[] = [];
  const whole: WholeOf = async (slug) => {
    read.push(slug);
    const t = records.get(slug);
    if (!t) throw new Error(`no transcript ${slug}`);
    return t;
  };
  const turnOf = (slug: string, id: string) => records.get(slug)?.turns.find((t) => t.id === id);

  it('take their excerpts from the whole records of the turns they list', async () => {
    const [, refs] = [...index.turnsBySpeaker].find(([, rs]) => rs.some((r) => r.question)) ?? [];
    if (!refs) throw new Error('the fixture has no answer listed with its question');
    const listed = await capTurns(refs, whole);
    expect(listed.shown.length).toBe(Math.min(refs.length, 100));
    for (const r of listed.shown) {
      const turn = turnOf(r.transcript.slug, r.turn.id);
      if (!turn) throw new Error(`no turn ${r.turn.id}`);
      expect(r.excerpt.map((p) => p.text).join('')).toBe(excerpt(turn, 40, r.transcript.textFormat));
      const question = r.question && turnOf(r.transcript.slug, r.question.id);
      expect(r.questionExcerpt).toBe(question ? excerpt(question, 20, r.transcript.textFormat) : undefined);
    }
    expect(listed.shown.some((r) => r.questionExcerpt)).toBe(true);
    expect(new Set(read)).toEqual(new Set(listed.shown.map((r) => r.transcript.slug)));
  });

  it('give each question its excerpt and its first two answers’', async () => {
    const questions = [...index.questionsBySpeaker.values()].flat();
    expect(questions.length).toBeGreaterThan(0);
    for (const q of await listQuestions(questions, whole)) {
      const question = turnOf(q.transcript.slug, q.question.id);
      if (!question) throw new Error(`no turn ${q.question.id}`);
      expect(q.excerpt).toBe(excerpt(question, 50, q.transcript.textFormat));
      expect(q.shownAnswers.map((a) => a.turn.id)).toEqual(q.answers.slice(0, 2).map((a) => a.id));
    }
  });
});
