/**
 * The permalink record's file, read back as the ingest reads its own (each
 * entry's bytes found, its values parsed when first read) and written with
 * the bytes of the entries left as they were: always the record parsed
 * whole, and always `JSON.stringify(record, null, 2)` and a newline,
 * whichever entries were taken from before and whatever they hold.
 */
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PermalinkRecord, TranscriptRecord } from '../../scripts/core/permalinks/record.ts';
import {
  readOwnRecord,
  recordChunks,
  recordText,
  sameBytes,
  unchangedRecord,
} from '../../scripts/core/permalinks/record-text.ts';

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

/** The record as the ingest reads its own file back: `undefined` when it has no transcripts (another layout then). */
const readBack = (text: string) => {
  const own = readOwnRecord(Buffer.from(text));
  expect(own === undefined).toBe(!text.includes('"transcripts": {\n'));
  return own;
};

describe('the permalink record file', () => {
  it('is the record stringified, with or without the entries read before', () => {
    fc.assert(
      fc.property(record, fc.array(fc.boolean(), { maxLength: 6 }), entry, (before, changes, replacement) => {
        const text = stringified(before);
        expect(recordText(before)).toBe(text);
        // Read back as the ingest reads it, some entries then replaced as reconciliation does (a new object).
        const own = readBack(text);
        if (!own) return;
        const { record: read, entries } = own;
        expect(entries.size).toBe(Object.keys(read.transcripts).length);
        expect(recordText(read, entries)).toBe(text);
        expect(sameBytes(recordChunks(read, entries), Buffer.from(text))).toBe(true);
        const next = { ...read, transcripts: { ...read.transcripts } };
        for (const [i, slug] of Object.keys(next.transcripts).entries())
          if (changes[i]) next.transcripts[slug] = { ...replacement };
        next.transcripts['added-now'] = replacement;
        expect(recordText(next, entries)).toBe(stringified(next));
        expect(sameBytes(recordChunks(next, entries), Buffer.from(text))).toBe(false);
        // Its entries, read lazily, are the record parsed whole.
        expect(read).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads an entry lazily as it was parsed whole: spread, set before read, stringified', () => {
    fc.assert(
      fc.property(record, entry, (before, replacement) => {
        const text = stringified(before);
        const read = readBack(text)?.record;
        const whole = JSON.parse(text) as PermalinkRecord;
        for (const [slug, lazy] of Object.entries(read?.transcripts ?? {})) {
          expect(JSON.stringify(lazy, null, 2)).toBe(JSON.stringify(whole.transcripts[slug], null, 2));
          expect({ ...lazy }).toEqual(whole.transcripts[slug]);
        }
        const [first] = Object.values(readBack(text)?.record.transcripts ?? {});
        if (!first) return;
        first.turns = replacement.turns;
        first.anchors.push('new');
        expect(first.turns).toBe(replacement.turns);
        expect(first.anchors.at(-1)).toBe('new');
      }),
      { numRuns: 100 },
    );
  });

  it('is said unchanged only when it would be written as the bytes it was read from', () => {
    fc.assert(
      fc.property(
        record,
        fc.constantFrom('none', 'entry', 'added', 'removed', 'reordered', 'speaker'),
        entry,
        (before, change, replacement) => {
          const text = stringified(before);
          const own = readBack(text);
          if (!own) return;
          const { record: read, entries } = own;
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
          const unchanged = unchangedRecord(next, read);
          if (unchanged) expect(recordText(next, entries)).toBe(text);
          expect(sameBytes(recordChunks(next, entries), Buffer.from(text))).toBe(recordText(next, entries) === text);
          if (change === 'none') expect(unchanged).toBe(true);
          if (change === 'added' || change === 'speaker' || change === 'removed') expect(unchanged).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes nothing from a file in another layout', () => {
    fc.assert(
      fc.property(record, (before) => {
        for (const text of [
          JSON.stringify(before),
          JSON.stringify(before, null, 4),
          JSON.stringify(before, null, '\t'),
          `${JSON.stringify(before, null, 2)}`.replace(/\n {6}"/g, '\n       "'),
        ])
          expect(readOwnRecord(Buffer.from(text))).toBeUndefined();
      }),
    );
  });

  it('gives an entry only the bytes it was read from', () => {
    const before: PermalinkRecord = {
      version: 1,
      transcripts: {
        a: { source: 'a.md', title: 'A', status: 'live', nextTurn: 1, turns: {}, anchors: [], exchanges: {} },
      },
      speakers: {},
      topics: {},
    };
    const text = stringified(before);
    // The same entry's value, but another object than the one read from the file: stringified anew.
    const entries = readBack(text)?.entries;
    const edited = { ...before, transcripts: { a: { ...before.transcripts.a, title: 'B' } as TranscriptRecord } };
    expect(recordText(edited, entries)).toBe(stringified(edited));
    expect(recordText(edited, entries)).toContain('"title": "B"');
  });
});
