/**
 * The machine-readable twin of a transcript, served at
 * `/transcripts/<slug>.json`, and the manifest at `/transcripts.json`.
 * The shape is documented in /docs/data/ (src/pages/docs/data.mdx); bump
 * {@link TWIN_SCHEMA_VERSION} on any change that is not an addition.
 */
import type { Speaker, Topic, Transcript } from './schema.ts';
import { transcriptPath, turnPath, twinPath } from './urls.ts';

export const TWIN_SCHEMA_VERSION = 1;

export function transcriptToTwin(
  t: Transcript,
  speakers: ReadonlyMap<string, Speaker>,
  topics: ReadonlyMap<string, Topic>,
) {
  return {
    schemaVersion: TWIN_SCHEMA_VERSION,
    slug: t.slug,
    title: t.title,
    date: t.date ?? null,
    event: t.event ?? null,
    location: t.location ?? null,
    language: t.language,
    url: transcriptPath(t.slug),
    sourceUrl: t.sourceUrl ?? null,
    speakers: t.participants.map((p) => {
      const s = speakers.get(p.speaker);
      return {
        slug: p.speaker,
        name: s?.name ?? p.labels[0] ?? p.speaker,
        kind: s?.kind ?? 'person',
        turns: p.turns,
        words: p.words,
      };
    }),
    turns: t.turns.map((turn) => ({
      id: turn.id,
      url: turnPath(t.slug, turn.id),
      speaker: turn.speaker,
      label: turn.label,
      paragraphs: turn.paragraphs,
    })),
    topics: t.topics.map((tt) => ({
      slug: tt.slug,
      name: topics.get(tt.slug)?.name ?? tt.slug,
      turns: tt.matches.map((m) => m.turn),
    })),
    preamble: t.preamble,
    credits: t.credits,
    notes: t.notes,
  };
}

/** One line of `/transcripts.json`. */
export function transcriptToManifestEntry(t: Transcript) {
  return {
    slug: t.slug,
    title: t.title,
    date: t.date ?? null,
    language: t.language,
    url: transcriptPath(t.slug),
    json: twinPath(t.slug),
    speakers: t.participants.map((p) => p.speaker),
    topics: t.topics.map((tt) => tt.slug),
    turns: t.turns.length,
    words: t.words,
  };
}
