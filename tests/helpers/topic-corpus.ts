/**
 * A small archive for the incremental filing of topics: 24 short transcripts
 * of two speakers, large enough (20+) for the archive-wide topic rule. Two
 * discuss solar panels (a topic), one wind turbines and three mention them
 * in passing (not yet a topic: a second transcript that discusses them makes it one).
 */
import type { SourceFile } from '../../scripts/core/ingest-archive.ts';

const enc = new TextEncoder();
const source = (file: string, text: string): SourceFile => ({
  file,
  bytes: enc.encode(text),
  hash: `${file}:${text.length}`,
});

/** A transcript of two speakers; `extra` is said by the second, then in turn by each (a subject is talked about in turns). */
export function transcript(i: number, extra: string | readonly string[]): SourceFile {
  const [first, ...more] = typeof extra === 'string' ? [extra] : extra;
  const replies = more.map((said, k) => `${k % 2 === 0 ? 'Alice Example' : 'Bob Sample'}:\n${said}\n`);
  const text = `Alice Example:\nWelcome to episode ${i} about city gardens and bicycle lanes number ${i}.\n\nBob Sample:\nThank you. ${first}\n${replies.map((r) => `\n${r}`).join('')}`;
  return source(`episode-${String(i).padStart(2, '0')}.txt`, text);
}

const SOLAR = ['We talked about solar panels.', 'The price of solar panels fell.'];
export const WIND_TWICE = [
  'We talked about wind turbines.',
  'The height of wind turbines grew.',
  'Wind turbines, yes.',
];
const WIND_ONCE = 'I once saw wind turbines on a hill.';

export function base(): SourceFile[] {
  return Array.from({ length: 24 }, (_, i) =>
    transcript(i, i < 2 ? SOLAR : i === 2 ? WIND_TWICE : i < 6 ? WIND_ONCE : 'Nothing else today.'),
  );
}
