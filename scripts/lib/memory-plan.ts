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
 * last and largest phase), 2 cores, every process's RSS summed: the bench's
 * 1,000 transcripts (a 90 MB content folder) 2.17 GB, its 10,000 (826 MB)
 * 7.12 GB. Each stage alone peaked at 1.57 and 0.83 GB (1,000) and 4.98 and
 * 1.77 GB (10,000), the build process's ~0.3 GB in both.
 */
export function overlappedPeak(contentBytes: number): number {
  return 1.6 * GB + 6.7 * contentBytes;
}

/** Bytes as gigabytes with one decimal: `5.2 GB`. */
export function gigabytes(bytes: number): string {
  return `${(bytes / GB).toFixed(1)} GB`;
}
