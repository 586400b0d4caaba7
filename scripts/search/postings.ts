/**
 * A language's postings as the passage index gathers them: each passage's
 * keys (term numbers) with how often it says each, kept as they come in
 * chunks of typed arrays, and grouped by key once, at the end, by a counting
 * sort. A growing array per key, filled as passages came, cost an edit at
 * 10,000 transcripts some 3.6 s of pushes and their garbage (15 million
 * entries over 140,000 arrays).
 */

/** Entries per chunk: a chunk is three numbers an entry, 12 MB. */
const CHUNK = 1 << 20;

/** The entries grouped by key: key k's are `from[k]` … `from[k + 1] - 1` of `passages` and `counts`, passages ascending. */
export interface GroupedPostings {
  from: Uint32Array;
  passages: Uint32Array;
  counts: Uint32Array;
}

export class Postings {
  readonly #chunks: Uint32Array[] = [];
  #length = 0;

  /** Adds passage `passage`'s keys with their counts. Passages must come in ascending order. */
  add(passage: number, keys: Uint32Array, counts: Uint32Array): void {
    for (let i = 0; i < keys.length; i++) {
      const at = this.#length % CHUNK;
      if (at === 0) this.#chunks.push(new Uint32Array(CHUNK * 3));
      const chunk = this.#chunks[this.#chunks.length - 1] as Uint32Array;
      chunk[at * 3] = keys[i] as number;
      chunk[at * 3 + 1] = passage;
      chunk[at * 3 + 2] = counts[i] as number;
      this.#length++;
    }
  }

  /**
   * The entries grouped by key, for keys below `keys`; the chunks are let go.
   * Two plain loops over the chunks (no callback per entry: at 10,000
   * transcripts an edit visits 15 million entries twice).
   */
  grouped(keys: number): GroupedPostings {
    const from = new Uint32Array(keys + 1);
    for (const [chunk, n] of this.#filled())
      for (let at = 0; at < n; at++) {
        const slot = (chunk[at * 3] as number) + 1;
        from[slot] = (from[slot] as number) + 1;
      }
    for (let k = 0; k < keys; k++) from[k + 1] = (from[k + 1] as number) + (from[k] as number);
    const next = from.slice(0, keys);
    const passages = new Uint32Array(this.#length);
    const counts = new Uint32Array(this.#length);
    // In the order added, so each key's passages stay ascending.
    for (const [chunk, n] of this.#filled())
      for (let at = 0; at < n; at++) {
        const key = chunk[at * 3] as number;
        const to = next[key] as number;
        next[key] = to + 1;
        passages[to] = chunk[at * 3 + 1] as number;
        counts[to] = chunk[at * 3 + 2] as number;
      }
    this.#chunks.length = 0;
    this.#length = 0;
    return { from, passages, counts };
  }

  /** Each chunk with how many of its entries are filled. */
  #filled(): [Uint32Array, number][] {
    let left = this.#length;
    return this.#chunks.map((chunk) => {
      const n = Math.min(left, CHUNK);
      left -= n;
      return [chunk, n];
    });
  }
}
