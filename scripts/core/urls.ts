/**
 * The archive's URL scheme, in one place. These paths are the permanent
 * addresses of the archive: see /docs/urls/ (src/pages/docs/urls.mdx).
 */

export const transcriptPath = (slug: string): string => `/transcripts/${slug}/`;
export const turnPath = (slug: string, turnId: string): string => `/transcripts/${slug}/#${turnId}`;
export const twinPath = (slug: string): string => `/transcripts/${slug}.json`;
/**
 * The page of a transcript's language version: `/transcripts/<slug>/<lang>/`
 * (the original's is {@link transcriptPath}). Its twin is in the transcript's.
 */
export const versionPath = (slug: string, language: string): string => `/transcripts/${slug}/${language}/`;
/** A transcript's plain-text and CSV (one row a turn) twins. */
export const textTwinPath = (slug: string): string => `/transcripts/${slug}.txt`;
export const csvTwinPath = (slug: string): string => `/transcripts/${slug}.csv`;
/** The Atom feed of a speaker's or a topic's transcripts; the archive's own is `/feed.xml`. */
export const feedPath = (section: 'speakers' | 'topics', slug: string): string => `/${section}/${slug}/feed.xml`;
export const speakerPath = (slug: string): string => `/speakers/${slug}/`;
export const topicPath = (slug: string): string => `/topics/${slug}/`;

/** `3723.5` → `1:02:03`; `62` → `1:02`. */
export function formatClock(seconds: number): string {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/**
 * A link that plays the recording from a moment: YouTube's `t=` parameter,
 * or the W3C media fragment `#t=` that browsers honour for audio and video files.
 */
export function mediaAt(media: string, seconds: number): string {
  const t = Math.floor(seconds);
  const url = new URL(media);
  if (/(?:^|\.)(?:youtube\.com|youtu\.be)$/.test(url.hostname)) {
    url.searchParams.set('t', `${t}s`);
    return url.toString();
  }
  url.hash = `t=${t}`;
  return url.toString();
}
