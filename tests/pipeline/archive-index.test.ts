/**
 * The index every page shares, built from the fixture archive: each speaker's
 * turns per topic (the "Turns by topic" chart) equal a count made the plain
 * way, turn by turn, a turn counting once per topic.
 */
import { describe, expect, it } from 'vitest';
import { ingestArchive } from '../../scripts/core/ingest-archive.ts';
import { readSeeds } from '../../scripts/ingest/read-seeds-fs.ts';
import { buildIndex } from '../../src/lib/archive-index.ts';

const archive = ingestArchive(await readSeeds('tests/fixtures/archive'));
const index = buildIndex(archive.transcripts, archive.speakers, archive.topics);

describe('archive index', () => {
  it('counts each speaker’s turns per topic as a turn-by-turn count does', () => {
    let checked = 0;
    for (const speaker of archive.speakers) {
      const plain = new Map<string, number>();
      for (const { transcript, turn } of index.turnsBySpeaker.get(speaker.slug) ?? []) {
        for (const topic of transcript.topics) {
          if (topic.matches.some((m) => m.turn === turn.id)) plain.set(topic.slug, (plain.get(topic.slug) ?? 0) + 1);
        }
      }
      const counted = index.topicTurnsBySpeaker.get(speaker.slug) ?? new Map();
      expect(Object.fromEntries(counted), speaker.slug).toEqual(Object.fromEntries(plain));
      checked += plain.size;
    }
    // The fixture files turns under topics: the comparison above compared something.
    expect(checked).toBeGreaterThan(5);
  });
});
