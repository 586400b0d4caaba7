/**
 * How much memory the build plans with, and what running Astro beside the
 * data and search stages is expected to need. Pure: the machine's memory is
 * passed in.
 */

/** Gigabytes as the bench counts them: 10⁹ bytes. */
const GB = 1e9;

/** The memory the build may use at once, in bytes: `--memory` (in GB), or half the machine's. */
export function memoryBudget(optionGB: number | undefined, machine: number): number {
  return optionGB === undefined ? machine / 2 : optionGB * GB;
}

/**
 * The expected peak of Astro and the search stage run at once, for a content
 * folder of `contentBytes`. Fitted on cold builds that ran them at once (the
 * build process at a lower priority, so the search stage runs into Astro's
 * last and largest phase; every process with {@link HEAP_GROWTH_FLAG}), 2
 * cores, every process's RSS summed: the bench's 1,000 transcripts (a 90 MB
 * content folder) 1.89-1.98 GB, its 10,000 (826 MB) 5.65 GB, of which Astro
 * 4.19 GB and the build process 1.45 GB. It errs high by ~0.1 GB at both.
 */
export function overlappedPeak(contentBytes: number): number {
  return 1.6 * GB + 5 * contentBytes;
}

/**
 * V8's flag for the build's Node processes (the build's own, the ingest's,
 * Astro's): a full collection once the heap has grown half again past what the
 * last one kept alive. With a large heap limit V8 otherwise lets it grow about
 * twofold first, mostly garbage. At 10,000 transcripts, alone, cold: Astro
 * 5.13 GB RSS in 125.0 s without it, 3.90 GB in 123.4 s with it (the same CPU
 * time; it kept ~1.75 GB alive, then grew to 3.9 GB of heap over its last
 * 30 s); the ingest 5.60 GB in 115.5 s, 3.97 GB in 112.6 s. A flag of V8's
 * own: NODE_OPTIONS refuses it, so it goes on the command line.
 */
export const HEAP_GROWTH_FLAG = '--heap-growing-percent=50';

/** Bytes as gigabytes with one decimal: `5.2 GB`. */
export function gigabytes(bytes: number): string {
  return `${(bytes / GB).toFixed(1)} GB`;
}
