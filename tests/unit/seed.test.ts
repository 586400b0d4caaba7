/**
 * The seed transcript, as the foundation issue specifies it exactly: four
 * turns in order, three speakers of the right kinds, the colon line kept as a
 * paragraph, and the closing credit and disclaimer kept out of the speech.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ingestTranscript } from '../../scripts/core/ingest-transcript.ts';
import { wordsOf } from '../../scripts/core/text.ts';

const SEED = 'seeds/000_b208c8174473c045.txt';
const text = readFileSync(SEED, 'utf8');
const { transcript, speakers, problems } = ingestTranscript({ file: SEED, text, meta: {}, hash: 'h' });

describe('the seed transcript', () => {
  test('parses without problems', () => {
    expect(problems).toEqual([]);
    expect(transcript).toBeDefined();
  });

  test('has four turns, in order, with their paragraph counts', () => {
    expect(transcript?.turns.map((t) => [t.id, t.label, t.paragraphs.length])).toEqual([
      ['t1', 'China Central Television (CCTV)', 1],
      ['t2', 'Qi Yanjun', 6],
      ['t3', 'Shou Xiaoli', 1],
      ['t4', 'Qi Yanjun', 1],
    ]);
  });

  test("Qi Yanjun's answer runs from the thanks to the praise, with the colon line inside it", () => {
    const answer = transcript?.turns[1]?.paragraphs ?? [];
    expect(answer[0]).toMatch(/^Thank you for your question\./);
    expect(answer.at(-1)).toMatch(/earning widespread praise\. Thank you\.$/);
    expect(answer[1]).toBe('Moving forward, public security authorities will focus on these four areas:');
  });

  test('has three speakers: one media organisation with its short name, two people', () => {
    expect(speakers.map((s) => [s.slug, s.name, s.kind, s.shortName])).toEqual([
      ['china-central-television-cctv', 'China Central Television (CCTV)', 'organisation', 'CCTV'],
      ['qi-yanjun', 'Qi Yanjun', 'person', undefined],
      ['shou-xiaoli', 'Shou Xiaoli', 'person', undefined],
    ]);
    expect(speakers[0]?.aliases).toContain('CCTV');
  });

  test('keeps the translators’ credit and the disclaimer out of the speech', () => {
    expect(transcript?.credits).toEqual([
      expect.stringMatching(/^Translated and edited by Liu Sitong, .* Rochelle Beiersdorfer\.$/),
    ]);
    expect(transcript?.notes).toEqual([
      'In case of any discrepancy between the English and Chinese texts, the Chinese version is deemed to prevail.',
    ]);
    const spoken = transcript?.turns.flatMap((t) => t.paragraphs).join(' ') ?? '';
    expect(spoken).not.toContain('Translated and edited');
    expect(spoken).not.toContain('discrepancy');
  });

  test('invents no date and derives a title from who speaks', () => {
    expect(transcript?.date).toBeUndefined();
    expect(transcript?.titleSource).toBe('derived');
    expect(transcript?.title).toBe('Transcript with Qi Yanjun, Shou Xiaoli and China Central Television (CCTV)');
  });

  test('loses no word of the source: every word is a label, spoken text, a credit or a note', () => {
    const kept = [
      ...(transcript?.turns.flatMap((t) => [t.label, ...t.paragraphs]) ?? []),
      ...(transcript?.credits ?? []),
      ...(transcript?.notes ?? []),
    ].join(' ');
    expect(wordsOf(kept)).toEqual(wordsOf(text));
  });
});
