/**
 * A language's postings as the passage index gathers them: each passage's
 * keys (term numbers) with how often it says each, kept as they come in
 * chunks of typed arrays, and grouped by key once, at the end, by a counting
 * sort. A growing array per key, filled as passages came, cost an edit at
 * 10,000 transcripts some 3.6 s of pushes and their garbage (15 million
 * entries over 140,000 arrays).
 */

/** Entries per chunk: a chunk is two numbers an entry (key, count), 8 MB. */
const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;

/** The entries grouped by key: key k's are `from[k]` … `from[k + 1] - 1` of `passages` and `counts`, passages ascending. */
export interface GroupedPostings {
  from: Uint32Array;
  passages: Uint32Array;
  counts: Uint32Array;
}

export class Postings {
  readonly #chunks: Uint32Array[] = [];
  #length = 0;
  /**
   * Each `add`'s passage and its first entry, in the order added: the
   * entries themselves hold only key and count (a third less new memory,
   * which is slow to touch on this machine: 60 MB at 10,000 transcripts).
   */
  readonly #passages: number[] = [];
  readonly #starts: number[] = [];

  /** Adds passage `passage`'s keys with their counts. Passages must come in ascending order. */
  add(passage: number, keys: Uint32Array, counts: Uint32Array): void {
    this.#passages.push(passage);
    this.#starts.push(this.#length);
    for (let i = 0; i < keys.length; i++) {
      const at = this.#length % CHUNK;
      if (at === 0) this.#chunks.push(new Uint32Array(CHUNK * 2));
      const chunk = this.#chunks[this.#chunks.length - 1] as Uint32Array;
      chunk[at * 2] = keys[i] as number;
      chunk[at * 2 + 1] = counts[i] as number;
      this.#length++;
    }
  }

  /**
   * The entries grouped by key, for keys below `keys`; the chunks are let go.
   * Two plain loops over the entries, the second page by page (no callback
   * per entry: at 10,000 transcripts an edit visits 15 million entries twice).
   */
  grouped(keys: number): GroupedPostings {
    const from = new Uint32Array(keys + 1);
    for (const [chunk, n] of this.#filled())
      for (let at = 0; at < n; at++) {
        const slot = (chunk[at * 2] as number) + 1;
        from[slot] = (from[slot] as number) + 1;
      }
    for (let k = 0; k < keys; k++) from[k + 1] = (from[k + 1] as number) + (from[k] as number);
    const next = from.slice(0, keys);
    const passages = new Uint32Array(this.#length);
    const counts = new Uint32Array(this.#length);
    // In the order added, so each key's passages stay ascending.
    const adds = this.#starts.length;
    for (let a = 0; a < adds; a++) {
      const passage = this.#passages[a] as number;
      const end = a + 1 < adds ? (this.#starts[a + 1] as number) : this.#length;
      for (let entry = this.#starts[a] as number; entry < end; entry++) {
        const chunk = this.#chunks[entry >>> CHUNK_BITS] as Uint32Array;
        const at = (entry & (CHUNK - 1)) * 2;
        const key = chunk[at] as number;
        const to = next[key] as number;
        next[key] = to + 1;
        passages[to] = passage;
        counts[to] = chunk[at + 1] as number;
      }
    }
    this.#chunks.length = 0;
    this.#passages.length = 0;
    this.#starts.length = 0;
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
