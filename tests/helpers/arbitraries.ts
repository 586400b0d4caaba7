/**
 * fast-check generators of random transcripts, shared by the pure fuzz tests
 * and the one real build of a generated sample. Words mix plain words, any
 * Unicode, and the tokens that break naive pipelines: MDX braces and JSX,
 * HTML and script, Markdown links and images, stage directions, colons.
 */
import fc from 'fast-check';
import type { Turn } from '../../scripts/core/schema.ts';

/** Tokens that a pipeline could mistake for code or markup. */
export const HOSTILE_TOKENS = [
  '{props.x}',
  '{',
  '}',
  '{/* c */}',
  '<Turn speaker="x"/>',
  '<Component/>',
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=window.__pwned=2>',
  "import x from 'y'",
  'export const a = 1',
  '&amp;',
  '&lt;b&gt;',
  '[a](javascript:alert(1))',
  '![i](https://evil.example/x.png)',
  '<javascript:alert(1)>',
  '**',
  '_',
  '#',
  '\\',
  '`',
  '---',
  '$',
  '(Laughter.)',
  '[inaudible]',
  ':',
  'Q.',
  '<!--',
  '-->',
  '</p>',
  '"',
  "'",
  '\u00a0',
  '王毅',
  'Zoë',
  '🙂',
  'ﷺ',
] as const;

/** One word of speech: plain, hostile, or any Unicode. */
export const wordArb = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z][a-z]{0,9}$/) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TOKENS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }) },
);

/** A paragraph: words joined by single spaces, never blank. */
export const paragraphArb = fc
  .array(wordArb, { minLength: 1, maxLength: 14 })
  .map((words) => words.join(' ').replace(/[\r\n\u2028\u2029\u0085\v\f]/g, ' '))
  .filter((p) => p.trim() !== '');

/** A speaker label: a name-shaped one, a role, or something only near a name. */
export const labelArb = fc.oneof(
  fc.constantFrom('Anna Berg', 'Q', 'THE PRESIDENT', 'Speaker 2', 'Mr. Smith', 'Qi Yanjun', 'Zoë Ångström'),
  fc.stringMatching(/^[A-Z][a-z]{1,8} [A-Z][a-z]{1,8}$/),
  paragraphArb.map((p) => p.slice(0, 30)),
);

export interface GeneratedTurn {
  label: string;
  paragraphs: string[];
}

/** A transcript as turns: each a label and one to four paragraphs. */
export const turnsArb = fc.array(
  fc.record({ label: labelArb, paragraphs: fc.array(paragraphArb, { minLength: 1, maxLength: 4 }) }),
  { minLength: 1, maxLength: 8 },
);

/** Label-on-its-own-line text, the seed's shape. */
export function toLabelLines(turns: readonly GeneratedTurn[]): string {
  return turns.map((t) => `${t.label}:\n${t.paragraphs.join('\n')}\n`).join('\n');
}

/** Markdown with bold labels. */
export function toMarkdown(turns: readonly GeneratedTurn[]): string {
  return turns.map((t) => `**${t.label}:** ${t.paragraphs.join('\n\n')}\n`).join('\n');
}

/** Diarized speech-to-text JSON: one segment per paragraph. */
export function toDiarizedJson(turns: readonly GeneratedTurn[]): string {
  let clock = 0;
  const segments = turns.flatMap((t) =>
    t.paragraphs.map((text) => {
      clock += 2;
      return { speaker: t.label, start: clock - 2, end: clock, text };
    }),
  );
  return JSON.stringify({ segments }, null, 1);
}

/** Any text at all, line by line: the parser must neither crash nor lose a word. */
export const anyTextArb = fc
  .array(
    fc.oneof(
      paragraphArb,
      labelArb.map((l) => `${l}:`),
      fc.constant(''),
      fc.string({ unit: 'grapheme' }),
    ),
    {
      minLength: 1,
      maxLength: 30,
    },
  )
  .map((lines) => lines.join('\n'));

/** A turn of `paragraphs` with placeholder speaker, line and fingerprint, for tests of what reads turns' text. */
export function turnOf(paragraphs: string[], id = 't1'): Turn {
  return { id, speaker: 's', label: 'S', paragraphs, line: 1, fingerprint: 'x', earlier: [] };
}
