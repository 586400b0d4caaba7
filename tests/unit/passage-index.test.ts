/**
 * The passage index a build writes beside the vocabulary: every search
 * passage once, numbered in date order, served as Pagefind would give it;
 * each word's list names exactly the passages that say it (or another form
 * of it), and a Chinese word is found by its character pairs.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeVocabulary } from '../../scripts/search/vocabulary-fs.ts';
import {
  candidates,
  checkOrder,
  decodeList,
  type NumbersFile,
  numbersBucket,
  OWN_FILE_AT,
  type PostingsFile,
  passagePath,
  postingsBucket,
  postingsFolder,
  queryKeys,
  termWeight,
  textKeys,
  wordKeys,
} from '../../src/lib/passage-index.ts';
import type { PageData } from '../../src/lib/search-hits.ts';
import { holdsAll, noStem, type VocabularyManifest, wordsOf } from '../../src/lib/search-match.ts';
import { stemmerFor } from '../../src/lib/search-stem.ts';
import { PART_CHARS, searchPages } from '../../src/lib/search-versions.ts';
import { asFound } from '../helpers/search-page.ts';
import { completeTwin, translatedSketch } from '../helpers/twins.ts';

describe('keys, lists and candidates', () => {
  test('a spaced word is filed under its stem, a spaceless script under characters and pairs', async () => {
    const english = await stemmerFor('en');
    const keys = textKeys('Compiling the compilers; compiled twice.', english);
    expect(keys.get(english('compiled'))).toBe(3);
    expect(keys.get('the')).toBe(1);
    expect(queryKeys('compiles', english)).toEqual([english('compiled')]);
    const chinese = textKeys('电动 汽车', noStem);
    // Pairs run across the word break, as a turn is checked with its words run together.
    expect([...chinese.keys()].sort()).toEqual(['动', '动汽', '汽', '汽车', '电', '电动', '车'].sort());
    expect(queryKeys('电动汽车', noStem)).toEqual(['电动', '动汽', '汽车']);
    expect(queryKeys('车', noStem)).toEqual(['车']);
    expect(queryKeys('ai芯片', noStem)).toEqual(['i芯', '芯片']);
  });

  test("a text's keys are its paragraphs' words put together, as the build files them", async () => {
    // The build reads each paragraph's words once and files a page under them all (analyze-twin.ts).
    const english = await stemmerFor('en');
    const paragraphs = [
      'ΟΔΟΣ',
      '\u0301accent first, [a link](https://example.org) and ΣΟΦΟΣ.',
      '电动',
      '汽车 don’t stop',
      'ΟΔΟΣ',
    ];
    for (const stem of [english, noStem])
      expect(wordKeys(paragraphs.flatMap(wordsOf), stem)).toEqual(textKeys(paragraphs.join('\n'), stem));
    // Pairs of a spaceless script run across paragraphs, as across words.
    expect(wordKeys(paragraphs.flatMap(wordsOf), noStem).get('动汽')).toBe(1);
  });

  test('a weight grows with the count, less and less, and a longer passage weighs less', () => {
    const average = 1000;
    expect(termWeight(1, average, average)).toBe(10);
    expect(termWeight(2, average, average)).toBeGreaterThan(termWeight(1, average, average));
    expect(termWeight(20, average, average) - termWeight(10, average, average)).toBeLessThan(
      termWeight(2, average, average) - termWeight(1, average, average),
    );
    expect(termWeight(1_000_000, average, average)).toBe(22);
    expect(termWeight(1, 10 * average, average)).toBeLessThan(termWeight(1, average, average));
    expect(termWeight(1, average / 10, average)).toBeGreaterThan(termWeight(1, average, average));
    expect(termWeight(1, 1_000_000 * average, average)).toBe(1);
  });

  test('candidates hold every word; more of a rarer word ranks first; dates order either way', () => {
    const a = new Map([
      [1, 1],
      [2, 5],
      [7, 1],
    ]);
    const b = new Map([
      [2, 1],
      [7, 1],
      [9, 1],
    ]);
    const found = candidates([
      { lists: [a], idf: 3 },
      { lists: [b], idf: 1 },
    ]);
    expect([...found.keys()].sort()).toEqual([2, 7]);
    expect(checkOrder(found, 'relevance')).toEqual([2, 7]);
    expect(checkOrder(found, 'newest')).toEqual([7, 2]);
    expect(checkOrder(found, 'oldest')).toEqual([2, 7]);
    // A word with no list (said nowhere in this language) leaves no candidate.
    expect(
      candidates([
        { lists: [a], idf: 1 },
        { lists: [], idf: 1 },
      ]).size,
    ).toBe(0);
  });
});

describe('the files a build writes', () => {
  let site: string;
  let manifest: VocabularyManifest;
  const dir = (): string => join(site, 'search-words');
  const read = async <T>(path: string): Promise<T> => JSON.parse(await readFile(join(dir(), path), 'utf8')) as T;
  const long = Array.from({ length: 12 }, (_, i) => ({
    speaker: 'anna',
    paragraphs: [
      `Part ${i}: ${'the channel opened and the channel closed. '.repeat(40)}${i === 11 ? 'Untracked.' : ''}`,
    ],
  }));
  const sketches = {
    newer: {
      language: 'en',
      date: '2024-05-01',
      speakers: [{ slug: 'anna', name: 'Anna Berg' }],
      turns: long,
    },
    undated: {
      language: 'en',
      speakers: [{ slug: 'ben', name: 'Ben Okafor' }],
      turns: [{ speaker: 'ben', paragraphs: ['Compiling takes a while.'] }],
    },
    older: translatedSketch(['电动汽车 和 Lightning channel。', '现在 Taproot。'], '2019-01-02'),
  };
  const twins = Object.entries(sketches).map(([slug, sketch]) => completeTwin(slug, sketch));

  beforeAll(async () => {
    site = await mkdtemp(join(tmpdir(), 'passage-index-'));
    const files = await Promise.all(
      twins.map(async (twin) => {
        const file = join(site, `${twin.slug}.json`);
        await writeFile(file, JSON.stringify(twin));
        return file;
      }),
    );
    manifest = await writeVocabulary(site, files);
  });

  afterAll(async () => {
    await rm(site, { recursive: true, force: true });
  });

  /** Every passage's data, by number. */
  const passages = async (): Promise<PageData[]> =>
    Promise.all(Array.from({ length: manifest.passages.count }, (_, n) => read<PageData>(passagePath(n))));

  /** The passages a language's list for a query word names. */
  async function listed(language: string, word: string): Promise<number[]> {
    const stem = await stemmerFor(language);
    const lists = await Promise.all(
      queryKeys(word, stem).map(async (key) => {
        const buckets = manifest.passages.buckets[language] ?? 1;
        const file = await read<PostingsFile>(`${postingsFolder(language)}/${postingsBucket(key, buckets)}.json`);
        const entry = file[key];
        if (entry === undefined) return new Map<number, number>();
        return decodeList(
          typeof entry === 'string' ? await read<number[]>(`${postingsFolder(language)}/${entry}.json`) : entry,
        );
      }),
    );
    return [...candidates([{ lists, idf: 1 }]).keys()].sort((a, b) => a - b);
  }

  test('every search page is one passage, numbered by date, undated first, served as Pagefind gives it', async () => {
    const pages = twins.flatMap((twin) => searchPages(twin));
    expect(pages.length).toBeGreaterThan(4);
    expect(manifest.passages.count).toBe(pages.length);
    const served = await passages();
    const byUrl = new Map(pages.map((p) => [asFound(p).url, asFound(p)]));
    for (const data of served) {
      const found = byUrl.get(data.url);
      expect(found, data.url).toBeDefined();
      expect(data.meta).toEqual(found?.meta);
      expect(data.content).toBe(found?.content);
      expect(data.filters?.['year']).toEqual(found?.filters?.['year']);
      expect(data.filters?.['language']).toEqual(found?.filters?.['language']);
    }
    // Each passage's number by its address, for the passages Pagefind finds by their filters.
    for (const [n, data] of served.entries()) {
      const file = await read<NumbersFile>(`numbers/${numbersBucket(data.url, manifest.passages.numbers)}.json`);
      expect(file[data.url]).toBe(n);
    }
    const order = served.map((d) => d.meta['page'] ?? d.url);
    expect(order[0]).toBe('/transcripts/undated/');
    expect(order.indexOf('/transcripts/older/')).toBeLessThan(order.indexOf('/transcripts/newer/'));
    // The long transcript is in parts, each within the part size.
    const parts = served.filter((d) => (d.meta['page'] ?? d.url) === '/transcripts/newer/');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.content.length).toBeLessThanOrEqual(PART_CHARS);
  });

  test('a word’s list names exactly the passages that say it or another form of it', async () => {
    const served = await passages();
    const english = await stemmerFor('en');
    for (const word of ['channel', 'channels', 'untracked', 'compiled', 'taproot', 'opened']) {
      const holding = served.flatMap((d, n) =>
        d.filters?.['language']?.[0] === 'English' && holdsAll(d.content, [word], english) ? [n] : [],
      );
      expect(holding.length, word).toBeGreaterThan(0);
      expect(await listed('en', word), word).toEqual(holding);
    }
    expect(await listed('en', 'xyzzyq')).toEqual([]);
    // `untracked` is said only in the last part of the long transcript.
    const [part] = await listed('en', 'untracked');
    expect(served[part ?? -1]?.meta['page']).toBe('/transcripts/newer/');
  });

  test('a Chinese word is found by its pairs in the Chinese version, a Latin word in it by its own list', async () => {
    const served = await passages();
    const zh = await listed('zh', '电动汽车');
    expect(zh).toHaveLength(1);
    expect(served[zh[0] ?? -1]?.url).toBe('/transcripts/older/zh/');
    expect(await listed('zh', 'lightning')).toEqual(zh);
    expect(await listed('zh', '汽电')).toEqual([]);
    expect(await listed('en', '电动汽车')).toEqual([]);
  });

  test('a list too long to share a bucket is in a file of its own', async () => {
    const many = await mkdtemp(join(tmpdir(), 'passage-index-many-'));
    try {
      // One word said in more passages than a shared list may name, another in one.
      const count = OWN_FILE_AT / 2 + 5;
      const files = await Promise.all(
        Array.from({ length: count }, async (_, i) => {
          const file = join(many, `m${i}.json`);
          const said = i === 7 ? 'Everywhere, and rarely.' : 'Everywhere.';
          await writeFile(
            file,
            JSON.stringify(completeTwin(`m${i}`, { language: 'en', speakers: [], turns: [{ paragraphs: [said] }] })),
          );
          return file;
        }),
      );
      const written = await writeVocabulary(many, files);
      const english = await stemmerFor('en');
      const buckets = written.passages.buckets['en'] ?? 1;
      const fileOf = async (word: string): Promise<PostingsFile> =>
        JSON.parse(
          await readFile(
            join(many, 'search-words', `${postingsFolder('en')}/${postingsBucket(english(word), buckets)}.json`),
            'utf8',
          ),
        ) as PostingsFile;
      const everywhere = (await fileOf('everywhere'))[english('everywhere')];
      expect(typeof everywhere).toBe('string');
      const own = JSON.parse(
        await readFile(join(many, 'search-words', `${postingsFolder('en')}/${everywhere}.json`), 'utf8'),
      ) as number[];
      expect([...decodeList(own).keys()]).toEqual(Array.from({ length: count }, (_, n) => n));
      // Undated passages are numbered in the order of their twins' paths.
      const seventh = [...files].sort().indexOf(join(many, 'm7.json'));
      const rarely = (await fileOf('rarely'))[english('rarely')];
      expect([...decodeList(Array.isArray(rarely) ? rarely : []).keys()]).toEqual([seventh]);
      // The longer passage says `everywhere` once, as the others do: it weighs less.
      const weights = decodeList(own);
      const other = seventh === 0 ? 1 : 0;
      expect(weights.get(seventh)).toBeLessThan(weights.get(other) ?? 0);
    } finally {
      await rm(many, { recursive: true, force: true });
    }
  });
});
