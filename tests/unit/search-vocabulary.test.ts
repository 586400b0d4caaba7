/**
 * The search vocabulary a build writes (`/search-words/`): the one file a
 * query word is looked up in holds every language's count of it and the
 * speakers named by it, and a typo's few close-match files hold the word meant.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeVocabulary } from '../../scripts/search/vocabulary-fs.ts';
import {
  nearBucket,
  nearKeys,
  nearLengths,
  suggestions,
  type VocabularyFile,
  type VocabularyManifest,
  vocabularyBucket,
} from '../../src/lib/search-match.ts';
import { completeTwin, translatedSketch } from '../helpers/twins.ts';

let site: string;
let manifest: VocabularyManifest;
const read = async <T>(path: string): Promise<T> =>
  JSON.parse(await readFile(join(site, 'search-words', `${path}.json`), 'utf8')) as T;

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'search-vocabulary-'));
  const twins = [
    {
      language: 'en',
      speakers: [{ slug: 'mark-russinovich', name: 'Mark Russinovich' }],
      turns: [
        { paragraphs: ['The mempool is full.', 'Read [the mempool docs](https://x.invalid/kubernetes).'] },
        { paragraphs: ['Mempool fees rose; cooperation helped.'] },
        { paragraphs: ['A mempol typo, once.'] },
      ],
    },
    { language: 'es', speakers: [], turns: [{ paragraphs: ['La cooperación y el mempool.'] }] },
    translatedSketch(['打开了 Lightning channel。', '现在 Taproot 和 Schnorr。']),
  ];
  const files = await Promise.all(
    twins.map(async (twin, i) => {
      const file = join(site, `t${i}.json`);
      await writeFile(file, JSON.stringify(completeTwin(`t${i}`, twin)));
      return file;
    }),
  );
  manifest = await writeVocabulary(site, files);
});

afterAll(async () => {
  await rm(site, { recursive: true, force: true });
});

test('a word’s one file holds how many turns of each language say it, and the speakers its name names', async () => {
  expect(manifest.languages.map((l) => [l.code, l.name, l.turns])).toEqual([
    ['en', 'English', 5],
    ['es', 'Spanish', 1],
    ['zh', 'Chinese', 2],
  ]);
  const mempool = await read<VocabularyFile>(`words/${vocabularyBucket('mempool', manifest.buckets)}`);
  expect(mempool.languages['en']?.['mempool']).toBe(2);
  expect(mempool.languages['es']?.['mempool']).toBe(1);
  // A link's address is not spoken text.
  const kubernetes = await read<VocabularyFile>(`words/${vocabularyBucket('kubernetes', manifest.buckets)}`);
  expect(kubernetes.languages['en']?.['kubernetes']).toBeUndefined();
  const named = await read<VocabularyFile>(`words/${vocabularyBucket('russinovich', manifest.buckets)}`);
  expect(named.speakers['russinovich']).toEqual([['Mark Russinovich', '/speakers/mark-russinovich/']]);
});

test('a typo’s close-match files hold the word meant, counted over every language; a word said once is not offered', async () => {
  const near: Record<string, number> = {};
  for (const typo of ['mempol', 'bempool']) {
    const buckets = new Set(nearKeys(typo, nearLengths(typo)).map((k) => nearBucket(k, manifest.near)));
    for (const b of buckets) Object.assign(near, await read<Record<string, number>>(`near/${b}`));
    expect(suggestions(typo, near)[0]).toBe('mempool');
  }
  expect(near['mempool']).toBe(3);
  expect(near['mempol']).toBeUndefined();
});

test('a version’s turn that says a word its original turn says is counted as an echo of it', async () => {
  const file = async (w: string) => read<VocabularyFile>(`words/${vocabularyBucket(w, manifest.buckets)}`);
  // Both Chinese turns say their Latin words; only Schnorr is the version's own (its original does not say it).
  expect((await file('lightning')).languages['zh']?.['lightning']).toBe(1);
  expect((await file('lightning')).echoes?.['zh']?.['lightning']).toBe(1);
  expect((await file('taproot')).echoes?.['zh']?.['taproot']).toBe(1);
  expect((await file('schnorr')).languages['zh']?.['schnorr']).toBe(1);
  expect((await file('schnorr')).echoes?.['zh']?.['schnorr']).toBeUndefined();
  // An original's words are never echoes.
  expect((await file('lightning')).echoes?.['en']).toBeUndefined();
});
