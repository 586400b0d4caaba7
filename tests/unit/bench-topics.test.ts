import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { withBenchTopics } from '../../scripts/bench/bench-topics.ts';
import { TopicRulesFileSchema } from '../../scripts/core/schema.ts';

test("the bench topics join the seed's topic list, and the file stays valid with its blocked phrases", () => {
  const seed = readFileSync('seeds/topics.yaml', 'utf8');
  const before = TopicRulesFileSchema.parse(parse(seed));
  const after = TopicRulesFileSchema.parse(parse(withBenchTopics(seed)));
  expect(after.topics.map((t) => t.name)).toEqual([
    ...before.topics.map((t) => t.name),
    'Lightning Network',
    'Open source',
    'JavaScript',
    'Privacy',
  ]);
  expect(after.block).toEqual(before.block);
  expect(before.block.length).toBeGreaterThan(0);
});
