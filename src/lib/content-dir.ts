/**
 * The folder of the content collections the ingest wrote: `content/`, or the
 * one the build script passes in ARCHIVE_CONTENT_DIR.
 */
export const CONTENT_DIR: string = process.env['ARCHIVE_CONTENT_DIR'] ?? './content';
