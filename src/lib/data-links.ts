/**
 * The machine-readable versions of a page, for its "Data" line and its
 * `<link rel="alternate">` tags: a transcript's JSON, text and CSV twins, a
 * speaker's or topic's feed, and the archive's bulk downloads.
 */
import { csvTwinPath, feedPath, textTwinPath, twinPath } from '../../scripts/core/urls.ts';

export interface DataLink {
  /** The link's visible text: `JSON`, `TXT`, `CSV`, `Atom feed`. */
  label: string;
  /** Root-relative path (before the site's base path). */
  path: string;
  /** Media type, for `<link rel="alternate" type>`. */
  type: string;
  /** What it is, for the alternate link's title. */
  title: string;
}

export function transcriptDataLinks(slug: string): DataLink[] {
  return [
    { label: 'JSON', path: twinPath(slug), type: 'application/json', title: 'This transcript as JSON' },
    { label: 'TXT', path: textTwinPath(slug), type: 'text/plain', title: 'This transcript as plain text' },
    { label: 'CSV', path: csvTwinPath(slug), type: 'text/csv', title: 'This transcript’s turns as CSV' },
  ];
}

export function feedDataLinks(section: 'speakers' | 'topics', slug: string, name: string): DataLink[] {
  return [
    { label: 'Atom feed', path: feedPath(section, slug), type: 'application/atom+xml', title: `Transcripts: ${name}` },
  ];
}

/** The whole archive's downloads, as the home page and the transcript list link them. */
export const ARCHIVE_DATA_LINKS: DataLink[] = [
  { label: 'Atom feed', path: '/feed.xml', type: 'application/atom+xml', title: 'New and corrected transcripts' },
  {
    label: 'JSON manifest',
    path: '/transcripts.json',
    type: 'application/json',
    title: 'Every transcript, listed as JSON',
  },
  {
    label: 'JSON Lines',
    path: '/archive.jsonl.gz',
    type: 'application/gzip',
    title: 'Every transcript as JSON, one a line (gzip)',
  },
  {
    label: 'CSV',
    path: '/archive.csv.gz',
    type: 'application/gzip',
    title: 'Every turn of every transcript as CSV (gzip)',
  },
];
