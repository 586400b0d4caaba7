/** Display helpers shared by pages. */
import { MONTHS } from '../../scripts/core/dates.ts';

export { plural } from '../../scripts/core/text.ts';

/** `2024-09-05` → `5 September 2024`; `2024-09` → `September 2024`; `2024` → `2024`. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (!month) return y ?? date;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** The archive's name (archive.config.yaml `name:`): page titles, feeds, the website in citations. */
export const ARCHIVE_NAME = import.meta.env.ARCHIVE_NAME ?? 'Transcript archive';
/** Who publishes the archive (archive.config.yaml `publisher:`, else its name): the publisher in citations. */
export const ARCHIVE_PUBLISHER = import.meta.env.ARCHIVE_PUBLISHER ?? ARCHIVE_NAME;
/** The language of the site's own pages (archive.config.yaml `language:`). */
export const SITE_LANGUAGE = import.meta.env.ARCHIVE_LANGUAGE ?? 'en';

/** How each input format is named in search filters. */
export const FORMAT_LABELS = {
  'label-lines': 'Plain text',
  'inline-labels': 'Plain text',
  markdown: 'Markdown',
  webvtt: 'Subtitles',
  srt: 'Subtitles',
  'diarized-json': 'Speech-to-text',
} as const;

export const KIND_LABELS = { person: 'Person', organisation: 'Organisation', role: 'Role' } as const;
/** Headings for speakers grouped by kind. */
export const KIND_PLURALS = { person: 'People', organisation: 'Organisations', role: 'Roles' } as const;

/** Prefixes a root-relative path with the site's base path. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path}`;
}
