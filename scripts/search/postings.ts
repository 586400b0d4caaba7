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

  /** The entries grouped by key, for keys below `keys`; the chunks are let go. */
  grouped(keys: number): GroupedPostings {
    const from = new Uint32Array(keys + 1);
    this.#each((key) => {
      from[key + 1] = (from[key + 1] as number) + 1;
    });
    for (let k = 0; k < keys; k++) from[k + 1] = (from[k + 1] as number) + (from[k] as number);
    const next = from.slice(0, keys);
    const passages = new Uint32Array(this.#length);
    const counts = new Uint32Array(this.#length);
    // In the order added, so each key's passages stay ascending.
    this.#each((key, passage, count) => {
      const at = next[key] as number;
      next[key] = at + 1;
      passages[at] = passage;
      counts[at] = count;
    });
    this.#chunks.length = 0;
    this.#length = 0;
    return { from, passages, counts };
  }

  #each(visit: (key: number, passage: number, count: number) => void): void {
    let left = this.#length;
    for (const chunk of this.#chunks) {
      const n = Math.min(left, CHUNK);
      for (let at = 0; at < n; at++)
        visit(chunk[at * 3] as number, chunk[at * 3 + 1] as number, chunk[at * 3 + 2] as number);
      left -= n;
    }
  }
}
