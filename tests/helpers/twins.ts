/** JSON twins for tests that write search files: the parts a test cares about, the rest filled in as a build writes it. */
import type { Twin } from '../../src/lib/search-record.ts';

export interface Sketch {
  language: string;
  title?: string;
  date?: string | null;
  speakers: { slug: string; name: string; kind?: string }[];
  turns: { id?: string; original?: string; speaker?: string; paragraphs: string[] }[];
  topics?: { slug: string; name: string; turns: string[] }[];
  versions?: Sketch[];
}

function turnsOf(url: string, sketch: Sketch): Twin['turns'] {
  return sketch.turns.map((t, i) => {
    const id = t.id ?? `t${i + 1}`;
    return {
      id,
      url: `${url}#${id}`,
      speaker: t.speaker ?? null,
      label: t.speaker ?? 'Speaker',
      paragraphs: t.paragraphs,
      start: null,
      end: null,
      fingerprint: null,
      annotations: [],
      earlier: [],
      ...(t.original === undefined ? {} : { original: t.original }),
    } as Twin['turns'][number];
  });
}

/** One language of a twin: everything but the schema version, `prevails` and `versions`. */
function languageTwin(slug: string, url: string, date: string | null, sketch: Sketch) {
  return {
    slug,
    title: sketch.title ?? `Transcript ${slug} (${sketch.language})`,
    date,
    event: null,
    location: null,
    language: sketch.language,
    url,
    sourceUrl: null,
    media: null,
    summary: null,
    published: null,
    updated: null,
    words: 0,
    speakers: sketch.speakers.map((s) => ({ kind: 'person', turns: 0, words: 0, ...s })),
    turns: turnsOf(url, sketch),
    sections: [],
    exchanges: [],
    retired: { turns: [], anchors: [] },
    topics: sketch.topics ?? [],
    preamble: [],
    credits: [],
    notes: [],
  };
}

/** A whole twin of slug `slug` from a sketch of it: its language, date, speakers, turns, topics and versions. */
export function completeTwin(slug: string, sketch: Sketch): Twin {
  const url = `/transcripts/${slug}/`;
  const date = sketch.date ?? null;
  return {
    schemaVersion: 2,
    ...languageTwin(slug, url, date, sketch),
    prevails: null,
    versions: (sketch.versions ?? []).map((v) => languageTwin(slug, `${url}${v.language}/`, date, v)),
  } as unknown as Twin;
}

/** An English transcript of two turns (`Lightning channel opened.`, `Taproot now.`) with a Chinese version of them. */
export function translatedSketch(chinese: [string, string], date: string | null = null): Sketch {
  return {
    language: 'en',
    date,
    speakers: [],
    turns: [
      { id: 't1', paragraphs: ['Lightning channel opened.'] },
      { id: 't2', paragraphs: ['Taproot now.'] },
    ],
    versions: [
      {
        language: 'zh',
        speakers: [],
        turns: [
          { id: 't1', original: 't1', paragraphs: [chinese[0]] },
          { id: 't2', original: 't2', paragraphs: [chinese[1]] },
        ],
      },
    ],
  };
}
