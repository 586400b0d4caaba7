/**
 * The machine-readable twin of a transcript, served at
 * `/transcripts/<slug>.json`, and the manifest at `/transcripts.json`.
 * The shape is documented on /docs/data/; bump {@link TWIN_SCHEMA_VERSION}
 * on any change. Version 2 carries everything the page shows: times, media,
 * sections, exchanges, annotations, versions and retired anchors; each
 * manifest line's recording (`media`) was added later, an addition within it.
 * Version 3 is version 2 less what a turn or a CSV row repeated of its transcript.
 */
import { splitAnnotations } from './annotations.ts';
import type { Speaker, Topic, Transcript } from './schema.ts';
import { transcriptPath, twinPath } from './urls.ts';
import { turnMap, type VersionView, versionPages, versionView } from './versions/version-view.ts';

/**
 * Version 3 left out what repeats the transcript's own fields: a turn's `url`
 * (the transcript's `url` and `#` and the turn's `id`), and in a transcript's
 * CSV the `transcript`, `title`, `date` and `url` columns.
 */
export const TWIN_SCHEMA_VERSION = 3;

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
  const original = versionView(t) as VersionView;
  return {
    schemaVersion: TWIN_SCHEMA_VERSION,
    ...languageTwin(original, speakers, topics),
    /** The language whose text prevails where versions differ, when the metadata or a closing note says. */
    prevails: t.prevails ?? null,
    /**
     * The other language versions, each with its own page, turns and notes;
     * a turn's `original` is the original's turn it translates (`null`: none).
     */
    versions: t.versions.map((v) => {
      const view = versionView(t, v.language) as VersionView;
      const toOriginal = turnMap(t, v.language, t.language);
      const twin = languageTwin(view, speakers, topics);
      return { ...twin, turns: twin.turns.map((turn) => ({ ...turn, original: toOriginal.get(turn.id) ?? null })) };
    }),
  };
}

/** One language of a transcript in the twin: the whole twin of the original, or one entry of its `versions`. */
function languageTwin(t: VersionView, speakers: ReadonlyMap<string, Speaker>, topics: ReadonlyMap<string, Topic>) {
  const ends = turnEnds(t);
  return {
    slug: t.slug,
    title: t.title,
    date: t.date ?? null,
    event: t.event ?? null,
    location: t.location ?? null,
    language: t.language,
    url: t.page,
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
    /** Its other language versions' pages (their text is in the twin). */
    versions: versionPages(t)
      .slice(1)
      .map((v) => ({ language: v.language, title: v.title, url: v.page })),
    prevails: t.prevails ?? null,
  };
}
