/**
 * The machine-readable twin of a transcript, served at
 * `/transcripts/<slug>.json`, and the manifest at `/transcripts.json`.
 * The shape is documented on /docs/data/; bump {@link TWIN_SCHEMA_VERSION}
 * on any change. Version 2 carries everything the page shows: times, media,
 * sections, exchanges, annotations, versions and retired anchors; each
 * manifest line's recording (`media`) was added later, an addition within it.
 */
import { splitAnnotations } from './annotations.ts';
import type { Speaker, Topic, Transcript } from './schema.ts';
import { transcriptPath, turnPath, twinPath } from './urls.ts';

export const TWIN_SCHEMA_VERSION = 2;

/** Where each turn ends in the recording: where the next timed turn starts (`null` for the last, or untimed). */
function turnEnds(t: Transcript): (number | null)[] {
  return t.turns.map((turn, i) => {
    if (turn.start === undefined) return null;
    const next = t.turns.slice(i + 1).find((n) => n.start !== undefined);
    return next?.start ?? null;
  });
}

export function transcriptToTwin(
  t: Transcript,
  speakers: ReadonlyMap<string, Speaker>,
  topics: ReadonlyMap<string, Topic>,
) {
  const ends = turnEnds(t);
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
    media: t.media ?? null,
    summary: t.summary ?? null,
    /** When this archive first published it and last corrected it. */
    published: t.published ?? null,
    updated: t.updated ?? null,
    words: t.words,
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
    turns: t.turns.map((turn, i) => ({
      id: turn.id,
      url: turnPath(t.slug, turn.id),
      speaker: turn.speaker,
      label: turn.label,
      paragraphs: turn.paragraphs,
      start: turn.start ?? null,
      end: ends[i] ?? null,
      fingerprint: turn.fingerprint ?? null,
      /** Stage directions in its text, `(Laughter.)`: shown, not counted as words. */
      annotations: turn.paragraphs.flatMap((p) =>
        splitAnnotations(p)
          .filter((seg) => seg.annotation)
          .map((seg) => seg.text),
      ),
      /** Fingerprints of the versions published before this one, oldest first. */
      earlier: turn.earlier.map((e) => e.fingerprint),
    })),
    sections: t.sections,
    exchanges: t.exchanges,
    /** Anchors published before and gone now, and where each lands. */
    retired: { turns: t.retiredTurns, anchors: t.retiredAnchors },
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
    media: t.media ?? null,
    speakers: t.participants.map((p) => p.speaker),
    topics: t.topics.map((tt) => tt.slug),
    turns: t.turns.length,
    words: t.words,
  };
}
