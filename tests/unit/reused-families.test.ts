/**
 * An original and its language versions make one record, parsed together.
 * When none of a family's files changed and its members are the last run's,
 * the family is reused whole instead, and the archive is the one a clean run
 * makes. A version edited, removed or added (by name or by a metadata
 * pointer) brings the whole family back to be parsed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type Archive, ingestArchive, type SourceFile } from '../../scripts/core/ingest-archive.ts';
import { sourceFile } from '../helpers/source-file.ts';

const source = sourceFile;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/archive/${name}`, import.meta.url), 'utf8');
const registry = { file: 'speakers.yaml', text: fixture('speakers.yaml') };
const FLOOD = '2024-07-02-flood-relief-briefing';

/** Two families (one joined by file name, one by a metadata pointer whose tags curate a topic) and one transcript alone. */
const archiveFiles = (): SourceFile[] => [
  source(`${FLOOD}.txt`, fixture(`${FLOOD}.txt`)),
  source(`${FLOOD}.zh.txt`, fixture(`${FLOOD}.zh.txt`)),
  source('briefing.txt', 'Anna Berg:\nHello. The rain gauges are full.\nBen Ode:\nA question.\n', 'prevails: en\n'),
  source(
    'chinese.txt',
    '安娜：\n你好。\n本：\n一个问题。\n',
    'translationOf: briefing.txt\nlanguage: zh-Hans\ntags:\n  - rain gauges\n',
  ),
  source('solo.txt', 'Anna Berg:\nOn my own, about the harbour wall.\n'),
];

const clean = (sources: SourceFile[]): Archive => ingestArchive({ sources, speakerRegistry: registry });
const nextRun = (first: Archive, sources: SourceFile[]): Archive =>
  ingestArchive({ sources, speakerRegistry: registry, previous: first.ingested, previousTopics: first.topicsKey });
const parsed = (archive: Archive): string[] => archive.transcripts.map((t) => t.source.file).sort();

/** The same archive: what the next run keeps, the reports, speakers and topics, in the same order. */
function expectSame(incremental: Archive, fresh: Archive): void {
  expect(JSON.stringify([...incremental.ingested])).toBe(JSON.stringify([...fresh.ingested]));
  expect(incremental.files).toEqual(fresh.files);
  expect(incremental.speakers).toEqual(fresh.speakers);
  expect(incremental.topics).toEqual(fresh.topics);
  expect(incremental.topicsKey).toBe(fresh.topicsKey);
  expect(incremental.problems).toEqual(fresh.problems);
}

describe('a family of language versions between runs', () => {
  const first = clean(archiveFiles());

  test('unchanged, it is reused whole: none of its files is parsed, and the archive is what a clean run makes', () => {
    expect(first.topics.map((t) => t.slug)).toContain('rain-gauges');
    const sources = [...archiveFiles(), source('new.txt', 'Ben Ode:\nSomething new.\n')];
    const incremental = nextRun(first, sources);
    expect(parsed(incremental)).toEqual(['new.txt']);
    expectSame(incremental, clean(sources));
    expect(incremental.ingested.get('chinese.txt')?.versionOf).toBe('briefing.txt');
    expect(incremental.ingested.get(`${FLOOD}.txt`)?.hasVersions).toBe(true);
  });

  test('a version edited: its family is parsed again, the other is not', () => {
    const sources = archiveFiles().map((s) =>
      s.file === `${FLOOD}.zh.txt` ? source(s.file, `${fixture(`${FLOOD}.zh.txt`)}\n毛宁：\n谢谢。\n`) : s,
    );
    const incremental = nextRun(first, sources);
    expect(parsed(incremental)).toEqual([`${FLOOD}.txt`]);
    expectSame(incremental, clean(sources));
  });

  test('a version removed: its original is parsed again, without it', () => {
    const sources = archiveFiles().filter((s) => s.file !== 'chinese.txt');
    const incremental = nextRun(first, sources);
    expect(parsed(incremental)).toEqual(['briefing.txt']);
    expect(incremental.transcripts[0]?.versions).toEqual([]);
    expectSame(incremental, clean(sources));
  });

  test('a version added by a metadata pointer or by name: the family is parsed again with every version', () => {
    const pointer = source(
      'deutsch.txt',
      'Anna Berg:\nHallo.\nBen Ode:\nEine Frage.\n',
      'translationOf: briefing.txt\nlanguage: de\n',
    );
    const byName = source('solo.de.txt', 'Anna Berg:\nAllein, über die Hafenmauer.\n');
    for (const added of [pointer, byName]) {
      const sources = [...archiveFiles(), added];
      const incremental = nextRun(first, sources);
      const original = added === pointer ? 'briefing.txt' : 'solo.txt';
      expect(parsed(incremental)).toEqual([original]);
      const versions = incremental.transcripts[0]?.versions.map((v) => v.source.file).sort();
      expect(versions).toEqual(added === pointer ? ['chinese.txt', 'deutsch.txt'] : ['solo.de.txt']);
      expectSame(incremental, clean(sources));
    }
  });
});
