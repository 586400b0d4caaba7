/**
 * Names shown to readers for the archive's fixed values. Pure: read by the
 * site and by the build's search stage alike (no Vite environment needed).
 */

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
