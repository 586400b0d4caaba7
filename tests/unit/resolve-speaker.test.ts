import { expect, test } from 'vitest';
import { inferSpeakerKind, labelToSpeaker } from '../../scripts/core/resolve-speaker.ts';

test.each([
  ['China Central Television (CCTV)', 'organisation'],
  ['Reuters', 'organisation'],
  ['Xinhua News Agency', 'organisation'],
  ['Phoenix TV', 'organisation'],
  ['NHK', 'organisation'],
  ['BBC', 'organisation'],
  ['AA', 'person'],
  ['SJ', 'person'],
  ['Qi Yanjun', 'person'],
  ['Ms. Jane Doe', 'person'],
  ['Council Member Sam Reyes', 'person'],
  ['Foreign Ministry Spokesperson Mao Ning', 'person'],
  ['BBC Correspondent Ann Lee', 'person'],
  ['City Council', 'organisation'],
  ['Office of the President', 'organisation'],
  ['Ministry of Foreign Affairs', 'organisation'],
  ['Moderator', 'role'],
  ['Q', 'role'],
  ['Speaker 0', 'role'],
  ['Speaker_3', 'role'],
  ['Audience 2', 'role'],
  ['Reporter 1', 'role'],
  ['Audience member', 'role'],
])('%j is inferred to be a %s', (name, kind) => {
  expect(inferSpeakerKind(name)).toBe(kind);
});

test('a trailing acronym becomes the short name and an alias, with the bare name', () => {
  expect(labelToSpeaker('China Central Television (CCTV)')).toEqual({
    slug: 'china-central-television-cctv',
    name: 'China Central Television (CCTV)',
    kind: 'organisation',
    shortName: 'CCTV',
    aliases: ['CCTV', 'China Central Television'],
    source: 'inferred',
    roles: [],
    links: [],
  });
});
