/**
 * Matches the turns of a new parse to the turns published before, so that a
 * turn keeps its id when it is the same turn:
 *
 * 1. unchanged turns (same fingerprint) are matched in order (longest common
 *    subsequence), and anchor everything else;
 * 2. between two anchors, a changed turn is the old turn it most resembles
 *    (same speaker, word overlap at least {@link SAME_TURN}), in order: a typo
 *    fix or a re-split keeps the id;
 * 3. an old turn left over whose words live on inside a new turn of its gap was
 *    merged into it; any other is removed.
 * New turns left over are new, and get ids never used before.
 */

export interface AlignTurn {
  id: string;
  speaker: string;
  fingerprint: string;
  text: string;
}

export interface Alignment {
  /** New turn index → old turn id, for the turns that keep an id. */
  kept: Map<number, string>;
  /** Old ids merged into the new turn at an index. */
  merged: Map<string, number>;
  /** Old ids with no successor, each with the index of the new turn it stood after (-1: at the start). */
  removed: Map<string, number>;
}

export const SAME_TURN = 0.5;
const CONTAINED = 0.8;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Dice overlap of two texts' word sets. */
export function similarity(a: string, b: string): number {
  const wa = new Set(words(a));
  const wb = new Set(words(b));
  if (wa.size === 0 && wb.size === 0) return 1;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return (2 * common) / (wa.size + wb.size);
}

/** Share of `part`'s words found in `whole`. */
function containment(part: string, whole: string): number {
  const wp = words(part);
  const ww = new Set(words(whole));
  return wp.length === 0 ? 1 : wp.filter((w) => ww.has(w)).length / wp.length;
}

/** Pairs of equal fingerprints in order: the longest common subsequence. */
function lcs(old: readonly AlignTurn[], now: readonly AlignTurn[]): [number, number][] {
  const n = old.length;
  const m = now.length;
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = table[i] as Uint32Array;
    const below = table[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--) {
      row[j] =
        old[i]?.fingerprint === now[j]?.fingerprint
          ? (below[j + 1] as number) + 1
          : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (old[i]?.fingerprint === now[j]?.fingerprint) {
      pairs.push([i++, j++]);
    } else if ((table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return pairs;
}

export function alignTurns(old: readonly AlignTurn[], now: readonly AlignTurn[]): Alignment {
  const kept = new Map<number, string>();
  const merged = new Map<string, number>();
  const removed = new Map<string, number>();
  const anchors: [number, number][] = [[-1, -1], ...lcs(old, now), [old.length, now.length]];
  for (let k = 0; k < anchors.length - 1; k++) {
    const [oi, nj] = anchors[k] as [number, number];
    const [oi2, nj2] = anchors[k + 1] as [number, number];
    if (oi >= 0 && nj >= 0) kept.set(nj, (old[oi] as AlignTurn).id);
    // The gap between two anchors: old turns oi+1..oi2-1, new turns nj+1..nj2-1.
    const gapOld = old.slice(oi + 1, oi2);
    const gapNew = now.slice(nj + 1, nj2);
    let from = 0;
    /** Gap index of an old turn → index of the new turn that keeps its id. */
    const matchedOld = new Map<number, number>();
    gapNew.forEach((turn, g) => {
      let best = -1;
      let bestScore = SAME_TURN;
      for (let o = from; o < gapOld.length; o++) {
        const candidate = gapOld[o] as AlignTurn;
        if (candidate.speaker !== turn.speaker) continue;
        const score = similarity(candidate.text, turn.text);
        if (score >= bestScore) {
          best = o;
          bestScore = score;
        }
      }
      if (best >= 0) {
        kept.set(nj + 1 + g, (gapOld[best] as AlignTurn).id);
        matchedOld.set(best, nj + 1 + g);
        from = best + 1;
      }
    });
    gapOld.forEach((turn, o) => {
      if (matchedOld.has(o)) return;
      const host = gapNew.findIndex((t) => containment(turn.text, t.text) >= CONTAINED);
      if (host >= 0) merged.set(turn.id, nj + 1 + host);
      else {
        // It stood after the successor of the nearest old turn before it in the gap, or after the gap's anchor.
        let after = nj;
        for (let p = o - 1; p >= 0; p--) {
          const successor = matchedOld.get(p);
          if (successor !== undefined) {
            after = successor;
            break;
          }
        }
        removed.set(turn.id, after);
      }
    });
  }
  return { kept, merged, removed };
}
