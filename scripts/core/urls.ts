/**
 * The archive's URL scheme, in one place. These paths are the permanent
 * addresses of the archive: see "URLs and slugs" in the README.
 */

export const transcriptPath = (slug: string): string => `/transcripts/${slug}/`;
export const turnPath = (slug: string, turnId: string): string => `/transcripts/${slug}/#${turnId}`;
export const twinPath = (slug: string): string => `/transcripts/${slug}.json`;
export const speakerPath = (slug: string): string => `/speakers/${slug}/`;
export const topicPath = (slug: string): string => `/topics/${slug}/`;
