/**
 * `npm run check:attribution -- [--json] [FOLDER]`
 *
 * Measures who-said-what against a gold set kept apart from the parser's
 * fixtures (tests/gold/ by default): one folder per case with one input file
 * (any name or ending; `input.yaml` beside it is its metadata) and
 * `expected.json`, written by hand:
 *
 *     { "source": "…", "shape": "…",
 *       "speakers": { "THE PRESIDENT": 5, "Q": 4 },        // true turns per speaker
 *       "turns": [["THE PRESIDENT", "Good afternoon. Please be"], …] }  // in order, first words
 *
 * Per file and overall it prints:
 * - pairs right: (file, speaker) pairs whose turn count is within ±20% of the truth;
 * - words kept: the source's words found on the transcript (the every-word check);
 * - misattributed turns: true turns whose first words land in a turn of another
 *   speaker (glued into the previous speaker's turn, or given the wrong name).
 * Exits 1 when a turn is misattributed, a word is lost, or fewer than 97% of pairs are right.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestArchive, type SourceFile } from './core/ingest-archive.ts';
import type { Speaker, Transcript } from './core/schema.ts';
import { foldName } from './core/slugs.ts';
import { wordsOf } from './core/text.ts';
import { lostWords, sourceBody } from './core/word-check.ts';
import { ROOT } from './lib/cli.ts';

export interface GoldCase {
  source: string;
  shape: string;
  speakers: Record<string, number>;
  turns: [string, string][];
}

export interface GoldResult {
  case: string;
  pairs: number;
  pairsRight: number;
  /** Speakers whose count is off: name, true turns, turns found. */
  wrongPairs: { speaker: string; expected: number; found: number }[];
  words: number;
  wordsKept: number;
  misattributed: { expected: string; found: string; words: string }[];
  /** Speakers the archive made that the truth does not have (`Break`, a split name). */
  extraSpeakers: string[];
}

/** Words of a text for locating a turn: lower case, clock times left out. */
function folded(text: string): string[] {
  return wordsOf(text.replace(/\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?/g, ' ')).map((w) => w.toLowerCase());
}

/** Whether a speaker is the one the truth names: by name, alias or label as written. */
function isNamed(speaker: Speaker | undefined, labels: readonly string[], name: string): boolean {
  const want = foldName(name);
  const names = [...(speaker ? [speaker.name, ...speaker.aliases] : []), ...labels];
  return names.some((n) => foldName(n) === want);
}

export function scoreCase(name: string, gold: GoldCase, text: string, t: Transcript, speakers: Speaker[]): GoldResult {
  const bySlug = new Map(speakers.map((s) => [s.slug, s]));
  const nameOf = (slug: string) => bySlug.get(slug)?.name ?? slug;
  // Which true speaker each of the transcript's speakers is.
  const truthOf = new Map<string, string>();
  for (const p of t.participants) {
    const truth = Object.keys(gold.speakers).find((s) => isNamed(bySlug.get(p.speaker), p.labels, s));
    if (truth) truthOf.set(p.speaker, truth);
  }
  // A heading inside a turn continues its speaker in a new turn (an anchor per section): one label, one turn.
  const lines = text.split(/\r\n|\r|\n/);
  const heading = (line: number) => /^#{1,6}\s/.test(lines[line - 1] ?? '') || /^(?:=+|-+)\s*$/.test(lines[line] ?? '');
  const labelled = t.turns.filter((turn, i) => !(heading(turn.line) && t.turns[i - 1]?.speaker === turn.speaker));
  const wrongPairs: GoldResult['wrongPairs'] = [];
  for (const [speaker, expected] of Object.entries(gold.speakers)) {
    const found = labelled.filter((turn) => truthOf.get(turn.speaker) === speaker).length;
    if (Math.abs(found - expected) > 0.2 * expected) wrongPairs.push({ speaker, expected, found });
  }
  // Every word of every turn in order, with the turn it belongs to.
  const stream: { word: string; turn: number; first: boolean }[] = [];
  t.turns.forEach((turn, i) => {
    folded(turn.paragraphs.join(' ')).forEach((w, k) => {
      stream.push({ word: w, turn: i, first: k === 0 });
    });
  });
  const misattributed: GoldResult['misattributed'] = [];
  let from = 0;
  for (const [speaker, first] of gold.turns) {
    const needle = folded(first);
    if (needle.length === 0) continue;
    // The next place the words open a turn; failing that (glued to another turn), the next place at all.
    const find = (atStart: boolean): number => {
      for (let i = from; i + needle.length <= stream.length; i++) {
        if ((!atStart || stream[i]?.first) && needle.every((w, k) => stream[i + k]?.word === w)) return i;
      }
      return -1;
    };
    const opening = find(true);
    const at = opening !== -1 ? opening : find(false);
    if (at === -1) {
      misattributed.push({ expected: speaker, found: '(not found)', words: first });
      continue;
    }
    from = at + needle.length;
    const turn = t.turns[stream[at]?.turn ?? 0];
    if (turn && truthOf.get(turn.speaker) !== speaker) {
      misattributed.push({ expected: speaker, found: nameOf(turn.speaker), words: first });
    }
  }
  const words = wordsOf(sourceBody(text)).length;
  const lost = lostWords(text, t).length;
  const extraSpeakers = t.participants.filter((p) => !truthOf.has(p.speaker)).map((p) => nameOf(p.speaker));
  return {
    case: name,
    pairs: Object.keys(gold.speakers).length,
    pairsRight: Object.keys(gold.speakers).length - wrongPairs.length,
    wrongPairs,
    words,
    wordsKept: words - lost,
    misattributed,
    extraSpeakers,
  };
}

export function checkGoldSet(dir: string): GoldResult[] {
  const results: GoldResult[] = [];
  for (const name of readdirSync(dir).sort()) {
    const folder = join(dir, name);
    let files: string[];
    try {
      files = readdirSync(folder);
    } catch {
      continue;
    }
    const input = files.find((f) => f !== 'expected.json' && f !== 'input.yaml' && f !== 'SOURCES.md');
    if (!input || !files.includes('expected.json')) continue;
    const gold = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as GoldCase;
    const bytes = new Uint8Array(readFileSync(join(folder, input)));
    const meta = files.includes('input.yaml')
      ? { meta: { file: 'input.yaml', text: readFileSync(join(folder, 'input.yaml'), 'utf8') } }
      : {};
    const source: SourceFile = { file: input, bytes, hash: name, ...meta };
    const archive = ingestArchive({ sources: [source] });
    const t = archive.transcripts[0];
    if (!t) {
      const why = archive.files[0]?.problems.map((p) => p.message).join('; ') ?? 'no transcript';
      results.push({
        case: name,
        pairs: Object.keys(gold.speakers).length,
        pairsRight: 0,
        wrongPairs: [],
        words: 0,
        wordsKept: 0,
        misattributed: [{ expected: '(file)', found: why, words: '' }],
        extraSpeakers: [],
      });
      continue;
    }
    results.push(scoreCase(name, gold, new TextDecoder().decode(bytes), t, archive.speakers));
  }
  return results;
}

export function totals(results: readonly GoldResult[]) {
  const sum = (f: (r: GoldResult) => number) => results.reduce((n, r) => n + f(r), 0);
  return {
    files: results.length,
    pairs: sum((r) => r.pairs),
    pairsRight: sum((r) => r.pairsRight),
    words: sum((r) => r.words),
    wordsKept: sum((r) => r.wordsKept),
    misattributed: sum((r) => r.misattributed.length),
    extraSpeakers: sum((r) => r.extraSpeakers.length),
  };
}

const pct = (a: number, b: number) => (b === 0 ? '100.0' : ((100 * a) / b).toFixed(1));

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const dir = positionals[0] ? resolve(positionals[0]) : join(ROOT, 'tests/gold');
  const results = checkGoldSet(dir);
  const all = totals(results);
  if (values.json) console.log(JSON.stringify({ results, totals: all }, null, 2));
  else {
    for (const r of results) {
      console.log(
        `${r.case}: pairs right ${r.pairsRight}/${r.pairs}, words kept ${pct(r.wordsKept, r.words)}%, misattributed turns ${r.misattributed.length}${r.extraSpeakers.length > 0 ? `, extra speakers: ${r.extraSpeakers.join(', ')}` : ''}`,
      );
      for (const w of r.wrongPairs) console.log(`    ${w.speaker}: ${w.found} turns found, ${w.expected} true`);
      for (const m of r.misattributed.slice(0, 5))
        console.log(`    "${m.words}…" (${m.expected}) landed in a turn of ${m.found}`);
    }
    console.log(
      `\nOverall, ${all.files} files: pairs right ${all.pairsRight}/${all.pairs} (${pct(all.pairsRight, all.pairs)}%), words kept ${all.wordsKept}/${all.words} (${pct(all.wordsKept, all.words)}%), misattributed turns ${all.misattributed}, speakers the truth does not have ${all.extraSpeakers}`,
    );
  }
  const pass = all.misattributed === 0 && all.wordsKept === all.words && all.pairsRight >= 0.97 * all.pairs;
  process.exit(pass ? 0 : 1);
}
