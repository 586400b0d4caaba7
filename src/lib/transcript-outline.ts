/**
 * A transcript's outline (see `TranscriptOutlineSchema`): what the archive
 * index needs of a whole record, made once when the record is loaded, and
 * its packed form, as it is kept between builds. Pure.
 */
import { hash } from 'node:crypto';
import type { Transcript, TranscriptOutline, Turn } from '../../scripts/core/schema.ts';

/**
 * A digest of a turn's text: a page's cache key covers the excerpts made from
 * the text through it. `hash()` in one call: every turn is digested when its
 * record is read (a million at 10,000 transcripts).
 */
export function textDigest(paragraphs: Turn['paragraphs']): string {
  return hash('sha1', JSON.stringify(paragraphs), 'base64');
}

/** Every {@link textDigest} has this many characters (SHA-1's 20 bytes in base64). */
const DIGEST_LENGTH = 28;

/** The record without its text: its card, each turn's id, speaker, label and text digest, its topics' matches. */
export function outlineOf(t: Transcript): TranscriptOutline {
  const { turns, preamble: _preamble, versions, ...card } = t;
  return {
    ...card,
    versions: versions.map((v) => ({ language: v.language, title: v.title })),
    turns: turns.map((turn) => ({
      id: turn.id,
      speaker: turn.speaker,
      label: turn.label,
      digest: textDigest(turn.paragraphs),
    })),
  };
}

/**
 * An outline with its turns in columns: ids in one string, speakers and
 * labels as places in lists of the distinct ones, digests end to end. At
 * 10,000 transcripts (a million turns) the turns take 40 MB of JSON instead
 * of 109 MB with an object per turn, and JSON parses a handful of strings
 * per transcript instead of four per turn.
 */
export interface PackedOutline extends Omit<TranscriptOutline, 'turns'> {
  turns: { ids: string; speakers: string[]; speaker: number[]; labels: string[]; label: number[]; digests: string };
}

export function packOutline(o: TranscriptOutline): PackedOutline {
  const speakers = new Map<string, number>();
  const labels = new Map<string, number>();
  const place = (list: Map<string, number>, value: string): number => {
    let at = list.get(value);
    if (at === undefined) {
      at = list.size;
      list.set(value, at);
    }
    return at;
  };
  const { turns, ...rest } = o;
  return {
    ...rest,
    turns: {
      ids: turns.map((t) => t.id).join(' '),
      speaker: turns.map((t) => place(speakers, t.speaker)),
      label: turns.map((t) => place(labels, t.label)),
      speakers: [...speakers.keys()],
      labels: [...labels.keys()],
      digests: turns.map((t) => t.digest).join(''),
    },
  };
}

export function unpackOutline(p: PackedOutline): TranscriptOutline {
  const { turns, ...rest } = p;
  const ids = turns.ids === '' ? [] : turns.ids.split(' ');
  return {
    ...rest,
    turns: ids.map((id, i) => ({
      id,
      speaker: turns.speakers[turns.speaker[i] as number] as string,
      label: turns.labels[turns.label[i] as number] as string,
      digest: turns.digests.slice(i * DIGEST_LENGTH, (i + 1) * DIGEST_LENGTH),
    })),
  };
}

/** Whether `p` unpacks: as many speakers, labels and digests as ids, each pointing into its list. */
export function isPackedOutline(p: PackedOutline): boolean {
  const t = p.turns;
  const n = t.ids === '' ? 0 : t.ids.split(' ').length;
  return (
    t.speaker.length === n &&
    t.label.length === n &&
    t.digests.length === n * DIGEST_LENGTH &&
    t.speaker.every((i) => i < t.speakers.length) &&
    t.label.every((i) => i < t.labels.length)
  );
}
