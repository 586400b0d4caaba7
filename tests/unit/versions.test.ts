/** Language versions: which files are versions of which, which one prevails, and which turn translates which. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ingestArchive, type SourceFile } from '../../scripts/core/ingest-archive.ts';
import { publishedUrls, retiredPages } from '../../scripts/core/permalinks/record.ts';
import type { Transcript } from '../../scripts/core/schema.ts';
import { transcriptToTwin } from '../../scripts/core/to-twin.ts';
import { type AlignableTurn, alignVersions } from '../../scripts/core/versions/align-versions.ts';
import { originalFileName, versionOriginals } from '../../scripts/core/versions/group-versions.ts';
import { prevailingLanguage } from '../../scripts/core/versions/prevails.ts';
import { turnMap, versionNote, versionView } from '../../scripts/core/versions/version-view.ts';
import { oneHitPerTurn, type PageData, turnsOf, valueCounts } from '../../src/lib/search-hits.ts';
import type { SearchState } from '../../src/lib/search-state.ts';
import { searchPages } from '../../src/lib/search-versions.ts';
import { parallelRows, prevailsNote } from '../../src/lib/version-page.ts';
import { EMPTY_STATE, publish, sitesRetiredPages } from '../helpers/publish.ts';
import { asFound } from '../helpers/search-page.ts';

const enc = new TextEncoder();
const source = (file: string, text: string, meta?: string): SourceFile => ({
  file,
  bytes: enc.encode(text),
  hash: `${file}:${text.length}:${meta ?? ''}`,
  ...(meta === undefined ? {} : { meta: { file: file.replace(/\.[a-z]+$/, '.yaml'), text: meta } }),
});
const fixture = (name: string) => readFileSync(new URL(`../fixtures/archive/${name}`, import.meta.url), 'utf8');
const registry = { file: 'speakers.yaml', text: fixture('speakers.yaml') };

describe('grouping', () => {
  test('a <name>.<lang>.<ext> file is a version of the <name>.<ext> beside it', () => {
    expect(originalFileName('2021/talk.zh.md')).toBe('2021/talk.md');
    expect(originalFileName('talk.pt-BR.md')).toBe('talk.md');
    expect(originalFileName('talk.md')).toBeUndefined();
    const { originals } = versionOriginals(['a/talk.md', 'a/talk.zh.md', 'a/talk.es.md', 'b/alone.es.md']);
    expect([...originals]).toEqual([
      ['a/talk.zh.md', 'a/talk.md'],
      ['a/talk.es.md', 'a/talk.md'],
    ]);
  });

  test('metadata names the original by file (beside it or from the seeds folder) or by slug', () => {
    const { originals, problems } = versionOriginals(
      ['x/briefing.txt', 'x/briefing-chinese.txt', 'y/other.txt', 'z/third.txt', 'z/lost.txt'],
      new Map([
        ['x/briefing-chinese.txt', 'briefing.txt'],
        ['y/other.txt', 'x/briefing.txt'],
        ['z/third.txt', 'the-briefing'],
        ['z/lost.txt', 'nowhere.txt'],
      ]),
      new Map([['x/briefing.txt', 'the-briefing']]),
    );
    expect(Object.fromEntries(originals)).toEqual({
      'x/briefing-chinese.txt': 'x/briefing.txt',
      'y/other.txt': 'x/briefing.txt',
      'z/third.txt': 'x/briefing.txt',
    });
    expect(problems.map((p) => [p.code, p.file])).toEqual([['unknown-original', 'z/lost.txt']]);
  });

  test('a version of a version belongs to the first original; a loop of pointers joins nothing', () => {
    const chain = versionOriginals(
      ['a.txt', 'b.txt', 'c.txt'],
      new Map([
        ['b.txt', 'a.txt'],
        ['c.txt', 'b.txt'],
      ]),
    );
    expect(Object.fromEntries(chain.originals)).toEqual({ 'b.txt': 'a.txt', 'c.txt': 'a.txt' });
    const loop = versionOriginals(
      ['a.txt', 'b.txt'],
      new Map([
        ['a.txt', 'b.txt'],
        ['b.txt', 'a.txt'],
      ]),
    );
    expect(loop.originals.size).toBe(0);
  });
});

describe('which version prevails', () => {
  test.each([
    [
      'In case of any discrepancy between the English and Chinese texts, the Chinese version is deemed to prevail.',
      'zh',
    ],
    ['Should the texts differ, the French text shall prevail.', 'fr'],
    ['The English version is authoritative.', 'en'],
    ['Both texts are published; the Spanish original takes precedence over this translation.', 'es'],
    ['如中英文版本有任何差异，以中文版本为准。', 'zh'],
    ['以英文为准。', 'en'],
  ])('%s → %s', (note, language) => {
    expect(prevailingLanguage([note])).toBe(language);
  });

  test.each([
    ['This transcript has been edited for clarity.'],
    ['The Chinese version is available on request.'],
    ['Translated and edited by the press office.'],
  ])('no language prevails in: %s', (note) => {
    expect(prevailingLanguage([note])).toBeUndefined();
  });
});

describe('alignment', () => {
  const turn = (id: string, speaker: string, length = 100, paragraphs = 1, start?: number): AlignableTurn => ({
    id,
    speaker,
    length,
    paragraphs,
    start,
  });
  const kinds = (a: AlignableTurn[], b: AlignableTurn[]) =>
    alignVersions(a, b).pairs.map((p) => `${p.original ?? '-'}:${p.version ?? '-'}:${p.kind}`);

  test('the same speakers in the same order pair turn for turn: t3 with t3', () => {
    const en = [turn('t1', 'mao'), turn('t2', 'cctv'), turn('t3', 'mao'), turn('t4', 'afp')];
    const zh = [turn('t1', 'mao'), turn('t2', 'cctv'), turn('t3', 'mao'), turn('t4', 'afp')];
    const a = alignVersions(en, zh);
    expect(a.toVersion.get('t3')).toBe('t3');
    expect(a.pairs.every((p) => p.kind === 'aligned')).toBe(true);
  });

  test('an answer split in two is a split, paired with the turn whose share of the text it matches', () => {
    const en = [turn('t1', 'q', 50), turn('t2', 'mao', 400), turn('t3', 'mao', 40)];
    const zh = [turn('t1', 'q', 50), turn('t2', 'mao', 200), turn('t3', 'mao', 200), turn('t4', 'mao', 40)];
    expect(kinds(en, zh)).toEqual(['t1:t1:aligned', 't2:t2:aligned', 't2:t3:split', 't3:t4:aligned']);
    expect(alignVersions(en, zh).toOriginal.get('t4')).toBe('t3');
  });

  test('two turns joined in the version are a merge', () => {
    const en = [turn('t1', 'q'), turn('t2', 'mao', 100), turn('t3', 'mao', 100)];
    const zh = [turn('t1', 'q'), turn('t2', 'mao', 200)];
    expect(kinds(en, zh)).toEqual(['t1:t1:aligned', 't2:t2:aligned', 't3:t2:merged']);
  });

  test('a turn the version leaves out is missing; one it adds is added', () => {
    const en = [turn('t1', 'mao'), turn('t2', 'cctv'), turn('t3', 'mao')];
    const zh = [turn('t1', 'mao'), turn('t2', 'mao')];
    expect(kinds(en, zh)).toEqual(['t1:t1:aligned', 't2:-:missing', 't3:t2:aligned']);
    expect(kinds(zh, en)).toEqual(['t1:t1:aligned', '-:t2:added', 't2:t3:aligned']);
  });

  test('a speaker heard in only one version may be anyone; one heard in both must match', () => {
    // `reporter` is heard only in the version: it can stand for `afp`.
    expect(kinds([turn('t1', 'mao'), turn('t2', 'afp')], [turn('t1', 'mao'), turn('t2', 'reporter')])).toEqual([
      't1:t1:aligned',
      't2:t2:aligned',
    ]);
    // `cctv` is heard in both: it is not `afp`.
    expect(
      kinds([turn('t1', 'cctv'), turn('t2', 'afp')], [turn('t1', 'cctv'), turn('t2', 'cctv')]).filter((k) =>
        k.endsWith('aligned'),
      ),
    ).toEqual(['t1:t1:aligned']);
  });

  test('start times decide between turns the speakers cannot tell apart', () => {
    const en = [turn('t1', 'a', 100, 1, 0), turn('t2', 'a', 100, 1, 60), turn('t3', 'a', 100, 1, 120)];
    const zh = [turn('t1', 'a', 100, 1, 60), turn('t2', 'a', 100, 1, 120)];
    expect(kinds(en, zh)).toEqual(['t1:-:missing', 't2:t1:aligned', 't3:t2:aligned']);
  });
});

describe('one transcript with its versions', () => {
  const flood = ingestArchive({
    sources: [
      source('2024-07-02-flood-relief-briefing.txt', fixture('2024-07-02-flood-relief-briefing.txt')),
      source('2024-07-02-flood-relief-briefing.zh.txt', fixture('2024-07-02-flood-relief-briefing.zh.txt')),
    ],
    speakerRegistry: registry,
  });
  const [t] = flood.transcripts;

  test('the Chinese file is a version of the English one: one transcript, one slug', () => {
    expect(flood.transcripts.map((x) => x.slug)).toEqual(['2024-07-02-flood-relief-briefing']);
    expect(t?.versions.map((v) => [v.language, v.source.file])).toEqual([
      ['zh', '2024-07-02-flood-relief-briefing.zh.txt'],
    ]);
    expect([...flood.ingested.values()].map((f) => [f.slug, f.versionOf ?? null]).sort()).toEqual([
      ['2024-07-02-flood-relief-briefing', null],
      ['2024-07-02-flood-relief-briefing', '2024-07-02-flood-relief-briefing.txt'],
    ]);
  });

  test('speakers resolve across languages: 毛宁 through the registry, unknown labels through the alignment', () => {
    const zh = t?.versions[0];
    expect(zh?.participants.map((p) => [p.speaker, p.labels])).toEqual([
      ['mao-ning', ['毛宁']],
      ['xinhua-news-agency', ['新华社记者']],
      ['reuters', ['路透社记者']],
    ]);
    // One page per speaker and outlet: none for the Chinese labels.
    expect(flood.speakers.map((s) => s.slug).sort()).toEqual(['mao-ning', 'reuters', 'xinhua-news-agency']);
  });

  test('the split answer is listed for --report at its file and line', () => {
    const report = flood.files.find((f) => f.file.endsWith('.zh.txt'));
    expect(report?.versionOf).toBe('2024-07-02-flood-relief-briefing.txt');
    expect(report?.mismatches?.map((m) => [m.file, m.line])).toEqual([['2024-07-02-flood-relief-briefing.zh.txt', 12]]);
    expect(report?.mismatches?.[0]?.message).toContain('continues the translation of t5');
  });

  test('the closing notes say the Chinese version prevails, on every version', () => {
    expect(t?.prevails).toBe('zh');
    if (!t) return;
    const zh = versionView(t, 'zh');
    const en = versionView(t);
    expect(zh && versionNote(zh)).toBe('Chinese translation; authoritative text');
    expect(en && versionNote(en)).toBe('English original; the Chinese version prevails');
    expect(prevailsNote(t)).toBe('Where the versions differ, the Chinese version prevails.');
  });

  test('the version page and the side-by-side view pair t3 with t3, and the switcher carries turns over', () => {
    if (!t) return;
    const zh = versionView(t, 'zh');
    expect(zh?.page).toBe('/transcripts/2024-07-02-flood-relief-briefing/zh/');
    expect(zh?.turns[2]?.paragraphs[0]).toContain('四亿元');
    const row = parallelRows(t, 'zh').find((r) => r.id === 't3');
    expect([row?.original?.id, row?.version?.id]).toEqual(['t3', 't3']);
    const split = parallelRows(t, 'zh').find((r) => r.id === 't5');
    expect(split?.kind).toBe('split');
    expect(split?.version?.paragraphs).toHaveLength(2);
    expect(turnMap(t, 'en', 'zh').get('t6')).toBe('t7');
    expect(turnMap(t, 'zh', 'en').get('t6')).toBe('t5');
  });

  test('metadata `prevails:` wins over the notes, and `translationOf:` joins a file of any name', () => {
    const archive = ingestArchive({
      sources: [
        source('briefing.txt', 'Anna Berg:\nHello.\nBen Ode:\nA question.\n', 'prevails: en\n'),
        source('chinese.txt', '安娜：\n你好。\n本：\n一个问题。\n', 'translationOf: briefing.txt\nlanguage: zh-Hans\n'),
      ],
    });
    expect(archive.transcripts.map((x) => [x.slug, x.prevails, x.versions.map((v) => v.language)])).toEqual([
      ['briefing', 'en', ['zh-Hans']],
    ]);
  });

  test('two versions in one language: the second is refused at its file, the others build', () => {
    const archive = ingestArchive({
      sources: [
        source('talk.txt', 'Anna Berg:\nHello.\n'),
        source('talk.zh.txt', '安娜：\n你好。\n'),
        source('talk-copy.txt', '安娜：\n您好。\n', 'translationOf: talk.txt\nlanguage: zh\n'),
      ],
    });
    expect(archive.transcripts.map((x) => x.versions.map((v) => v.source.file))).toEqual([['talk-copy.txt']]);
    const refused = archive.files.flatMap((f) => f.problems).map((p) => [p.code, p.file]);
    expect(refused).toEqual([['duplicate-version', 'talk.zh.txt']]);
  });
});

test('the seed built with a Chinese version beside it says the Chinese version prevails', () => {
  const seed = fixture('seed-press-conference.txt');
  // A stand-in Chinese text with the seed's four turns (its labels are not in the registry).
  const zh =
    '中央广播电视总台：\n请介绍打击电信诈骗的情况。\n齐先生：\n我们将重点做好四方面工作。\n寿女士：\n感谢齐先生。\n齐先生：\n谢谢各位媒体朋友。\n';
  const archive = ingestArchive({
    sources: [source('seed.txt', seed), source('seed.zh.txt', zh)],
    speakerRegistry: registry,
  });
  const [t] = archive.transcripts;
  expect(t?.notes[0]).toContain('the Chinese version is deemed to prevail');
  expect(t?.prevails).toBe('zh');
  expect(t && prevailsNote(t)).toBe('Where the versions differ, the Chinese version prevails.');
  // Its speakers carry over by alignment: the Chinese turns are Qi Yanjun's and Shou Xiaoli's.
  expect(t?.versions[0]?.turns.map((turn) => turn.speaker)).toEqual(t?.turns.map((turn) => turn.speaker));
});

describe('the addresses of language versions', () => {
  const EN = 'Anna Berg:\nThe dam will cost four billion.\nReuters:\nWhen does work start?\n';
  const ZH = '安娜：\n大坝将耗资四十亿。\n路透社：\n何时开工？\n';

  test('a file published on its own that becomes a version redirects to its transcript', () => {
    const alone = publish(EMPTY_STATE, { 'dam.zh.txt': ZH });
    expect(Object.keys(alone.state.record.transcripts)).toEqual(['dam-zh']);
    const joined = publish(alone.state, { 'dam.txt': EN, 'dam.zh.txt': ZH });
    expect(joined.state.record.transcripts['dam-zh']).toMatchObject({ status: 'moved', movedTo: 'dam' });
    expect(joined.state.record.transcripts['dam']?.versions).toMatchObject({
      zh: { source: 'dam.zh.txt', status: 'live', nextTurn: 3 },
    });
    expect(publishedUrls(joined.state.record).map((u) => u.path)).toContain('/transcripts/dam/zh/');
  });

  test('a version no longer published keeps its address, which sends the reader to the transcript', () => {
    const both = publish(EMPTY_STATE, { 'dam.txt': EN, 'dam.zh.txt': ZH });
    const alone = publish(both.state, { 'dam.txt': EN });
    expect(Object.keys(alone.state.record.transcripts['dam']?.versions ?? {})).toEqual(['zh']);
    expect(alone.state.record.transcripts['dam']?.versions?.zh).toMatchObject({
      source: 'dam.zh.txt',
      status: 'removed',
    });
    const pages = retiredPages(alone.state.record).map((p) => [p.id, p.status, p.movedTo]);
    expect(pages).toEqual([['transcripts/dam/zh', 'moved', 'dam']]);
    expect(sitesRetiredPages(alone.state.record)).toEqual(retiredPages(alone.state.record));
  });
});

test('a translation_by key in front matter credits the translator, and is no slip of translationOf', () => {
  const archive = ingestArchive({
    sources: [
      source('talk.md', '---\ntitle: Talk\n---\n\nAnna Berg: Hello there.\n'),
      source('talk.zh.md', '---\ntitle: 演讲\ntranslation_by: Ajian\n---\n\nAnna Berg: 你好。\n'),
    ],
  });
  expect(archive.files.flatMap((f) => f.problems).filter((p) => p.code === 'invalid-front-matter')).toEqual([]);
  expect(archive.transcripts[0]?.versions[0]?.credits).toEqual(['Translated by Ajian']);
});

describe('search across versions', () => {
  const archive = ingestArchive({
    sources: [
      source('2024-07-02-flood-relief-briefing.txt', fixture('2024-07-02-flood-relief-briefing.txt')),
      source('2024-07-02-flood-relief-briefing.zh.txt', fixture('2024-07-02-flood-relief-briefing.zh.txt')),
    ],
    speakerRegistry: registry,
  });
  const t = archive.transcripts[0] as Transcript;
  const twin = transcriptToTwin(t, new Map(archive.speakers.map((s) => [s.slug, s])), new Map());
  const pages = searchPages(twin);

  test('each version is a search page in its own language, at its own address', () => {
    expect(pages.map((p) => p.path)).toEqual([
      'transcripts/2024-07-02-flood-relief-briefing/index.html',
      'transcripts/2024-07-02-flood-relief-briefing/zh/index.html',
    ]);
    expect(pages.map((p) => p.pagefind.language)).toEqual(['en', 'zh']);
  });

  test('a hit in the Chinese version offers the same turn in English, and a turn found in both counts once', () => {
    const [en, zh] = pages.map(asFound);
    const zhTurns = turnsOf(zh as PageData);
    expect(zhTurns.find((h) => h.id === 't2')?.also).toEqual([{ name: 'English', url: `${twin.url}#t2` }]);
    // The second half of the split answer offers the answer it translates.
    expect(zhTurns.find((h) => h.id === 't6')?.also).toEqual([{ name: 'English', url: `${twin.url}#t5` }]);
    const third = [...turnsOf(en as PageData), ...zhTurns].filter((h) => h.id === 't3');
    expect(third).toHaveLength(2);
    const counts = valueCounts(third, { q: '', filters: {}, sort: 'relevance' } as SearchState, ['speaker']);
    expect(counts.speaker.get('Mao Ning')).toBe(1);
  });

  test("a turn that is a hit in both versions shows once: in the reader's language, else the prevailing one", () => {
    const [en, zh] = pages.map(asFound);
    const both = [...turnsOf(en as PageData), ...turnsOf(zh as PageData)].filter((h) => ['t2', 't3'].includes(h.id));
    expect(both).toHaveLength(4);
    const english = oneHitPerTurn(both, ['English']);
    expect(english.map((h) => `${h.url}#${h.id}`)).toEqual([`${twin.url}#t2`, `${twin.url}#t3`]);
    // The hit shown offers the other version's turn.
    expect(english[1]?.also).toEqual([{ name: 'Chinese', url: `${twin.versions[0]?.url}#t3` }]);
    // A reader of neither language gets the version that prevails (Chinese, as the briefing's note says).
    expect(twin.prevails).toBe('zh');
    const other = oneHitPerTurn(both, ['French']);
    expect(other.map((h) => `${h.url}#${h.id}`)).toEqual([
      `${twin.versions[0]?.url}#t2`,
      `${twin.versions[0]?.url}#t3`,
    ]);
    // Without a prevailing version, the original shows.
    const plain = both.map(({ prevails: _, ...h }) => h);
    expect(oneHitPerTurn(plain, ['French']).map((h) => h.url)).toEqual([twin.url, twin.url]);
    // A language filter that keeps one version keeps its hit.
    expect(
      oneHitPerTurn(
        both.filter((h) => h.values.language[0] === 'Chinese'),
        ['English'],
      ),
    ).toHaveLength(2);
  });
});
