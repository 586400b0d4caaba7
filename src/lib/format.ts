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

export { FORMAT_LABELS, KIND_LABELS, KIND_PLURALS } from './labels.ts';

/** Prefixes a root-relative path with the site's base path. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path}`;
}
