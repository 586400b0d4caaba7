import fc from 'fast-check';
import { expect, test } from 'vitest';
import { outline, runLength, wordCount } from '../../src/lib/outline.ts';
import { printLines } from '../../src/lib/print-lines.ts';
import { currentTurn, keyTarget, type TurnsOnPage } from '../../src/lib/reading-position.ts';
import type { Item } from '../../src/lib/transcript-view.ts';

const page = (tops: number[], speakers: string[], focused?: number): TurnsOnPage => ({
  tops,
  speakers,
  line: 18,
  focused,
});

test('the current turn is the last whose heading reached the reading line, not one lower in the window', () => {
  // t1 at the top, a short t2 a little lower: t1 is current until t2 reaches the line.
  expect(currentTurn(page([16, 90, 400], ['a', 'b', 'a']))).toBe(0);
  expect(keyTarget('j', page([16, 90, 400], ['a', 'b', 'a']))).toBe(1);
  expect(currentTurn(page([-50, 17, 400], ['a', 'b', 'a']))).toBe(1);
  expect(currentTurn(page([200, 400], ['a', 'b']))).toBe(-1);
  expect(keyTarget('j', page([200, 400], ['a', 'b']))).toBe(0);
  expect(keyTarget('k', page([200, 400], ['a', 'b']))).toBeUndefined();
});

test('focus wins over position: the focused turn is current wherever it sits', () => {
  expect(currentTurn(page([-500, -300, 300], ['a', 'b', 'a'], 2))).toBe(2);
  expect(keyTarget('k', page([-500, -300, 300], ['a', 'b', 'a'], 2))).toBe(1);
  expect(keyTarget('j', page([-500, -300, 300], ['a', 'b', 'a'], 2))).toBeUndefined();
});

test('k in the middle of a long turn goes to its start; on its start, to the turn before', () => {
  expect(keyTarget('k', page([-900, -600, 700], ['a', 'b', 'a']))).toBe(1);
  expect(keyTarget('k', page([-900, 16, 700], ['a', 'b', 'a']))).toBe(0);
});

test("s and S find this speaker's next and previous turns, and nothing past the ends", () => {
  const speakers = ['a', 'b', 'a', 'c', 'b', 'a'];
  const at = (i: number) => page([0, 0, 0, 0, 0, 0], speakers, i);
  expect(keyTarget('s', at(0))).toBe(2);
  expect(keyTarget('s', at(2))).toBe(5);
  expect(keyTarget('s', at(5))).toBeUndefined();
  expect(keyTarget('S', at(4))).toBe(1);
  expect(keyTarget('S', at(1))).toBeUndefined();
});

const turn = (n: number, speaker: string, words = 3) =>
  ({
    kind: 'turn',
    part: 'statement',
    turn: { id: `t${n}`, speaker, label: speaker, paragraphs: [Array(words).fill('word').join(' ')] },
  }) as unknown as Item;

test('an outline without sections or exchanges is made of runs of turns, named by their main speakers', () => {
  const items = Array.from({ length: 45 }, (_, i) => turn(i + 1, i % 3 === 0 ? 'ann' : 'bob', i % 3 === 0 ? 10 : 2));
  const parts = outline(items, (s) => s.toUpperCase());
  expect(runLength(45)).toBe(10);
  expect(parts.map((p) => [p.id, p.title, p.turns])).toEqual([
    ['t1', 'Turns 1–10', 10],
    ['t11', 'Turns 11–20', 10],
    ['t21', 'Turns 21–30', 10],
    ['t31', 'Turns 31–40', 10],
    ['t41', 'Turns 41–45', 5],
  ]);
  expect(parts[0]?.speakers).toEqual(['ANN', 'BOB']);
  expect(runLength(882)).toBe(36);
  expect(outline(items.slice(0, 10), (s) => s)).toEqual([]);
});

test("a run's speakers are ranked by words counted as splitting the turn's text at white space counts them", () => {
  const piece = fc.constantFrom(
    'a',
    'word',
    ' ',
    '  ',
    '\n',
    '\t',
    '\u00a0',
    '\u2003',
    '\u3000',
    '\ufeff',
    '\u200b',
    '',
  );
  fc.assert(
    fc.property(
      fc.array(
        fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
        { maxLength: 4 },
      ),
      (paragraphs) => {
        expect(wordCount(paragraphs)).toBe(paragraphs.join(' ').split(/\s+/).length);
      },
    ),
    { numRuns: 2000 },
  );
});

test('sections come first, then exchanges', () => {
  const section = (id: string, t: string) =>
    ({ kind: 'section', section: { id, title: t, turn: null } }) as unknown as Item;
  const items = [section('s1', 'One'), turn(1, 'a'), turn(2, 'b'), section('s2', 'Two'), turn(3, 'a')];
  expect(outline(items, (s) => s).map((p) => [p.id, p.title, p.turns])).toEqual([
    ['s1', 'One', 2],
    ['s2', 'Two', 1],
  ]);
});

test('a part too long to be a landmark is cut into runs: a long podcast whose only sections are its breaks', () => {
  const section = (id: string) => ({ kind: 'section', section: { id, title: 'Break', turn: null } }) as unknown as Item;
  const turns = Array.from({ length: 300 }, (_, i) => turn(i + 1, i % 2 ? 'ann' : 'bob'));
  const items = [...turns.slice(0, 100), section('s1'), ...turns.slice(100, 110), section('s2'), ...turns.slice(110)];
  const parts = outline(items, (s) => s);
  const size = runLength(300);
  expect(size).toBe(12);
  // The 100 turns before the first break become runs; the short part after it stays one landmark.
  expect(parts.slice(0, 3).map((p) => [p.id, p.title])).toEqual([
    ['t1', 'Turns 1–12'],
    ['t13', 'Turns 13–24'],
    ['t25', 'Turns 25–36'],
  ]);
  const s1 = parts.findIndex((p) => p.id === 's1');
  expect(parts.slice(s1, s1 + 3).map((p) => [p.id, p.title, p.turns])).toEqual([
    ['s1', 'Break', 10],
    ['s2', 'Break', 190],
    ['t111', 'Turns 111–122', 12],
  ]);
  expect(parts.at(-1)).toMatchObject({ id: 't291', title: 'Turns 291–300', turns: 10 });
  // A tail shorter than half a run joins the run before it: the lead's 100 turns are 7 runs of 12 and one of 16.
  expect(parts[s1 - 1]).toMatchObject({ id: 't85', title: 'Turns 85–100', turns: 16 });
  // Every turn sits within a part no longer than two runs.
  expect(parts.filter((p) => !p.id.startsWith('s')).reduce((n, p) => n + p.turns, 0)).toBe(100 + 190);
});

test('a printout gives the absolute address, or says the path is only a path', () => {
  const target = { title: 'T', url: 'https://example.org/transcripts/t/', archive: 'A' };
  expect(printLines(target)).toEqual({
    // APA 7 without an author: the title takes the author's place, before the date.
    citation: 'T [Transcript]. (n.d.). A. https://example.org/transcripts/t/',
    address: target.url,
  });
  expect(printLines({ ...target, url: '/transcripts/t/' }).note).toMatch(/no site address/);
});
