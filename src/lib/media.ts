/**
 * Recordings as the site plays and links them: a transcript's `media:`
 * resolved against the archive's `mediaBase` (`--media-base`, or
 * archive.config.yaml), or, without one, against the site's root.
 */
import { resolveMedia } from '../../scripts/core/urls.ts';
import { href } from './format.ts';

/** The archive's `mediaBase`, when it has one. */
export const MEDIA_BASE: string | undefined = import.meta.env.ARCHIVE_MEDIA_BASE || undefined;

/** A record with its recording's address resolved, ready for pages and twins. */
export function withResolvedMedia<T extends { media?: string | undefined }>(t: T): T {
  return t.media ? { ...t, media: resolveMedia(t.media, MEDIA_BASE ?? href('/')) } : t;
}

export { playerSources as mediaSources } from '../../scripts/core/urls.ts';
