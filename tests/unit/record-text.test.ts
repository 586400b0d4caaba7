/**
 * The permalink record's file text, made with the entries the file before
 * already held as text: always `JSON.stringify(record, null, 2)` and a
 * newline, whichever entries were taken from before and whatever they hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PermalinkRecord, TranscriptRecord } from '../../scripts/core/permalinks/record.ts';
import { entryTexts, recordFrame, recordText, unchangedRecord } from '../../scripts/core/permalinks/record-text.ts';

const stringified = (record: PermalinkRecord): string => `${JSON.stringify(record, null, 2)}\n`;

/** Text as a record may hold it: quotes, escapes, line breaks, braces at any indentation, other scripts. */
const awkward = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    '"',
    '\\',
    '\n    }',
    '\n  }',
    '": {',
    '    "a": {',
    '{}',
    'é',
    '日本',
    '\u2028',
    '\u0000',
    '\u00000\u0000',
  ),
);

const entry: fc.Arbitrary<TranscriptRecord> = fc.record(
  {
    source: awkward,
    title: awkward,
    status: fc.constantFrom('live', 'moved', 'removed'),
    movedTo: fc.constantFrom('other', undefined),
    nextTurn: fc.integer({ min: 1, max: 500 }),
    turns: fc.dictionary(
      fc.constantFrom('t1', 't2', 't3', '4'),
      fc.record({
        speaker: awkward,
        fingerprint: fc.stringMatching(/^[0-9a-f]{0,8}$/),
        status: fc.constantFrom('live', 'removed'),
        earlier: fc.array(
          fc.record({ fingerprint: fc.stringMatching(/^[0-9a-f]{0,8}$/), paragraphs: fc.array(awkward) }),
          {
            maxLength: 2,
          },
        ),
      }),
    ),
    anchors: fc.array(awkward, { maxLength: 3 }),
    exchanges: fc.dictionary(fc.stringMatching(/^e[0-9]{1,2}$/), awkward, { maxKeys: 2 }),
  },
  { requiredKeys: ['source', 'title', 'status', 'nextTurn', 'turns', 'anchors', 'exchanges'] },
);

/**
 * Records whose slugs include ones that sort as array indices, which objects keep first. Keys are
 * slugs and ids, as in a record: none needs an escape in JSON. (Node 24's JSON.parse can decode an
 * escaped key as `\\` once its key cache holds another: nodejs/node#63785. Values are not affected.)
 */
const record: fc.Arbitrary<PermalinkRecord> = fc.record({
  version: fc.constant(1 as const),
  seeds: fc.constant('seeds'),
  transcripts: fc.dictionary(fc.stringMatching(/^[a-z0-9-]{1,8}$/), entry, { maxKeys: 6 }),
  speakers: fc.dictionary(
    fc.stringMatching(/^[a-z]{1,5}$/),
    fc.record({ name: awkward, status: fc.constant('live' as const) }),
  ),
  topics: fc.constant({}),
});

describe('the permalink record file text', () => {
  it('is the record stringified, with or without the entries before', () => {
    fc.assert(
      fc.property(record, fc.array(fc.boolean(), { maxLength: 6 }), entry, (before, changes, replacement) => {
        const text = stringified(before);
        expect(recordText(before)).toBe(text);
        // Read back as the ingest reads it, some entries then replaced as reconciliation does (a new object).
        const read = JSON.parse(text) as PermalinkRecord;
        const earlier = entryTexts(text, read);
        expect(earlier.size).toBe(Object.keys(read.transcripts).length);
        expect(recordText(read, earlier)).toBe(text);
        const next = { ...read, transcripts: { ...read.transcripts } };
        for (const [i, slug] of Object.keys(next.transcripts).entries())
          if (changes[i]) next.transcripts[slug] = { ...replacement };
        next.transcripts['added-now'] = replacement;
        expect(recordText(next, earlier)).toBe(stringified(next));
      }),
      { numRuns: 300 },
    );
  });

  it('is said unchanged only when it would be written as the text it was read from', () => {
    fc.assert(
      fc.property(
        record,
        fc.constantFrom('none', 'entry', 'added', 'removed', 'reordered', 'speaker'),
        entry,
        (before, change, replacement) => {
          const text = stringified(before);
          const read = JSON.parse(text) as PermalinkRecord;
          const earlier = entryTexts(text, read);
          const frame = recordFrame(read);
          // As the ingest writes it: a new record object holding the entries it read, then one change.
          const next: PermalinkRecord = {
            ...read,
            transcripts: { ...read.transcripts },
            speakers: { ...read.speakers },
          };
          const [first] = Object.keys(next.transcripts);
          if (change === 'entry' && first)
            next.transcripts[first] = { ...(next.transcripts[first] as TranscriptRecord) };
          if (change === 'added') next.transcripts['added-now'] = replacement;
          if (change === 'removed' && first) delete next.transcripts[first];
          if (change === 'reordered') next.transcripts = Object.fromEntries(Object.entries(next.transcripts).reverse());
          if (change === 'speaker') next.speakers['zz-new'] = { name: 'New', status: 'live' };
          const unchanged = unchangedRecord(next, earlier, frame);
          if (unchanged) expect(recordText(next, earlier)).toBe(text);
          if (change === 'none') expect(unchanged).toBe(true);
          if (change === 'added' || change === 'speaker' || (change === 'removed' && first))
            expect(unchanged).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes no entry from text in another layout', () => {
    fc.assert(
      fc.property(record, (before) => {
        for (const text of [
          JSON.stringify(before),
          JSON.stringify(before, null, 4),
          JSON.stringify(before, null, '\t'),
        ])
          expect(entryTexts(text, JSON.parse(text) as PermalinkRecord).size).toBe(0);
      }),
    );
  });

  it('gives an entry only the text it was parsed from', () => {
    const before: PermalinkRecord = {
      version: 1,
      transcripts: {
        a: { source: 'a.md', title: 'A', status: 'live', nextTurn: 1, turns: {}, anchors: [], exchanges: {} },
      },
      speakers: {},
      topics: {},
    };
    const text = stringified(before);
    // The same entry's value, but another object than the one parsed from the text: stringified anew.
    const earlier = entryTexts(text, JSON.parse(text) as PermalinkRecord);
    const edited = { ...before, transcripts: { a: { ...before.transcripts.a, title: 'B' } as TranscriptRecord } };
    expect(recordText(edited, earlier)).toBe(stringified(edited));
    expect(recordText(edited, earlier)).toContain('"title": "B"');
  });
});
