/**
 * Property-based tests (fast-check) of the pure pipeline: random transcripts,
 * hostile tokens and any Unicode go through parse → transcript → paragraph
 * HTML, and every spoken word must come out, nothing that runs may come out,
 * and nothing may throw. The runs are seeded so CI is repeatable; set
 * FUZZ_SEED to explore other inputs and FUZZ_RUNS to run more.
 */
import fc from 'fast-check';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { ingestTranscript, type TranscriptResult } from '../../scripts/core/ingest-transcript.ts';
import { markdownToHtml, plainToHtml } from '../../scripts/core/render-paragraph.ts';
import type { Transcript } from '../../scripts/core/schema.ts';
import { wordsOf } from '../../scripts/core/text.ts';
import { lostWords } from '../../scripts/core/word-check.ts';
import { anyTextArb, toDiarizedJson, toLabelLines, toMarkdown, turnsArb } from '../helpers/arbitraries.ts';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261126);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 500);
const params = { seed: SEED, numRuns: RUNS };

/** Total property runs in this file, for the report. */
let runs = 0;

function ingest(file: string, text: string): TranscriptResult {
  runs++;
  return ingestTranscript({ file, text, meta: {}, hash: 'h' });
}

/** Elements a paragraph may contain: text formatting and followable links, nothing that loads or runs. */
const ALLOWED = new Set([
  'p',
  'span',
  'em',
  'strong',
  'code',
  'a',
  'br',
  'ul',
  'ol',
  'li',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'hr',
  'del',
]);

/** What in rendered HTML could run or load: an element outside the list, a handler, a code URL. */
function unsafeParts(html: string): string[] {
  const found: string[] = [];
  for (const el of parse(html).querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (!ALLOWED.has(tag)) found.push(`<${tag}>`);
    for (const [name, value] of Object.entries(el.attributes)) {
      if (/^on/i.test(name)) found.push(`${tag}[${name}]`);
      if (name === 'href' && !/^(?:https?:\/\/|mailto:)/i.test(value)) found.push(`a[href=${value}]`);
      if (!['href', 'class', 'title'].includes(name)) found.push(`${tag}[${name}]`);
    }
    if (tag === 'span' && el.getAttribute('class') !== 'annotation') found.push('span without the annotation class');
  }
  return found;
}

/** Every paragraph of a transcript as the page renders it. */
function renderedParagraphs(t: Transcript): { source: string; html: string }[] {
  const render = t.textFormat === 'markdown' ? markdownToHtml : (p: string) => `<p>${plainToHtml(p)}</p>`;
  return [...t.preamble, ...t.turns.flatMap((turn) => turn.paragraphs)].map((p) => ({ source: p, html: render(p) }));
}

function words(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const w of wordsOf(text)) bag.set(w.toLowerCase(), (bag.get(w.toLowerCase()) ?? 0) + 1);
  return bag;
}

/** Words of `expected` that `shown` lacks, counting repeats. */
function missing(expected: string, shown: string): string[] {
  const have = words(shown);
  const out: string[] = [];
  for (const [w, n] of words(expected)) if ((have.get(w) ?? 0) < n) out.push(w);
  return out;
}

/** A transcript, or else an error that names the file and a line. */
function transcriptOrClearError(result: TranscriptResult, file: string): Transcript | undefined {
  if (result.transcript) return result.transcript;
  const error = result.problems.find((p) => p.severity === 'error');
  expect(error?.file).toBe(file);
  return undefined;
}

describe('plain text (labels on their own lines, inline labels, no labels)', () => {
  test('any text: no crash, every word reaches the transcript, each paragraph renders verbatim and inert', () => {
    fc.assert(
      fc.property(anyTextArb, (text) => {
        const t = transcriptOrClearError(ingest('fuzz.txt', text), 'fuzz.txt');
        if (!t) return;
        expect(lostWords(text, t)).toEqual([]);
        for (const { source, html } of renderedParagraphs(t)) {
          expect(parse(html).textContent).toBe(source);
          expect(unsafeParts(html)).toEqual([]);
        }
      }),
      params,
    );
  });

  test('generated turns: every label and paragraph comes through, in order', () => {
    fc.assert(
      fc.property(turnsArb, (turns) => {
        const text = toLabelLines(turns);
        const t = transcriptOrClearError(ingest('fuzz.txt', text), 'fuzz.txt');
        if (!t) return;
        expect(lostWords(text, t)).toEqual([]);
        // A paragraph shaped like a label (`Q.`) may become one: labels are shown too.
        const shown = [
          ...t.turns.map((turn) => turn.label),
          ...renderedParagraphs(t).map((p) => parse(p.html).textContent),
        ];
        expect(missing(turns.flatMap((turn) => turn.paragraphs).join('\n'), shown.join('\n'))).toEqual([]);
      }),
      params,
    );
  });
});

describe('Markdown', () => {
  /** What a reader sees of Markdown source: link targets are not text, character references are decoded. */
  const visibleSource = (md: string) =>
    md
      .replace(/\]\([^)]*\)/g, '] ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');

  test('generated turns: no crash, nothing that runs or loads, every word of the text visible', () => {
    fc.assert(
      fc.property(turnsArb, (turns) => {
        const text = toMarkdown(turns);
        const t = transcriptOrClearError(ingest('fuzz.md', text), 'fuzz.md');
        if (!t) return;
        const rendered = renderedParagraphs(t);
        for (const { html } of rendered) expect(unsafeParts(html)).toEqual([]);
        const shown = [
          ...t.turns.map((turn) => turn.label),
          ...t.sections.map((section) => section.title),
          ...rendered.map((p) => parse(p.html).textContent),
        ].join('\n');
        expect(missing(visibleSource(text), shown)).toEqual([]);
      }),
      params,
    );
  });
});

describe('diarized JSON', () => {
  test('generated segments: no crash, every speaker and every word of every segment comes through', () => {
    fc.assert(
      fc.property(turnsArb, (turns) => {
        const text = toDiarizedJson(turns);
        const t = transcriptOrClearError(ingest('fuzz.json', text), 'fuzz.json');
        if (!t) return;
        // Consecutive segments of one speaker merge into one turn: each label is counted once.
        const labels = (list: readonly { label: string }[]) => [...new Set(list.map((x) => x.label))];
        const spoken = [...labels(turns), ...turns.flatMap((turn) => turn.paragraphs)].join('\n');
        const kept = [...labels(t.turns), ...t.turns.flatMap((turn) => turn.paragraphs)].join('\n');
        expect(missing(spoken, kept)).toEqual([]);
        for (const { html } of renderedParagraphs(t)) expect(unsafeParts(html)).toEqual([]);
      }),
      params,
    );
  });
});

test('the fuzz ran the planned number of inputs', () => {
  console.log(`Fuzz: ${runs} random transcripts through the pure pipeline (seed ${SEED}, ${RUNS} runs a property)`);
  expect(runs).toBeGreaterThanOrEqual(4 * RUNS);
});
