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

/** A stand-in origin for URL arithmetic on paths of the site itself (`/media/x.mp3`). */
const LOCAL = 'http://site.invalid';

/**
 * A link that plays the recording from a moment: YouTube's `t=` parameter
 * (whole seconds), or the W3C media fragment `#t=` (seconds, with a
 * fraction) that browsers honour for audio and video files. A recording on the site itself (`/media/x.mp3`) stays a path.
 */
export function mediaAt(media: string, seconds: number): string {
  const url = new URL(media, LOCAL);
  if (isVideoHost(url.hostname)) {
    url.searchParams.set('t', `${Math.floor(seconds)}s`);
    return url.toString();
  }
  // To the millisecond, as the turn starts: a turn at 1.5 s must not seek into the one before it.
  url.hash = `t=${Number(seconds.toFixed(3))}`;
  return url.origin === LOCAL ? `${url.pathname}${url.search}${url.hash}` : url.toString();
}

/**
 * Video sites whose pages are players with their own scripts and trackers:
 * the archive links out to them, and never embeds them (see /docs/metadata/).
 */
const VIDEO_HOSTS =
  /(?:^|\.)(?:youtube\.com|youtu\.be|youtube-nocookie\.com|vimeo\.com|dailymotion\.com|twitch\.tv|facebook\.com|x\.com|twitter\.com|tiktok\.com|rumble\.com|soundcloud\.com|spotify\.com)$/;

export function isVideoHost(hostname: string): boolean {
  return VIDEO_HOSTS.test(hostname.toLowerCase());
}

const AUDIO = /\.(?:mp3|m4a|aac|oga|ogg|opus|wav|flac|weba)$/i;
const VIDEO = /\.(?:mp4|m4v|webm|ogv|mov)$/i;

/**
 * How the page can play a recording: a native `<audio>` or `<video>` for a
 * file of a known kind, else (a video site, a page, an unknown kind) only a
 * link out.
 */
export function mediaKind(media: string): 'audio' | 'video' | 'link' {
  const url = new URL(media, LOCAL);
  if (isVideoHost(url.hostname)) return 'link';
  if (AUDIO.test(url.pathname)) return 'audio';
  if (VIDEO.test(url.pathname)) return 'video';
  return 'link';
}

/**
 * The address of a recording as the site links to it. A web address stays as
 * it is; a relative one (`town-hall.mp3`) resolves against `base`, the
 * archive's `mediaBase` (`https://media.example.org/2024/` or `/media/`),
 * or, without one, against the site's root: `/town-hall.mp3`.
 */
export function resolveMedia(media: string, base: string | undefined): string {
  if (/^https?:\/\//i.test(media)) return media;
  const folder = base ? (base.endsWith('/') ? base : `${base}/`) : '/';
  const url = new URL(media, new URL(folder, LOCAL));
  return url.origin === LOCAL ? `${url.pathname}${url.search}` : url.toString();
}

/**
 * The Content-Security-Policy source that lets a page load a recording:
 * the origin of a web address, `'self'` for one on the site itself.
 */
export function mediaSource(media: string): string {
  const url = new URL(media, LOCAL);
  return url.origin === LOCAL ? "'self'" : url.origin;
}

/** The `media-src` a page needs to play a recording in its own player; none for a recording it only links to. */
export function playerSources(media: string | null | undefined): string[] {
  return media && mediaKind(media) !== 'link' ? [mediaSource(media)] : [];
}
