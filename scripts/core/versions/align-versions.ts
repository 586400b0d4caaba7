/**
 * Turn-by-turn alignment of two language versions of one transcript. Turn
 * `t3` of a translation is the translation of `t3` of the original when the
 * two are built alike, but a translator may split a long answer in two or
 * join two turns: the alignment finds which turn translates which.
 *
 * The evidence, in order of weight: the speakers in order (a speaker heard in
 * both versions must match; one heard in only one version, such as a label
 * written in another script the registry does not know, may stand for
 * anyone), start times where both versions have them, and as tiebreaks the
 * paragraph counts and each turn's share of its version's text (which is
 * what tells which of a speaker's two turns a split belongs to). An
 * edit-distance alignment (Needleman–Wunsch) weighs them, with one turn
 * against two consecutive turns of one speaker as a step of its own (a
 * split, or a merge); a turn left over is missing from one version.
 */

/** What alignment needs of a turn. */
export interface AlignableTurn {
  id: string;
  speaker: string;
  /** Number of paragraphs. */
  paragraphs: number;
  start?: number | undefined;
  /** Length of its text, in characters. */
  length: number;
}

/**
 * How a turn of one version relates to the other:
 * - `aligned`: one turn translates one turn;
 * - `split`: a version turn that continues the one before it (both translate `original`);
 * - `merged`: an original turn the version joined to the one before it (`version` holds both);
 * - `missing`: an original turn the version does not have;
 * - `added`: a version turn the original does not have.
 */
export type PairKind = 'aligned' | 'split' | 'merged' | 'missing' | 'added';

export interface TurnPair {
  kind: PairKind;
  original?: string;
  version?: string;
}

export interface VersionAlignment {
  /** Every turn of both versions, in reading order. */
  pairs: TurnPair[];
  /** Where each original turn is in the version (its first part when split). */
  toVersion: Map<string, string>;
  /** Which original turn each version turn translates. */
  toOriginal: Map<string, string>;
}

const GAP = 1;
/** Added to a one-to-two step, so that two turns match two turns when they can. */
const SPLIT = 0.3;
const SPEAKER_UNKNOWN = 0.6;
const SPEAKER_DIFFERS = 2.5;
/** Seconds of start-time difference that cost as much as a gap. */
const SECONDS_PER_GAP = 20;

export function alignVersions(original: readonly AlignableTurn[], version: readonly AlignableTurn[]): VersionAlignment {
  const heardInOriginal = new Set(original.map((t) => t.speaker));
  const heardInVersion = new Set(version.map((t) => t.speaker));
  const totalA = original.reduce((n, t) => n + t.length, 0) || 1;
  const totalB = version.reduce((n, t) => n + t.length, 0) || 1;
  const matchCost = (a: AlignableTurn, b: AlignableTurn): number => {
    let cost = 0;
    if (a.speaker !== b.speaker) {
      const inBoth = (speaker: string) => heardInOriginal.has(speaker) && heardInVersion.has(speaker);
      const known = inBoth(a.speaker) || inBoth(b.speaker);
      cost += known ? SPEAKER_DIFFERS : SPEAKER_UNKNOWN;
    }
    if (a.start !== undefined && b.start !== undefined)
      cost += Math.min(Math.abs(a.start - b.start) / SECONDS_PER_GAP, 2);
    const shareA = a.length / totalA;
    const shareB = b.length / totalB;
    const share = shareA + shareB > 0 ? Math.abs(shareA - shareB) / (shareA + shareB) : 0;
    return cost + 0.05 * Math.min(Math.abs(a.paragraphs - b.paragraphs), 5) + 0.4 * share;
  };
  /** Two consecutive turns of one speaker as one, for a one-to-two step; undefined when their speakers differ. */
  const joined = (x: AlignableTurn | undefined, y: AlignableTurn | undefined): AlignableTurn | undefined =>
    x && y && x.speaker === y.speaker
      ? {
          id: x.id,
          speaker: x.speaker,
          paragraphs: x.paragraphs + y.paragraphs,
          start: x.start,
          length: x.length + y.length,
        }
      : undefined;
  const aligned = (a: AlignableTurn, b: AlignableTurn): TurnPair => ({
    kind: 'aligned',
    original: a.id,
    version: b.id,
  });
  const n = original.length;
  const m = version.length;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const at = (i: number, j: number): number => (cost[i] as number[])[j] as number;
  /** The steps into cell (i, j), each with the cell it comes from, its cost and the pairs it makes. */
  const steps = (i: number, j: number): { from: [number, number]; cost: number; pairs: TurnPair[] }[] => {
    const out: { from: [number, number]; cost: number; pairs: TurnPair[] }[] = [];
    const a = original[i - 1];
    const b = version[j - 1];
    if (a && b) {
      out.push({ from: [i - 1, j - 1], cost: matchCost(a, b), pairs: [aligned(a, b)] });
      // One turn against two consecutive turns of one speaker: split in the version, or merged from the original.
      const oneToTwo = (from: [number, number], x: AlignableTurn, y: AlignableTurn, kind: 'split' | 'merged') =>
        out.push({
          from,
          cost: matchCost(x, y) + SPLIT,
          pairs: [aligned(x, y), { kind, original: a.id, version: b.id }],
        });
      const split = joined(version[j - 2], b);
      if (split) oneToTwo([i - 1, j - 2], a, split, 'split');
      const merge = joined(original[i - 2], a);
      if (merge) oneToTwo([i - 2, j - 1], merge, b, 'merged');
    }
    if (a) out.push({ from: [i - 1, j], cost: GAP, pairs: [{ kind: 'missing', original: a.id }] });
    if (b) out.push({ from: [i, j - 1], cost: GAP, pairs: [{ kind: 'added', version: b.id }] });
    return out;
  };
  for (let i = 0; i <= n; i++)
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      (cost[i] as number[])[j] = Math.min(...steps(i, j).map((s) => at(...s.from) + s.cost));
    }
  // Trace back, taking the first step (a match before a gap) that explains each cell's cost.
  const reversed: TurnPair[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = at(i, j);
    const step = steps(i, j).find((s) => Math.abs(at(...s.from) + s.cost - here) < 1e-9);
    if (!step) break;
    reversed.push(...[...step.pairs].reverse());
    [i, j] = step.from;
  }
  const pairs = reversed.reverse();
  const toVersion = new Map<string, string>();
  const toOriginal = new Map<string, string>();
  for (const p of pairs) {
    if (p.original && p.version && !toVersion.has(p.original)) toVersion.set(p.original, p.version);
    if (p.original && p.version && !toOriginal.has(p.version)) toOriginal.set(p.version, p.original);
  }
  return { pairs, toVersion, toOriginal };
}
