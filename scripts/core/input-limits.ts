/**
 * How large an input file the ingest reads, and how it says a file is over
 * the limit. Apart from the pipeline, so the shell that reads the seeds does
 * not load the parser and its NLP models with them.
 */

/**
 * The largest transcript file the archive builds: 20 MiB, some three million
 * words, several times the longest real hearing. A larger file would make one
 * page no browser can comfortably open, and the build's memory grows with it
 * (a 50 MB transcript took 73 s and 4 GB of memory to build, on its own).
 */
export const MAX_TRANSCRIPT_BYTES = 20 * 1024 * 1024;

/**
 * The largest YAML file read (a transcript's metadata, `speakers.yaml`,
 * `topics.yaml`): 8 MiB, a registry of tens of thousands of people.
 */
export const MAX_YAML_BYTES = 8 * 1024 * 1024;

/** `12.3 MB`, for messages about sizes. */
export const megabytes = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Why a file over a size limit is refused. */
export function tooLargeMessage(size: number, limit: number, what = 'transcripts'): string {
  return `the file is ${megabytes(size)}; ${what} over ${megabytes(limit)} are not ${what === 'transcripts' ? 'built' : 'read'}`;
}
