/**
 * What the home page says about the collection: what it holds (shows,
 * sources or events), the span of dates, counts, the most heard speakers,
 * the busiest topics, and search examples drawn from its own topics. Pure:
 * derived from the archive index.
 */
import type { Speaker, TranscriptCard } from '../../scripts/core/schema.ts';
import type { ArchiveIndex } from './archive-index.ts';

export interface Counted {
  slug: string;
  name: string;
  count: number;
}

export interface Collection {
  transcripts: number;
  turns: number;
  words: number;
  speakers: number;
  topics: number;
  /** The earliest and latest dates stated, when any transcript has one. */
  span?: { from: string; to: string };
  undated: number;
  /** Where the transcripts come from: events or shows, largest first. */
  sources: { name: string; count: number }[];
  /** Transcripts that name no show, source or event. */
  unsourced: number;
  /** Speakers by spoken words, named people and outlets only. */
  voices: (Counted & { kind: Speaker['kind'] })[];
  /** Topics by turns filed under them. */
  busiest: Counted[];
  /** Example searches: the names of the busiest topics. */
  examples: string[];
}

/**
 * Labels that stand for a part, not a person: `Q`, `A`, `Speaker 2`,
 * `Audience member`, `Unknown`. Such speakers are never "most heard".
 */
const GENERIC =
  /^(?:[a-z]\d*|q(?:uestion)?|a(?:nswer)?|speaker(?:\s*\d+)?|speaker_\d+|unknown(?:\s+speaker)?|audience(?:\s+member)?|voice|male|female|man|woman|interviewer|host|moderator|participant(?:\s*\d+)?|unidentified(?:\s+\w+)?|inaudible|crosstalk|narrator|announcer|all)$/i;

export function isNamed(speaker: Speaker): boolean {
  if (speaker.kind === 'role') return false;
  return !GENERIC.test(speaker.name.trim());
}

/**
 * The show or source a transcript belongs to: its show (`JS Party`), else its
 * event when the metadata names one, else the nearest folder it sits in that
 * is not a date (`tabconf/2022/roast.md` → `Tabconf`, not `2022`), else the
 * host of its source address.
 */
export function sourceOf(t: TranscriptCard): string | undefined {
  if (t.show) return t.show;
  if (t.event) return t.event;
  const folder = t.source.file
    .split('/')
    .slice(0, -1)
    .findLast((f) => !DATED_FOLDER.test(f));
  if (folder) return folder.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  if (t.sourceUrl) return new URL(t.sourceUrl).hostname.replace(/^www\./, '');
  return undefined;
}

/** A folder named for a date or a span of one (`2021`, `2018-10`, `2024_q3`): how files are filed, not where from. */
const DATED_FOLDER = /^(?:\d{4}(?:[-_.](?:\d{1,2}|q[1-4]))*|\d{4}[-_]\d{4})$/i;

export function describeCollection(archive: ArchiveIndex, limits = { sources: 8, voices: 10, topics: 12 }): Collection {
  const ts = archive.transcripts;
  const dates = ts.flatMap((t) => (t.date ? [t.date] : [])).sort();
  const sources = new Map<string, number>();
  let unsourced = 0;
  for (const t of ts) {
    const source = sourceOf(t);
    if (source) sources.set(source, (sources.get(source) ?? 0) + 1);
    else unsourced++;
  }
  const words = new Map<string, number>();
  for (const t of ts) for (const p of t.participants) words.set(p.speaker, (words.get(p.speaker) ?? 0) + p.words);
  const voices = [...archive.speakers.values()]
    .filter(isNamed)
    .map((s) => ({ slug: s.slug, name: s.name, kind: s.kind, count: words.get(s.slug) ?? 0 }))
    .filter((v) => v.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, limits.voices);
  const topics = [...archive.topics.values()]
    .map((t) => ({ slug: t.slug, name: t.name, count: archive.turnsByTopic.get(t.slug)?.length ?? 0 }))
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const first = dates[0];
  const last = dates.at(-1);
  return {
    transcripts: ts.length,
    turns: ts.reduce((n, t) => n + t.turns.length, 0),
    words: ts.reduce((n, t) => n + t.words, 0),
    speakers: archive.speakers.size,
    topics: archive.topics.size,
    ...(first && last ? { span: { from: first, to: last } } : {}),
    undated: ts.length - dates.length,
    sources: [...sources]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .slice(0, limits.sources),
    unsourced,
    voices,
    busiest: topics.slice(0, limits.topics),
    examples: topics.slice(0, 2).map((t) => t.name),
  };
}

/** The search field's placeholder: "e.g. Interpol" from the archive's own topics, or a neutral one. */
export function searchPlaceholder(examples: readonly string[]): string {
  return examples.length > 0 ? `e.g. ${examples.join(' or ')}` : 'A word or a "quoted phrase"';
}
