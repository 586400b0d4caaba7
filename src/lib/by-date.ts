/**
 * Transcripts grouped for browsing: by year, then month, with counts.
 * Undated transcripts form their own group, never given an invented date.
 */
import { MONTHS } from '../../scripts/core/dates.ts';
import type { TranscriptOutline } from '../../scripts/core/schema.ts';

export interface YearGroup {
  /** `2024`, or `undated`. */
  key: string;
  transcripts: TranscriptOutline[];
  months: { month: string; transcripts: TranscriptOutline[] }[];
}

/** Newest year first; within a year, newest month first; "Undated" last. */
export function byYear(transcripts: readonly TranscriptOutline[]): YearGroup[] {
  const years = new Map<string, TranscriptOutline[]>();
  for (const t of transcripts) {
    const key = t.date?.slice(0, 4) ?? 'undated';
    const list = years.get(key);
    if (list) list.push(t);
    else years.set(key, [t]);
  }
  return [...years]
    .sort(([a], [b]) => (a === 'undated' ? 1 : b === 'undated' ? -1 : b.localeCompare(a)))
    .map(([key, list]) => {
      const months = new Map<string, TranscriptOutline[]>();
      for (const t of list) {
        const m =
          t.date && t.date.length >= 7
            ? MONTHS[Number(t.date.slice(5, 7)) - 1]
            : key === 'undated'
              ? 'Undated'
              : 'Month not stated';
        const month = m ?? 'Month not stated';
        const ofMonth = months.get(month);
        if (ofMonth) ofMonth.push(t);
        else months.set(month, [t]);
      }
      return { key, transcripts: list, months: [...months].map(([month, ts]) => ({ month, transcripts: ts })) };
    });
}
