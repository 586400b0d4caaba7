/** Citation formats: each against a hand-made expected string, and the structured ones parsed back. */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, test } from 'vitest';
import { type CiteTarget, cite } from '../../scripts/core/cite.ts';

const turn: CiteTarget = {
  title: 'Press conference on security cooperation',
  date: '2024-09-05',
  url: 'https://archive.example/transcripts/press-conference/#t2',
  archive: 'Transcript archive',
  language: 'en',
  speaker: 'Qi Yanjun',
  turn: 't2',
};
const transcript: CiteTarget = {
  title: 'Transcript with Qi Yanjun & {friends}',
  url: 'https://archive.example/transcripts/000-b208c8174473c045/',
  archive: 'Transcript archive',
};

describe('a turn', () => {
  test.each([
    [
      'apa',
      'Qi Yanjun. (2024, September 5). Press conference on security cooperation, turn t2 [Transcript]. Transcript archive. https://archive.example/transcripts/press-conference/#t2',
    ],
    [
      'mla',
      'Qi Yanjun. “Press conference on security cooperation, turn t2.” Transcript archive, 5 Sept. 2024, https://archive.example/transcripts/press-conference/#t2.',
    ],
    [
      'chicago',
      'Qi Yanjun. “Press conference on security cooperation, turn t2.” Transcript. Transcript archive, September 5, 2024. https://archive.example/transcripts/press-conference/#t2.',
    ],
  ] as const)('%s reads as expected', (format, expected) => {
    expect(cite(turn, format)).toBe(expected);
  });

  test('BibTeX is as expected and parses back to the same title, author, year and URL', () => {
    const bib = cite(turn, 'bibtex');
    expect(bib).toBe(
      [
        '@misc{press-conference-t2,',
        '  title = {{Press conference on security cooperation, turn t2}},',
        '  author = {{Qi Yanjun}},',
        '  year = {2024},',
        '  month = {9},',
        '  howpublished = {{Transcript archive}},',
        '  url = {https://archive.example/transcripts/press-conference/#t2},',
        '  note = {{Transcript}}',
        '}',
      ].join('\n'),
    );
    const [item] = new Cite(bib).data as Record<string, unknown>[];
    expect(item?.['title']).toBe('Press conference on security cooperation, turn t2');
    // A braced BibTeX name is one unit, never split into first and last: Citation.js reads it as a family name.
    expect(item?.['author']).toEqual([{ family: 'Qi Yanjun' }]);
    expect(item?.['issued']).toEqual({ 'date-parts': [[2024, 9]] });
    expect(item?.['URL']).toBe('https://archive.example/transcripts/press-conference/#t2');
  });

  test('RIS is as expected and parses back', () => {
    const ris = cite(turn, 'ris');
    expect(ris).toBe(
      [
        'TY  - GEN',
        'TI  - Press conference on security cooperation, turn t2',
        'AU  - Qi Yanjun',
        'PY  - 2024',
        'DA  - 2024/09/05',
        'PB  - Transcript archive',
        'UR  - https://archive.example/transcripts/press-conference/#t2',
        'LA  - en',
        'N1  - Transcript',
        'ER  - ',
      ].join('\n'),
    );
    const [item] = new Cite(ris).data as Record<string, unknown>[];
    expect(item?.['title']).toBe('Press conference on security cooperation, turn t2');
    expect(item?.['URL']).toBe('https://archive.example/transcripts/press-conference/#t2');
    expect(item?.['issued']).toEqual({ 'date-parts': [[2024, 9, 5]] });
  });

  test('CSL-JSON is valid CSL that Citation.js accepts unchanged', () => {
    const csl = JSON.parse(cite(turn, 'csl-json')) as Record<string, unknown>[];
    expect(csl).toEqual([
      {
        id: 'press-conference-t2',
        type: 'speech',
        title: 'Press conference on security cooperation, turn t2',
        author: [{ literal: 'Qi Yanjun' }],
        issued: { 'date-parts': [[2024, 9, 5]] },
        publisher: 'Transcript archive',
        genre: 'Transcript',
        URL: 'https://archive.example/transcripts/press-conference/#t2',
        language: 'en',
      },
    ]);
    const [item] = new Cite(csl).data as Record<string, unknown>[];
    expect(item?.['type']).toBe('speech');
  });
});

describe('a whole transcript without a date', () => {
  test('says n.d. in APA and names no author', () => {
    expect(cite(transcript, 'apa')).toBe(
      '(n.d.). Transcript with Qi Yanjun & {friends} [Transcript]. Transcript archive. https://archive.example/transcripts/000-b208c8174473c045/',
    );
  });

  test('BibTeX escapes its special characters, and the title parses back intact', () => {
    const bib = cite(transcript, 'bibtex');
    expect(bib).toContain('title = {{Transcript with Qi Yanjun \\& \\{friends\\}}}');
    const [item] = new Cite(bib).data as Record<string, unknown>[];
    expect(item?.['title']).toBe('Transcript with Qi Yanjun & {friends}');
  });
});
