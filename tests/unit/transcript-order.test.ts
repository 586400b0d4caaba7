/** The archive's one order of transcripts: newest first, undated last, numbered titles in natural order. */
import { describe, expect, it } from 'vitest';
import { type Ordered, transcriptOrder } from '../../scripts/core/transcript-order.ts';

describe('the order of transcripts', () => {
  it('puts the newest first, the undated last by title, Episode 2 before Episode 10, and equal titles by slug', () => {
    const transcripts: Ordered[] = [
      { title: 'Episode 10', slug: 'e10', date: null },
      { title: 'Briefing', slug: 'b-old', date: '2024-01-05' },
      { title: 'Episode 2', slug: 'e2', date: null },
      { title: 'Briefing', slug: 'b-new', date: '2025-03-01' },
      { title: 'Episode 2', slug: 'e2-again', date: null },
      { title: 'Hearing', slug: 'h', date: '2024-01-05' },
    ];
    expect([...transcripts].sort(transcriptOrder).map((t) => t.slug)).toEqual([
      'b-new',
      'b-old',
      'h',
      'e2',
      'e2-again',
      'e10',
    ]);
  });
});
