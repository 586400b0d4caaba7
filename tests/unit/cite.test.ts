/**
 * Citation formats, each against a hand-written expected string (as the APA 7,
 * MLA 9 and Chicago 17 manuals write such entries), for a person, a person
 * whose name is written family name first, an organisation, a role and an
 * undated transcript; the machine formats parsed back by Citation.js.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, test } from 'vitest';
import { type CiteFormat, type CiteTarget, cite, quoteOf, turnTarget } from '../../scripts/core/cite.ts';

const URL = 'https://archive.example/transcripts/press-conference/';
const transcript: CiteTarget = {
  title: 'Press conference on security cooperation',
  date: '2024-09-05',
  url: URL,
  archive: 'Transcript archive',
  language: 'en',
  accessed: '2026-12-03',
  authors: [
    { name: 'Qi Yanjun', kind: 'person', familyName: 'Qi' },
    { name: 'Shou Xiaoli', kind: 'person', familyName: 'Shou' },
  ],
};
const person = turnTarget(transcript, {
  id: 't2',
  url: `${URL}#t2`,
  speaker: { name: 'Mark Russinovich', kind: 'person' },
});
const organisation = turnTarget(transcript, {
  id: 't1',
  url: `${URL}#t1`,
  speaker: { name: 'China Central Television', kind: 'organisation' },
});
const role = turnTarget(transcript, { id: 't3', url: `${URL}#t3`, speaker: { name: 'Moderator', kind: 'role' } });
const undated: CiteTarget = {
  title: 'Cluster mempool',
  url: 'https://archive.example/transcripts/cluster-mempool/',
  archive: 'Transcript archive',
  accessed: '2026-12-03',
  authors: [{ name: 'Mark Russinovich', kind: 'person' }],
};

const cases: [string, CiteTarget, Partial<Record<CiteFormat, string>>][] = [
  [
    'a turn by a person',
    person,
    {
      apa: 'Russinovich, M. (2024, September 5). Press conference on security cooperation, turn t2 [Transcript]. Transcript archive. https://archive.example/transcripts/press-conference/#t2',
      mla: 'Russinovich, Mark. “Press conference on security cooperation, turn t2.” Transcript archive, 5 Sept. 2024, https://archive.example/transcripts/press-conference/#t2. Accessed 3 Dec. 2026.',
      chicago:
        'Russinovich, Mark. “Press conference on security cooperation, turn t2.” Transcript. Transcript archive, September 5, 2024. https://archive.example/transcripts/press-conference/#t2.',
      'chicago-note':
        '1. Mark Russinovich, “Press conference on security cooperation, turn t2,” transcript, Transcript archive, September 5, 2024, https://archive.example/transcripts/press-conference/#t2.',
    },
  ],
  [
    'a transcript by two people whose names are written family name first',
    transcript,
    {
      apa: 'Qi, Y., & Shou, X. (2024, September 5). Press conference on security cooperation [Transcript]. Transcript archive. https://archive.example/transcripts/press-conference/',
      mla: 'Qi Yanjun and Shou Xiaoli. “Press conference on security cooperation.” Transcript archive, 5 Sept. 2024, https://archive.example/transcripts/press-conference/. Accessed 3 Dec. 2026.',
      chicago:
        'Qi Yanjun and Shou Xiaoli. “Press conference on security cooperation.” Transcript. Transcript archive, September 5, 2024. https://archive.example/transcripts/press-conference/.',
      'chicago-note':
        '1. Qi Yanjun and Shou Xiaoli, “Press conference on security cooperation,” transcript, Transcript archive, September 5, 2024, https://archive.example/transcripts/press-conference/.',
    },
  ],
  [
    'a turn by an organisation',
    organisation,
    {
      apa: 'China Central Television. (2024, September 5). Press conference on security cooperation, turn t1 [Transcript]. Transcript archive. https://archive.example/transcripts/press-conference/#t1',
      mla: 'China Central Television. “Press conference on security cooperation, turn t1.” Transcript archive, 5 Sept. 2024, https://archive.example/transcripts/press-conference/#t1. Accessed 3 Dec. 2026.',
      chicago:
        'China Central Television. “Press conference on security cooperation, turn t1.” Transcript. Transcript archive, September 5, 2024. https://archive.example/transcripts/press-conference/#t1.',
    },
  ],
  [
    'a turn by a role, which is not an author',
    role,
    {
      apa: 'Press conference on security cooperation, turn t3 (Moderator) [Transcript]. (2024, September 5). Transcript archive. https://archive.example/transcripts/press-conference/#t3',
      mla: '“Press conference on security cooperation, turn t3 (Moderator).” Transcript archive, 5 Sept. 2024, https://archive.example/transcripts/press-conference/#t3. Accessed 3 Dec. 2026.',
      'chicago-note':
        '1. “Press conference on security cooperation, turn t3 (Moderator),” transcript, Transcript archive, September 5, 2024, https://archive.example/transcripts/press-conference/#t3.',
    },
  ],
  [
    'an undated transcript',
    undated,
    {
      apa: 'Russinovich, M. (n.d.). Cluster mempool [Transcript]. Transcript archive. https://archive.example/transcripts/cluster-mempool/',
      mla: 'Russinovich, Mark. “Cluster mempool.” Transcript archive, https://archive.example/transcripts/cluster-mempool/. Accessed 3 Dec. 2026.',
      chicago:
        'Russinovich, Mark. “Cluster mempool.” Transcript. Transcript archive. Accessed December 3, 2026. https://archive.example/transcripts/cluster-mempool/.',
      'chicago-note':
        '1. Mark Russinovich, “Cluster mempool,” transcript, Transcript archive, accessed December 3, 2026, https://archive.example/transcripts/cluster-mempool/.',
    },
  ],
  [
    'an undated transcript with no author',
    {
      title: 'Cluster mempool',
      url: 'https://archive.example/transcripts/cluster-mempool/',
      archive: 'Transcript archive',
    },
    {
      apa: 'Cluster mempool [Transcript]. (n.d.). Transcript archive. https://archive.example/transcripts/cluster-mempool/',
      mla: '“Cluster mempool.” Transcript archive, https://archive.example/transcripts/cluster-mempool/.',
    },
  ],
];

describe.each(cases)('%s', (_, target, expected) => {
  test.each(Object.entries(expected))('%s reads as the style manual writes it', (format, text) => {
    expect(cite(target, format as CiteFormat)).toBe(text);
  });
});

describe('a turn cited with its words', () => {
  const quoted = { ...person, quote: 'We will strengthen cooperation.' };

  test('APA and MLA quote before the entry, with the in-text citation; Chicago’s note follows the quotation', () => {
    expect(cite(quoted, 'apa')).toBe(`“We will strengthen cooperation” (Russinovich, 2024).\n\n${cite(person, 'apa')}`);
    expect(cite(quoted, 'mla')).toBe(`“We will strengthen cooperation” (Russinovich).\n\n${cite(person, 'mla')}`);
    expect(cite(quoted, 'chicago-note')).toBe(`“We will strengthen cooperation.”¹\n\n${cite(person, 'chicago-note')}`);
    expect(cite({ ...undated, quote: 'Fees.' }, 'apa')).toMatch(/^“Fees” \(Russinovich, n\.d\.\)\./);
  });

  test('a long passage is quoted by its opening words, the omission marked', () => {
    const words = Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ');
    expect(quoteOf(words, 5)).toBe('w0 w1 w2 w3 w4 …');
    expect(quoteOf('  Short\n passage. ')).toBe('Short passage.');
  });
});

test('a publisher other than the archive is named where each style names one', () => {
  const published = { ...undated, archive: 'Water Archive', publisher: 'Ministry of Water' };
  expect(cite(published, 'apa')).toBe(
    'Russinovich, M. (n.d.). Cluster mempool [Transcript]. Ministry of Water. https://archive.example/transcripts/cluster-mempool/',
  );
  expect(cite(published, 'mla')).toBe(
    'Russinovich, Mark. “Cluster mempool.” Water Archive, Ministry of Water, https://archive.example/transcripts/cluster-mempool/. Accessed 3 Dec. 2026.',
  );
  expect(cite(published, 'ris')).toContain('PB  - Ministry of Water');
  expect(JSON.parse(cite(published, 'csl-json'))[0]).toMatchObject({
    publisher: 'Ministry of Water',
    'container-title': 'Water Archive',
  });
});

describe('the machine formats carry the same fields, and parse back', () => {
  test('BibTeX: a person as family and given name, an organisation as one name', () => {
    const bib = cite(person, 'bibtex');
    expect(bib).toBe(
      [
        '@misc{press-conference-t2,',
        '  title = {{Press conference on security cooperation, turn t2}},',
        '  author = {Russinovich, Mark},',
        '  year = {2024},',
        '  month = {9},',
        '  publisher = {{Transcript archive}},',
        '  howpublished = {{Transcript archive}},',
        '  url = {https://archive.example/transcripts/press-conference/#t2},',
        '  urldate = {2026-12-03},',
        '  language = {en},',
        '  note = {{Transcript}}',
        '}',
      ].join('\n'),
    );
    const [item] = new Cite(bib).data as Record<string, unknown>[];
    expect(item?.['title']).toBe('Press conference on security cooperation, turn t2');
    expect(item?.['author']).toEqual([{ family: 'Russinovich', given: 'Mark' }]);
    expect(item?.['issued']).toEqual({ 'date-parts': [[2024, 9]] });
    expect(item?.['accessed']).toEqual({ 'date-parts': [[2026, 12, 3]] });
    expect(item?.['publisher']).toBe('Transcript archive');
    expect(item?.['URL']).toBe('https://archive.example/transcripts/press-conference/#t2');
    const [org] = new Cite(cite(organisation, 'bibtex')).data as Record<string, unknown>[];
    // BibTeX has no literal names: a braced name is one unit, never split, which Citation.js reads as a family name.
    expect(org?.['author']).toEqual([{ family: 'China Central Television' }]);
  });

  test('BibTeX escapes its special characters, and the title parses back intact', () => {
    const bib = cite({ ...undated, title: 'Transcript with Qi Yanjun & {friends}' }, 'bibtex');
    expect(bib).toContain('title = {{Transcript with Qi Yanjun \\& \\{friends\\}}}');
    const [item] = new Cite(bib).data as Record<string, unknown>[];
    expect(item?.['title']).toBe('Transcript with Qi Yanjun & {friends}');
  });

  test('RIS', () => {
    const ris = cite(transcript, 'ris');
    expect(ris).toBe(
      [
        'TY  - GEN',
        'TI  - Press conference on security cooperation',
        'AU  - Qi, Yanjun',
        'AU  - Shou, Xiaoli',
        'PY  - 2024',
        'DA  - 2024/09/05',
        'PB  - Transcript archive',
        'UR  - https://archive.example/transcripts/press-conference/',
        'Y2  - 2026/12/03',
        'LA  - en',
        'N1  - Transcript',
        'ER  - ',
      ].join('\n'),
    );
    const [item] = new Cite(ris).data as Record<string, unknown>[];
    expect(item?.['title']).toBe('Press conference on security cooperation');
    expect(item?.['author']).toEqual([
      { family: 'Qi', given: 'Yanjun' },
      { family: 'Shou', given: 'Xiaoli' },
    ]);
    expect(item?.['issued']).toEqual({ 'date-parts': [[2024, 9, 5]] });
    expect(item?.['accessed']).toEqual({ 'date-parts': [[2026, 12, 3]] });
    expect(item?.['publisher']).toBe('Transcript archive');
    expect(item?.['URL']).toBe('https://archive.example/transcripts/press-conference/');
  });

  test('CSL-JSON', () => {
    const csl = JSON.parse(cite({ ...organisation, quote: 'A question.' }, 'csl-json')) as Record<string, unknown>[];
    expect(csl).toEqual([
      {
        id: 'press-conference-t1',
        type: 'speech',
        title: 'Press conference on security cooperation, turn t1',
        author: [{ literal: 'China Central Television' }],
        issued: { 'date-parts': [[2024, 9, 5]] },
        publisher: 'Transcript archive',
        genre: 'Transcript',
        URL: 'https://archive.example/transcripts/press-conference/#t1',
        accessed: { 'date-parts': [[2026, 12, 3]] },
        language: 'en',
        note: 'Quoted: “A question.”',
      },
    ]);
    const [item] = new Cite(csl).data as Record<string, unknown>[];
    expect(item?.['type']).toBe('speech');
    expect(item?.['author']).toEqual([{ literal: 'China Central Television' }]);
  });
});
