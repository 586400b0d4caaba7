import { describe, expect, it } from 'vitest';
import { EMPTY_RECORD, readRecordText } from '../../scripts/core/permalinks/record.ts';
import { keyedRecord, seedsKey } from '../../scripts/lib/permalink-record-fs.ts';

const whole = `${JSON.stringify({ ...EMPTY_RECORD, seeds: 'seeds' }, null, 2)}\n`;

describe('reading the permalink record', () => {
  it('reads a whole record', () => {
    expect(readRecordText(whole)).toEqual({ kind: 'record', record: { ...EMPTY_RECORD, seeds: 'seeds' } });
  });

  it('tells a missing record from a damaged one', () => {
    expect(readRecordText(undefined)).toEqual({ kind: 'missing' });
  });

  it.each([
    ['empty', '', 'the file is empty'],
    ['blank', '  \n', 'the file is empty'],
    ['truncated', whole.slice(0, 30), 'not valid JSON'],
    ['only a version', '{"version":1}', 'transcripts'],
    ['another version', '{"version":2,"transcripts":{},"speakers":{},"topics":{}}', 'version'],
    ['an array', '[]', 'expected object'],
  ])('never takes a record that is %s for an empty one', (_, text, why) => {
    const reading = readRecordText(text);
    expect(reading.kind).toBe('damaged');
    expect(reading.kind === 'damaged' && reading.why).toContain(why);
  });
});

describe('the record belongs to its seeds folder', () => {
  it('names the seeds folder relative to the content folder’s parent', () => {
    expect(seedsKey('/p/content', '/p/seeds')).toBe('seeds');
    expect(seedsKey('/p/content/archives/samples', '/data/samples')).toBe('../../../data/samples');
  });

  it('writes the owner right after the version', () => {
    expect(Object.keys(keyedRecord({ ...EMPTY_RECORD, seeds: 'old' }, 'seeds'))).toEqual([
      'version',
      'seeds',
      'transcripts',
      'speakers',
      'topics',
    ]);
  });
});
