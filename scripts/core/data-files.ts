/**
 * The bytes of the archive's data files, from the pure builders: a
 * transcript's three twins (`.json`, `.txt`, `.csv`) and the manifest
 * `/transcripts.json`. The build writes them (scripts/lib/data-files-fs.ts);
 * Astro renders none of them.
 */
import type { Speaker, Topic, Transcript } from './schema.ts';
import { toCsv, transcriptToText, turnRows } from './to-data.ts';
import { TWIN_SCHEMA_VERSION, type transcriptToManifestEntry, transcriptToTwin } from './to-twin.ts';
import { transcriptOrder } from './transcript-order.ts';

export type ManifestEntry = ReturnType<typeof transcriptToManifestEntry>;

/** The twins of a transcript, by extension: `/transcripts/<slug>.<ext>`. */
export const TWIN_EXTENSIONS = ['json', 'txt', 'csv'] as const;
export type TwinExtension = (typeof TWIN_EXTENSIONS)[number];

export function transcriptTwins(
  t: Transcript,
  speakers: ReadonlyMap<string, Speaker>,
  topics: ReadonlyMap<string, Topic>,
): Record<TwinExtension, string> {
  return {
    json: `${JSON.stringify(transcriptToTwin(t, speakers, topics))}\n`,
    txt: transcriptToText(t, speakers),
    csv: toCsv(turnRows(t, speakers)),
  };
}

/** The speakers and topics whose names a transcript's twins show, besides its own record. */
export function twinDependencies(t: Transcript): { speakers: string[]; topics: string[] } {
  const speakers = new Set([...t.participants.map((p) => p.speaker), ...t.turns.map((turn) => turn.speaker)]);
  return { speakers: [...speakers].sort(), topics: t.topics.map((tt) => tt.slug).sort() };
}

/** What the twins read of those speakers and topics: equal keys, equal twins for an unchanged record. */
export function dependencyKey(
  deps: { speakers: readonly string[]; topics: readonly string[] },
  speakers: ReadonlyMap<string, Speaker>,
  topics: ReadonlyMap<string, Topic>,
): string {
  return JSON.stringify([
    deps.speakers.map((slug) => {
      const s = speakers.get(slug);
      return s ? [slug, s.name, s.kind] : [slug];
    }),
    deps.topics.map((slug) => [slug, topics.get(slug)?.name ?? null]),
  ]);
}

/** `/transcripts.json`: every transcript, in the archive's order. */
export function manifestText(entries: readonly ManifestEntry[]): string {
  const body = { schemaVersion: TWIN_SCHEMA_VERSION, transcripts: [...entries].sort(transcriptOrder) };
  return `${JSON.stringify(body)}\n`;
}
