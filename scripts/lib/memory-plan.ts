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
 * folder of `contentBytes`, as if both peaked together. Fitted on `npm run
 * bench`'s stage peaks, each stage alone, 2 cores: 1,000 transcripts (a
 * 90 MB content folder) Astro 1.57 GB and search 0.83 GB; 10,000 (826 MB)
 * 4.98 GB and 1.77 GB; each with the build process's ~0.3 GB, counted once.
 * (Run at once, the 10,000 build peaked at 5.24 GB: their peaks did not meet.)
 */
export function overlappedPeak(contentBytes: number): number {
  return 1.6 * GB + 5.8 * contentBytes;
}

/** Bytes as gigabytes with one decimal: `5.2 GB`. */
export function gigabytes(bytes: number): string {
  return `${(bytes / GB).toFixed(1)} GB`;
}
