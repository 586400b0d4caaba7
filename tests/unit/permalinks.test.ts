/**
 * Scripted corrections to a transcript, each ingested on top of the last:
 * published turn ids, slugs and anchors must survive every one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ingestArchive, type SourceFile } from '../../scripts/core/ingest-archive.ts';
import { reconcile } from '../../scripts/core/permalinks/reconcile.ts';
import { retiredPages } from '../../scripts/core/permalinks/record.ts';
import type { Transcript } from '../../scripts/core/schema.ts';
import { EMPTY_STATE, publish, sitesRetiredPages } from '../helpers/publish.ts';

const enc = new TextEncoder();
const BASE = [
  'Anna Berg:',
  'Welcome to the briefing on water policy.',
  'Reuters:',
  'What will the new dam cost the region?',
  'Anna Berg:',
  'The dam will cost four bilion over ten years, shared by three provinces.',
  'Ben Olsen:',
  'And the environmental review starts in March.',
];

const ids = (t: Transcript | undefined) => t?.turns.map((turn) => [turn.id, turn.paragraphs[0]?.slice(0, 20)]);
const first = publish(EMPTY_STATE, { 'water.txt': BASE.join('\n') });

describe('a transcript corrected after publication', () => {
  test('first publication numbers turns in order', () => {
    expect(first.transcripts[0]?.turns.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4']);
    expect(first.state.record.transcripts.water?.nextTurn).toBe(5);
  });

  test('a typo fix keeps every id, and keeps the earlier text of the edited turn', () => {
    const fixed = publish(first.state, { 'water.txt': BASE.join('\n').replace('bilion', 'billion') });
    const t = fixed.transcripts[0];
    expect(t?.turns.map((turn) => turn.id)).toEqual(['t1', 't2', 't3', 't4']);
    const edited = t?.turns[2];
    expect(edited?.earlier.map((e) => e.paragraphs[0])).toEqual([BASE[5]]);
    expect(edited?.earlier[0]?.fingerprint).not.toBe(edited?.fingerprint);
    expect(t?.turns[0]?.earlier).toEqual([]);
  });

  test('an inserted turn gets a new id and changes no other', () => {
    const lines = [...BASE.slice(0, 2), 'Moderator:', 'Please keep questions short.', ...BASE.slice(2)];
    const t = publish(first.state, { 'water.txt': lines.join('\n') }).transcripts[0];
    expect(ids(t)).toEqual([
      ['t1', 'Welcome to the brief'],
      ['t5', 'Please keep question'],
      ['t2', 'What will the new da'],
      ['t3', 'The dam will cost fo'],
      ['t4', 'And the environmenta'],
    ]);
  });

  test('a split turn keeps its id on the first part; the second part is new', () => {
    const lines = [
      ...BASE.slice(0, 5),
      'The dam will cost four bilion over ten years.',
      'Ben Olsen:',
      'Shared by three provinces.',
      ...BASE.slice(6),
    ];
    const t = publish(first.state, { 'water.txt': lines.join('\n') }).transcripts[0];
    expect(t?.turns.map((turn) => turn.id)).toEqual(['t1', 't2', 't3', 't5', 't4']);
  });

  test('merged turns: the absorbed turn’s anchor moves to the turn it lives on in', () => {
    const lines = [...BASE.slice(0, 5), `${BASE[5]} ${BASE[7]}`];
    const t = publish(first.state, { 'water.txt': lines.join('\n') }).transcripts[0];
    expect(t?.turns.map((turn) => turn.id)).toEqual(['t1', 't2', 't3']);
    expect(t?.retiredTurns).toEqual([{ id: 't4', movedTo: 't3', after: null }]);
  });

  test('a removed turn leaves an anchor where it stood, and its id is never given again', () => {
    const removed = publish(first.state, { 'water.txt': BASE.slice(0, 6).join('\n') });
    expect(removed.transcripts[0]?.retiredTurns).toEqual([{ id: 't4', after: 't3' }]);
    const added = publish(removed.state, {
      'water.txt': [...BASE.slice(0, 6), 'Ben Olsen:', 'A different closing remark entirely.'].join('\n'),
    });
    expect(added.transcripts[0]?.turns.map((turn) => turn.id)).toEqual(['t1', 't2', 't3', 't5']);
  });

  test('the archive records when it first published a transcript and when it last corrected it', () => {
    expect([first.transcripts[0]?.published, first.transcripts[0]?.updated]).toEqual(['2026-11-26', '2026-11-26']);
    const same = publish(first.state, { 'water.txt': BASE.join('\n') });
    expect(same.state.record.transcripts.water?.updated).toBe('2026-11-26');
  });

  test('a transcript parsed again as it was keeps its very entry, so the record file is not made again', () => {
    const entry = first.state.record.transcripts.water;
    expect(publish(first.state, { 'water.txt': BASE.join('\n') }).state.record.transcripts.water).toBe(entry);
    const fixed = publish(first.state, { 'water.txt': BASE.join('\n').replace('bilion', 'billion') });
    expect(fixed.state.record.transcripts.water).not.toBe(entry);
    expect(fixed.state.record.transcripts.water?.turns.t3?.earlier).toHaveLength(1);
  });

  test('a retitled transcript keeps its URL', () => {
    const retitled = publish(first.state, {
      'water.txt': BASE.join('\n'),
      'water.yaml': 'title: Water policy briefing\n',
    });
    expect(retitled.transcripts[0]?.slug).toBe('water');
    expect(retitled.state.record.transcripts.water?.title).toBe('Water policy briefing');
  });

  test('a renamed transcript keeps its turn ids at the new slug, and the old slug redirects', () => {
    const renamed = publish(first.state, {
      'water.txt': BASE.join('\n'),
      'water.yaml': 'slug: water-policy-briefing\n',
    });
    expect(renamed.transcripts[0]?.slug).toBe('water-policy-briefing');
    expect(renamed.transcripts[0]?.turns.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4']);
    expect(retiredPages(renamed.state.record)).toContainEqual(
      expect.objectContaining({
        section: 'transcripts',
        slug: 'water',
        status: 'moved',
        movedTo: 'water-policy-briefing',
      }),
    );
    expect(sitesRetiredPages(renamed.state.record)).toEqual(retiredPages(renamed.state.record));
  });

  test('a deleted transcript becomes a tombstone, and so do speakers heard only there', () => {
    const other = 'Carl Dahl:\nSomething else entirely.\n';
    const both = publish(first.state, { 'water.txt': BASE.join('\n'), 'other.txt': other });
    const deleted = publish(both.state, { 'other.txt': other });
    const retired = retiredPages(deleted.state.record).map((p) => [p.section, p.slug, p.status]);
    expect(retired).toContainEqual(['transcripts', 'water', 'removed']);
    expect(retired).toContainEqual(['speakers', 'anna-berg', 'removed']);
    expect(retired).not.toContainEqual(['speakers', 'carl-dahl', 'removed']);
    expect(sitesRetiredPages(deleted.state.record)).toEqual(retiredPages(deleted.state.record));
  });

  test('a transcript whose source is still there but fails to parse stays live as last published', () => {
    const failing = publish(first.state, { 'water.txt': '' });
    expect(failing.state.record.transcripts.water?.status).toBe('live');
  });

  test('a speaker renamed in the registry redirects from the old slug when the old name is an alias', () => {
    const registry = 'speakers:\n  - name: Anna Berg-Holm\n    aliases: [Anna Berg]\n';
    const sources: SourceFile[] = [{ file: 'water.txt', bytes: enc.encode(BASE.join('\n')), hash: 'h' }];
    const archive = ingestArchive({ sources, speakerRegistry: { file: 'speakers.yaml', text: registry } });
    const record = reconcile({
      archive,
      record: first.state.record,
      previous: first.state.previous,
      sources: new Set(['water.txt']),
      today: '2026-11-27',
    });
    expect(record.speakers['anna-berg']).toEqual({ name: 'Anna Berg', status: 'moved', movedTo: 'anna-berg-holm' });
  });
});

describe('a language version corrected after publication', () => {
  const FRENCH = [
    'Anna Berg:',
    'Bienvenue à ce point presse sur la politique de l’eau.',
    'Reuters:',
    'Combien le nouveau barrage coûtera-t-il à la région ?',
    'Anna Berg:',
    'Le barrage coûtera quatre milliards sur dix ans, partagés par trois provinces.',
    'Ben Olsen:',
    'Et l’étude environnementale commence en mars.',
  ];
  const both = publish(EMPTY_STATE, { 'water.txt': BASE.join('\n'), 'water.fr.txt': FRENCH.join('\n') });
  const french = (t: Transcript | undefined) => t?.versions.find((v) => v.language === 'fr');

  test('the version keeps its own turn ids, recorded beside the transcript’s', () => {
    expect(french(both.transcripts[0])?.turns.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4']);
    expect(both.state.record.transcripts.water?.versions?.fr).toMatchObject({ status: 'live', nextTurn: 5 });
  });

  test('a turn inserted in the translation gets a new id and moves no other', () => {
    const lines = [...FRENCH.slice(0, 2), 'Moderator:', 'Des questions courtes, s’il vous plaît.', ...FRENCH.slice(2)];
    const t = publish(both.state, { 'water.txt': BASE.join('\n'), 'water.fr.txt': lines.join('\n') }).transcripts[0];
    expect(french(t)?.turns.map((turn) => turn.id)).toEqual(['t1', 't5', 't2', 't3', 't4']);
  });

  test('a turn removed from the translation leaves an anchor on the version’s page', () => {
    const cut = publish(both.state, { 'water.txt': BASE.join('\n'), 'water.fr.txt': FRENCH.slice(0, 6).join('\n') });
    expect(french(cut.transcripts[0])?.retiredTurns).toEqual([{ id: 't4', after: 't3' }]);
    const fixed = publish(cut.state, {
      'water.txt': BASE.join('\n'),
      'water.fr.txt': [...FRENCH.slice(0, 6), 'Ben Olsen:', 'Une tout autre remarque pour finir.'].join('\n'),
    });
    expect(french(fixed.transcripts[0])?.turns.map((turn) => turn.id)).toEqual(['t1', 't2', 't3', 't5']);
  });
});

describe('scripted corrections to real transcripts never break a published URL', () => {
  const real = [
    ['seeds/000_b208c8174473c045.txt', 'seed.txt'],
    ['tests/fixtures/parser/md-bitcoin-op-return/input.md', 'op-return.md'],
  ] as const;

  test.each(real)('%s: a typo fix and an inserted turn keep every published id', (path, file) => {
    const text = readFileSync(path, 'utf8');
    const v1 = publish(EMPTY_STATE, { [file]: text });
    const before = v1.transcripts[0];
    const ids = before?.turns.map((t) => [t.id, t.paragraphs[0]?.slice(0, 30)]) ?? [];
    expect(ids.length).toBeGreaterThan(3);
    // A typo fixed in the second turn, and a turn inserted near the start.
    const second = before?.turns[1]?.paragraphs[0] ?? '';
    const edited = text.replace(second.slice(0, 40), second.slice(0, 40).replace(/\b(\w)(\w+)/, '$1$1$2'));
    const label = file.endsWith('.md') ? '**Inserted Speaker:**' : 'Inserted Speaker:';
    const withInsert = file.endsWith('.md')
      ? edited.replace(/\n## /, `\n${label} A new remark at the start.\n\n## `)
      : `${label}\nA new remark at the start.\n${edited}`;
    const v2 = publish(v1.state, { [file]: withInsert }).transcripts[0];
    const after = new Map(v2?.turns.map((t) => [t.id, t.paragraphs[0]?.slice(0, 30)]));
    const kept = ids.filter(([id]) => after.has(id ?? ''));
    // Every turn published before is still there under its id (the typo-fixed one with its new text).
    expect(kept.length).toBe(ids.length);
    const fresh = v2?.turns.filter((t) => !ids.some(([id]) => id === t.id)) ?? [];
    expect(fresh.map((t) => t.paragraphs[0])).toEqual(['A new remark at the start.']);
    expect(Number(fresh[0]?.id.slice(1))).toBeGreaterThan(ids.length);
  });
});
