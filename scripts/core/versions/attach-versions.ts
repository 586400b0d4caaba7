/**
 * Makes one transcript of an original and its language versions: each
 * version is aligned turn by turn with the original, takes the original's
 * speaker where its own label resolved to no one the original has (`毛宁`
 * where the registry lacks the alias, under the turns that `Mao Ning` speaks
 * in the original), and is stored in the original's record. Which version
 * prevails comes from metadata, or from a closing note that says so.
 */
import { participantsOf } from '../ingest-transcript.ts';
import { type Problem, problem } from '../problems.ts';
import type { Transcript, TranscriptVersion } from '../schema.ts';
import { alignVersions, type VersionAlignment } from './align-versions.ts';
import { prevailingLanguage } from './prevails.ts';

/** A turn the alignment could not pair one to one, for `--report`. */
export interface VersionMismatch {
  file: string;
  line: number;
  message: string;
}

export interface AttachedVersions {
  transcript: Transcript;
  /** The versions' files that were refused (a language given twice), with why. */
  problems: Problem[];
  mismatches: VersionMismatch[];
}

/** `zh` → `Chinese`, `pt-BR` → `Brazilian Portuguese`. */
export function languageName(tag: string, locale = 'en'): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Whether two language tags name one language (`zh` and `zh-Hans` do, for which version prevails). */
export const sameLanguage = (a: string, b: string): boolean =>
  a.toLowerCase().split('-')[0] === b.toLowerCase().split('-')[0];

/** The alignment of a version with its original. */
export function alignWithOriginal(
  original: Pick<Transcript, 'turns'>,
  version: Pick<TranscriptVersion, 'turns'>,
): VersionAlignment {
  const alignable = (t: Transcript['turns'][number]) => ({
    id: t.id,
    speaker: t.speaker,
    paragraphs: t.paragraphs.length,
    start: t.start,
    length: t.paragraphs.reduce((n, p) => n + p.length, 0),
  });
  return alignVersions(original.turns.map(alignable), version.turns.map(alignable));
}

export function attachVersions(original: Transcript, translations: readonly Transcript[]): AttachedVersions {
  const problems: Problem[] = [];
  const mismatches: VersionMismatch[] = [];
  const taken = new Map([[original.language, original.source.file]]);
  const versions: TranscriptVersion[] = [];
  for (const t of [...translations].sort((a, b) => a.language.localeCompare(b.language))) {
    const first = taken.get(t.language);
    if (first !== undefined) {
      problems.push(
        problem(
          'duplicate-version',
          t.source.file,
          `\`${first}\` is already the ${languageName(t.language)} (\`${t.language}\`) text of this transcript: this file is not built`,
        ),
      );
      continue;
    }
    taken.set(t.language, t.source.file);
    const version = adoptSpeakers(original, toVersion(t));
    versions.push(version);
    mismatches.push(...mismatchesOf(original, version));
  }
  const prevails =
    original.prevails ??
    translations.find((t) => t.prevails)?.prevails ??
    prevailingLanguage([original, ...translations].flatMap((t) => t.notes));
  return {
    transcript: { ...original, ...(prevails ? { prevails } : {}), versions },
    problems,
    mismatches,
  };
}

function toVersion(t: Transcript): TranscriptVersion {
  return {
    language: t.language,
    title: t.title,
    titleSource: t.titleSource,
    ...(t.transcriber ? { transcriber: t.transcriber } : {}),
    textFormat: t.textFormat,
    source: t.source,
    participants: t.participants,
    preamble: t.preamble,
    turns: t.turns,
    sections: t.sections,
    retiredTurns: t.retiredTurns,
    credits: t.credits,
    notes: t.notes,
    words: t.words,
  };
}

/**
 * A version's speaker the original never hears takes the original's speaker
 * when every turn it speaks is aligned with a turn of that one speaker.
 */
function adoptSpeakers(original: Transcript, version: TranscriptVersion): TranscriptVersion {
  const heard = new Set(original.participants.map((p) => p.speaker));
  const speakerOf = new Map(original.turns.map((t) => [t.id, t.speaker]));
  const alignment = alignWithOriginal(original, version);
  const seen = new Map<string, Set<string>>();
  for (const turn of version.turns) {
    if (heard.has(turn.speaker)) continue;
    const counterpart = alignment.toOriginal.get(turn.id);
    const set = seen.get(turn.speaker) ?? new Set<string>();
    set.add(counterpart === undefined ? '' : (speakerOf.get(counterpart) ?? ''));
    seen.set(turn.speaker, set);
  }
  const adopt = new Map<string, string>();
  for (const [speaker, candidates] of seen) {
    const [only] = candidates;
    if (candidates.size === 1 && only) adopt.set(speaker, only);
  }
  if (adopt.size === 0) return version;
  const turns = version.turns.map((t) => ({ ...t, speaker: adopt.get(t.speaker) ?? t.speaker }));
  return { ...version, turns, participants: participantsOf(turns) };
}

function mismatchesOf(original: Transcript, version: TranscriptVersion): VersionMismatch[] {
  const name = languageName(version.language);
  const originalTurn = new Map(original.turns.map((t) => [t.id, t]));
  const versionTurn = new Map(version.turns.map((t) => [t.id, t]));
  const out: VersionMismatch[] = [];
  for (const pair of alignWithOriginal(original, version).pairs) {
    const o = pair.original ? originalTurn.get(pair.original) : undefined;
    const v = pair.version ? versionTurn.get(pair.version) : undefined;
    const inVersion = (message: string) => out.push({ file: version.source.file, line: v?.line ?? 1, message });
    const inOriginal = (message: string) => out.push({ file: original.source.file, line: o?.line ?? 1, message });
    if (pair.kind === 'split' && v && o)
      inVersion(
        `turn ${v.id} (\`${v.label}\`) continues the translation of ${o.id} of the original: a turn split in two`,
      );
    else if (pair.kind === 'merged' && v && o)
      inOriginal(`turn ${o.id} (\`${o.label}\`) is joined to ${v.id} in the ${name} version`);
    else if (pair.kind === 'missing' && o)
      inOriginal(`turn ${o.id} (\`${o.label}\`) has no counterpart in the ${name} version`);
    else if (pair.kind === 'added' && v)
      inVersion(`turn ${v.id} (\`${v.label}\`) has no counterpart in the original, \`${original.source.file}\``);
  }
  return out;
}
