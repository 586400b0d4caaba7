/**
 * A transcript whose source file vanished is recognised by its text in a new
 * file: renamed, renamed with a correction, split in two, merged with another.
 * Its turn and exchange ids survive and its old slug redirects; a different
 * briefing by the same people is a different transcript.
 */
import { describe, expect, test } from 'vitest';
import { retiredPages } from '../../scripts/core/permalinks/record.ts';
import type { Transcript } from '../../scripts/core/schema.ts';
import { MONDAY, TUESDAY } from '../helpers/briefings.ts';
import { EMPTY_STATE, publish, sitesRetiredPages } from '../helpers/publish.ts';

const ids = (t: Transcript | undefined) => t?.turns.map((turn) => turn.id);
const firstWords = (t: Transcript | undefined) => t?.turns.map((turn) => [turn.id, turn.paragraphs[0]?.slice(0, 24)]);
const bySlug = (ts: Transcript[], slug: string) => ts.find((t) => t.slug === slug);
const moved = (state: ReturnType<typeof publish>['state']) =>
  retiredPages(state.record)
    .filter((p) => p.section === 'transcripts')
    .map((p) => [p.slug, p.status, p.movedTo ?? null]);

const monday = publish(EMPTY_STATE, { 'monday.txt': MONDAY.join('\n') });
const published = monday.transcripts[0];

describe('a transcript whose file was renamed', () => {
  test('keeps every turn and exchange id at its new slug, and the old slug redirects there', () => {
    const renamed = publish(monday.state, { '2024-03-04-water.txt': MONDAY.join('\n') });
    const t = renamed.transcripts[0];
    expect(t?.slug).toBe('2024-03-04-water');
    expect(firstWords(t)).toEqual(firstWords(published));
    expect(t?.exchanges.map((e) => [e.id, e.turns[0]])).toEqual(published?.exchanges.map((e) => [e.id, e.turns[0]]));
    expect(moved(renamed.state)).toEqual([['monday', 'moved', '2024-03-04-water']]);
    // The record carries on: first published date, next turn number.
    expect(renamed.state.record.transcripts['2024-03-04-water']?.nextTurn).toBe(10);
  });

  test('renamed and corrected in one commit: the corrected turn keeps its id and its earlier text', () => {
    const fixed = MONDAY.join('\n').replace('four billion', 'four and a half billion');
    const t = publish(monday.state, { 'water.txt': fixed }).transcripts[0];
    expect(ids(t)).toEqual(ids(published));
    expect(t?.turns[3]?.earlier.map((e) => e.paragraphs[0])).toEqual([MONDAY[7]]);
  });

  test('renamed with a turn inserted: the inserted turn is new, every other keeps its id', () => {
    const lines = [
      ...MONDAY.slice(0, 12),
      'Xinhua:',
      'Is the reservoir part of the national drought plan?',
      ...MONDAY.slice(12),
    ];
    const renamed = publish(monday.state, { 'water.txt': lines.join('\n') });
    const t = renamed.transcripts[0];
    expect(ids(t)).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't10', 't7', 't8', 't9']);
    expect(moved(renamed.state)).toEqual([['monday', 'moved', 'water']]);
  });

  test('a different day’s briefing by the same people, added as the other vanishes, is not taken for it', () => {
    const swapped = publish(monday.state, { 'tuesday.txt': TUESDAY.join('\n') });
    expect(moved(swapped.state)).toEqual([['monday', 'removed', null]]);
    expect(ids(swapped.transcripts[0])).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']);
    expect(swapped.state.record.transcripts.tuesday?.published).toBe('2026-11-26');
  });
});

describe('a transcript split into two files', () => {
  const first = MONDAY.slice(0, 12);
  const second = MONDAY.slice(12);
  const split = publish(monday.state, { 'part-1.txt': first.join('\n'), 'part-2.txt': second.join('\n') });
  const heir = bySlug(split.transcripts, 'part-1');
  const part = bySlug(split.transcripts, 'part-2');

  test('the part with most of the text inherits it: its ids, and the old slug’s redirect', () => {
    expect(ids(heir)).toEqual(['t1', 't2', 't3', 't4', 't5', 't6']);
    expect(moved(split.state)).toEqual([['monday', 'moved', 'part-1']]);
  });

  test('the other part is a new transcript, and the old anchors of its turns point to it', () => {
    expect(ids(part)).toEqual(['t1', 't2', 't3']);
    expect(heir?.retiredTurns).toEqual([
      { id: 't7', movedTo: 't1', transcript: 'part-2', after: 't6' },
      { id: 't8', movedTo: 't2', transcript: 'part-2', after: 't6' },
      { id: 't9', movedTo: 't3', transcript: 'part-2', after: 't6' },
    ]);
  });

  test('a rebuild with nothing changed keeps all of it', () => {
    const again = publish(split.state, { 'part-1.txt': first.join('\n'), 'part-2.txt': second.join('\n') });
    expect(bySlug(again.transcripts, 'part-1')?.retiredTurns).toEqual(heir?.retiredTurns);
    expect(again.state.record).toEqual(split.state.record);
  });
});

describe('two transcripts merged into one file', () => {
  const both = publish(EMPTY_STATE, {
    'morning.txt': MONDAY.slice(0, 12).join('\n'),
    'afternoon.txt': MONDAY.slice(12).join('\n'),
  });
  const merged = publish(both.state, { 'whole-day.txt': MONDAY.join('\n') });
  const t = merged.transcripts[0];

  test('the merged file inherits the larger one: its ids, and its old slug redirects', () => {
    expect(ids(t)?.slice(0, 6)).toEqual(['t1', 't2', 't3', 't4', 't5', 't6']);
    expect(ids(t)?.slice(6)).toEqual(['t7', 't8', 't9']);
    expect(moved(merged.state)).toEqual([
      ['afternoon', 'moved', 'whole-day'],
      ['morning', 'moved', 'whole-day'],
    ]);
  });

  test('the other redirects too, each of its anchors translated to where its turn and question now are', () => {
    const record = merged.state.record.transcripts.afternoon;
    expect(record?.movedAnchors).toEqual({ t1: 't7', t2: 't8', t3: 't9', e1: 'e5', e2: 'e6' });
    expect(retiredPages(merged.state.record).find((p) => p.slug === 'afternoon')?.anchors).toEqual(
      record?.movedAnchors,
    );
    expect(sitesRetiredPages(merged.state.record)).toEqual(retiredPages(merged.state.record));
  });
});

describe('exchange anchors', () => {
  test('an inserted question gets a new id, and every old id still names the same question', () => {
    const before = new Map(published?.exchanges.map((e) => [e.id, e.question ?? e.turns[0]]));
    const lines = [
      ...MONDAY.slice(0, 4),
      'Xinhua:',
      'When will construction start?',
      'Anna Berg:',
      'Next spring.',
      ...MONDAY.slice(4),
    ];
    const after = publish(monday.state, { 'monday.txt': lines.join('\n') }).transcripts[0];
    const now = new Map(after?.exchanges.map((e) => [e.id, e.question ?? e.turns[0]]));
    for (const [id, turn] of before) expect(now.get(id)).toBe(turn);
    const fresh = after?.exchanges.filter((e) => !before.has(e.id));
    expect(fresh?.map((e) => [e.id, e.kind, e.askedBy])).toEqual([['e7', 'exchange', 'xinhua']]);
  });

  test('a removed question’s id is never given again', () => {
    const without = [...MONDAY.slice(0, 12), ...MONDAY.slice(16)];
    const removed = publish(monday.state, { 'monday.txt': without.join('\n') });
    expect(removed.transcripts[0]?.retiredAnchors).toEqual(['e5']);
    const lines = [
      ...without.slice(0, 12),
      'Xinhua:',
      'A different question entirely?',
      'Anna Berg:',
      'A different answer.',
      ...without.slice(12),
    ];
    const added = publish(removed.state, { 'monday.txt': lines.join('\n') }).transcripts[0];
    expect(added?.exchanges.find((e) => e.askedBy === 'xinhua')?.id).toBe('e7');
    expect(added?.exchanges.map((e) => e.id)).not.toContain('e5');
  });
});

describe('a renamed Chinese transcript', () => {
  const zh = [
    '主持人:',
    '女士们、先生们，下午好！欢迎出席公安部新闻发布会。',
    '齐彦军:',
    '近年来，公安机关积极落实全球安全倡议，与各国执法部门加强合作，开展联合行动打击跨国犯罪。',
    '中央广播电视总台记者:',
    '公安机关如何参与国际执法安全合作，为全球安全治理贡献力量？谢谢。',
    '齐彦军:',
    '感谢你的提问。我们将继续深化国际执法安全合作，维护我国海外利益。',
  ];
  test('is recognised with a one-character correction (Chinese does not space its words)', () => {
    const first = publish(EMPTY_STATE, { 'fabuhui.txt': zh.join('\n') });
    const fixed = zh.join('\n').replace('维护我国', '维护中国');
    const renamed = publish(first.state, { '2024-fabuhui.txt': fixed });
    expect(moved(renamed.state)).toEqual([['fabuhui', 'moved', '2024-fabuhui']]);
    expect(ids(renamed.transcripts[0])).toEqual(ids(first.transcripts[0]));
  });
});
