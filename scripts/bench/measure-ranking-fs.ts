/**
 * Search quality on a built site, in headless Chromium through the real
 * search page: for each judged query (./judged-queries.ts), the rank of the
 * first relevant answer among what a reader sees (a turn among the hits; for
 * a typo, the intended word among "Did you mean"; for a speaker's name, "Turns
 * by" that speaker among the suggestions), hence the mean reciprocal rank per
 * class; precision of the first 10 hits (a hit whose turn lacks a query word
 * is wrong); for no-match queries, the share that show no hit and say so; for
 * Chinese queries, recall (of every turn holding the query, how many are
 * listed).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { holdsAll, isSpaceless, queryWords, RARE_TURNS, type Stem } from '../../src/lib/search-match.ts';
import { scoreTurn } from '../../src/lib/search-rank.ts';
import { fold } from '../../src/lib/search-state.ts';
import { stemmerFor } from '../../src/lib/search-stem.ts';
import { fileSlug } from '../core/slugs.ts';
import { launchBrowser } from '../lib/chromium.ts';
import { serveStatic } from '../lib/serve-static.ts';
import type { JudgedQuery } from './judged-queries.ts';

export interface QueryRank {
  query: string;
  kind: JudgedQuery['kind'];
  relevant: number;
  /** 1-based rank of the first relevant hit; null when none is among the first `limit` hits. */
  rank: number | null;
  hits: number;
  /** Chinese queries: relevant turns listed / relevant turns. */
  recall?: number;
  /** Of the first 10 hits, the share whose turn holds every query word; undefined without hits. */
  precision?: number;
  /** The first 10 hits whose turn lacks a query word (`<page>#<turn>`): what precision counts as wrong. */
  wrong?: string[];
  /** No hit, and the page said so. */
  saidNone: boolean;
}

/** One class of queries: its mean reciprocal rank, precision of the first 10 hits and, for no-match, the share said so. */
export interface ClassFigures {
  kind: JudgedQuery['kind'];
  queries: number;
  mrr: number;
  /** Mean over the queries that had hits. */
  precisionAt10?: number;
  /** No-match and typo queries: the share that showed no hit and said so. */
  saidNone?: number;
}

/** The judged queries' figures under the ranking the site ships with. */
export interface JudgedFigures {
  mrr: number;
  mrrKnownItem: number;
  mrrPhrase: number;
  /** Mean recall of the Chinese queries. */
  recallZh?: number;
  classes: ClassFigures[];
  queries: QueryRank[];
}

export interface RankingFigures {
  /** Queries whose relevant turns are not in this site (files left out of a small corpus). */
  skipped: string[];
  shipped: JudgedFigures;
}

/** Hits read per query for the reciprocal rank: a reader rarely looks further. */
const LIMIT = 50;

/** A twin's turn, with its address: the transcript's `url`, `#` and its `id` (schema 3 does not repeat it per turn). */
interface TwinTurn {
  id: string;
  url: string;
  paragraphs: string[];
}

/** `/transcripts/a/#t2` from a twin's URL or a hit's link, whatever its origin and query string. */
const turnKey = (url: string): string => {
  const u = new URL(url, 'http://site.invalid');
  return `${u.pathname}${u.hash}`;
};

interface TwinFile {
  language: string;
  speakers: { name: string }[];
  turns: TwinTurn[];
  /** The transcript's language versions, each at its own address: their turns are hits too. */
  versions: { language: string; turns: TwinTurn[] }[];
}

/** A transcript's original and each of its language versions, with their turns. */
const languagesOf = (twin: TwinFile): { language: string; turns: TwinTurn[] }[] => [twin, ...twin.versions];

/** Every transcript's turns and speakers, from the site's JSON twins. */
async function allTwins(site: string): Promise<Map<string, TwinFile>> {
  const manifest = JSON.parse(await readFile(join(site, 'transcripts.json'), 'utf8')) as {
    transcripts: { slug: string }[];
  };
  const out = new Map<string, TwinFile>();
  for (const { slug } of manifest.transcripts) {
    const text = await readFile(join(site, 'transcripts', `${slug}.json`), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    type Language = { language: string; url: string; turns: Omit<TwinTurn, 'url'>[] };
    const twin = JSON.parse(text) as Omit<TwinFile, 'turns' | 'versions'> & Language & { versions?: Language[] };
    const withUrls = (l: Language): TwinTurn[] => l.turns.map((t) => ({ ...t, url: `${l.url}#${t.id}` }));
    out.set(slug, {
      ...twin,
      turns: withUrls(twin),
      versions: (twin.versions ?? []).map((v) => ({ language: v.language, turns: withUrls(v) })),
    });
  }
  return out;
}

/**
 * Each turn's text by its address, the stemmer of its language, and its text
 * lower case without accents (`plain`), for checking hits: a turn can hold a
 * word only if `plain` holds the word's probe (see `probeOf`), a cheap test
 * run before the exact one, so judging a query reads 10,000 transcripts in
 * seconds.
 */
export interface TurnIndex {
  text: Map<string, { text: string; stem: Stem; plain: string }>;
}

/** Lower case without accents, as `probeOf` compares. */
const plainOf = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * What a turn's plain text must hold to hold `word` (a query word): its first
 * character for a script without spaces (its characters may stand apart in
 * the text), else its first three letters, which every form with its stem
 * shares (stemmers cut endings).
 */
const probeOf = (word: string): string => plainOf([...word].slice(0, isSpaceless(word) ? 1 : 3).join(''));

async function turnIndex(twins: Map<string, TwinFile>): Promise<TurnIndex> {
  const text = new Map<string, { text: string; stem: Stem; plain: string }>();
  for (const twin of twins.values()) {
    for (const l of languagesOf(twin)) {
      const stem = await stemmerFor(l.language);
      for (const t of l.turns) {
        const joined = t.paragraphs.join(' ');
        text.set(turnKey(t.url), { text: joined, stem, plain: plainOf(joined) });
      }
    }
  }
  return { text };
}

/**
 * The right answers of every query: relevant turns (known items, phrases),
 * the intended word (typos), `Turns by` the speaker (speaker names), nothing
 * (no-match). A query whose answer this corpus cannot give is left out: a
 * known item or speaker not in it, a "no-match" or typo some turn does hold.
 */
async function relevantTurns(
  queries: readonly JudgedQuery[],
  twins: Map<string, TwinFile>,
  turns: TurnIndex,
): Promise<Map<JudgedQuery, Set<string>>> {
  const out = new Map<JudgedQuery, Set<string>>();
  const heldBy = (q: string): number => {
    const words = queryWords(q);
    const probes = words.map(probeOf);
    let n = 0;
    for (const { text, stem, plain } of turns.text.values())
      if (probes.every((p) => plain.includes(p)) && holdsAll(text, words, stem)) n++;
    return n;
  };
  const held = (q: string): boolean => heldBy(q) > 0;
  const phrases = queries.filter((q) => q.kind === 'phrase');
  for (const q of phrases) out.set(q, new Set());
  const wanted = phrases.map((q) => {
    const words = queryWords(q.phrase ?? q.query);
    return { q, folded: fold(q.phrase ?? q.query), words, probes: words.map(probeOf) };
  });
  for (const twin of twins.values()) {
    for (const turn of languagesOf(twin).flatMap((l) => l.turns)) {
      const text = fold(turn.paragraphs.join(' '));
      const indexed = turns.text.get(turnKey(turn.url));
      const stem = indexed?.stem;
      // Chinese has no spaces between words: there the phrase is a plain substring. Elsewhere a
      // phrase is its words in a row, each in any of its forms (`channel factory` answers
      // `channel factories`), as a hit's words are; a quoted query's hits are held to its exact words.
      for (const { q, folded, words, probes } of wanted) {
        const hit =
          q.language === 'zh'
            ? text.includes(folded.trim())
            : text.includes(folded) ||
              (!q.query.includes('"') &&
                stem !== undefined &&
                probes.every((p) => indexed?.plain.includes(p)) &&
                scoreTurn(turn.paragraphs.join(' '), words, stem).phrase);
        if (hit) out.get(q)?.add(turnKey(turn.url));
      }
    }
  }
  // A known item's turn, and every turn that says exactly the same (a copy of its transcript, as the
  // benchmark's larger corpora hold): a reader cannot tell them apart.
  const items = queries.flatMap((q) => {
    if (!q.turn) return [];
    const found = twins.get(fileSlug(q.turn.file))?.turns ?? [];
    const snippet = fold(q.turn.snippet);
    const texts = new Set(found.map((t) => fold(t.paragraphs.join(' '))).filter((t) => t.includes(snippet)));
    out.set(q, new Set());
    return texts.size > 0 ? [{ q, texts }] : [];
  });
  if (items.length > 0)
    for (const twin of twins.values())
      for (const turn of twin.turns) {
        const text = fold(turn.paragraphs.join(' '));
        for (const { q, texts } of items) if (texts.has(text)) out.get(q)?.add(turnKey(turn.url));
      }
  for (const q of queries) {
    // The answer that is not a turn is named by a marker the measurement compares against.
    if (q.kind === 'no-match' && !held(q.query)) out.set(q, new Set(['(none)']));
    // A typo a few turns also make (the transcript's own) is still judged: the usual word is offered beside the hits.
    if (q.kind === 'typo' && q.correction && heldBy(q.query) <= RARE_TURNS && held(q.correction))
      out.set(q, new Set([q.correction]));
    if (q.kind === 'speaker' && q.speaker) {
      const present = [...twins.values()].some((t) => t.speakers.some((s) => s.name === q.speaker));
      if (present) out.set(q, new Set([`Turns by ${q.speaker}`]));
    }
  }
  return out;
}

interface Shown {
  hits: string[];
  status: string;
  /** The labelled suggestions' link texts, in order ("mempool", "Turns by …"). */
  suggestions: string[];
}

async function runQuery(page: Page, query: string, all: boolean): Promise<Shown> {
  await page.evaluate(() => {
    (document.getElementById('search-status') as HTMLElement).textContent = '';
  });
  await page.fill('#search-q', query);
  await page.press('#search-q', 'Enter');
  await page.waitForFunction(
    () => /turns? in|No turn/.test(document.getElementById('search-status')?.textContent ?? ''),
    undefined,
    { timeout: 60_000 },
  );
  const hits = page.locator('.search-hit .hit-excerpt');
  const more = page.locator('.search-more');
  for (;;) {
    const count = await hits.count();
    if ((!all && count >= LIMIT) || count >= 2000 || !(await more.isVisible())) break;
    const status = await page.locator('#search-status').textContent();
    await more.click();
    // A batch of candidates on a 10,000-transcript site loads many large fragments: minutes, not seconds.
    // The status line counts the transcripts checked: a batch with no hit still changes it.
    await page.waitForFunction(
      (before) =>
        document.getElementById('search-status')?.textContent !== before &&
        !/Searching/.test(document.getElementById('search-status')?.textContent ?? ''),
      status,
      { timeout: 300_000 },
    );
  }
  return {
    hits: (await hits.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map(turnKey),
    status: (await page.locator('#search-status').textContent()) ?? '',
    suggestions: await page.locator('#search-suggest a').allTextContents(),
  };
}

/** Of the first 10 hits, the share whose own turn holds every word of the query, and those that do not. */
function precisionAt10(
  query: string,
  hits: readonly string[],
  turns: TurnIndex,
): { precision: number; wrong: string[] } | undefined {
  const first = hits.slice(0, 10);
  if (first.length === 0) return undefined;
  const words = queryWords(query);
  const wrong = first.filter((h) => {
    const turn = turns.text.get(h);
    return turn === undefined || !holdsAll(turn.text, words, turn.stem);
  });
  return { precision: (first.length - wrong.length) / first.length, wrong };
}

const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((n, v) => n + v, 0) / values.length;

async function measureJudged(
  browser: Browser,
  base: string,
  judged: readonly { q: JudgedQuery; relevant: Set<string> }[],
  turns: TurnIndex,
): Promise<JudgedFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/search/`, { waitUntil: 'networkidle' });
  await page.waitForSelector('#search-filters fieldset', { timeout: 60_000 }).catch(() => undefined);
  const queries: QueryRank[] = [];
  for (const { q, relevant } of judged) {
    const shown = await runQuery(page, q.query, q.language === 'zh');
    const saidNone = shown.hits.length === 0 && /^No turn holds/.test(shown.status);
    // What the reader scans for the answer: the hits, or the labelled suggestions above them.
    const answers =
      q.kind === 'typo' ? shown.suggestions : q.kind === 'speaker' ? shown.suggestions : shown.hits.slice(0, LIMIT);
    const at = q.kind === 'no-match' ? (saidNone ? 0 : -1) : answers.findIndex((h) => relevant.has(h));
    const listed = new Set(shown.hits);
    const precision = precisionAt10(q.query, shown.hits, turns);
    queries.push({
      query: q.query,
      kind: q.kind,
      relevant: relevant.size,
      rank: at === -1 ? null : at + 1,
      hits: shown.hits.length,
      saidNone,
      ...(precision === undefined
        ? {}
        : { precision: precision.precision, ...(precision.wrong.length > 0 ? { wrong: precision.wrong } : {}) }),
      ...(q.language === 'zh' ? { recall: [...relevant].filter((r) => listed.has(r)).length / relevant.size } : {}),
    });
  }
  await context.close();
  const mrrOf = (list: QueryRank[]) => mean(list.map((r) => (r.rank ? 1 / r.rank : 0)));
  const zh = queries.filter((r) => r.recall !== undefined);
  const kinds = [...new Set(queries.map((r) => r.kind))];
  const classes = kinds.map((kind): ClassFigures => {
    const of = queries.filter((r) => r.kind === kind);
    const precise = of.flatMap((r) => (r.precision === undefined ? [] : [r.precision]));
    return {
      kind,
      queries: of.length,
      mrr: mrrOf(of),
      ...(precise.length > 0 ? { precisionAt10: mean(precise) } : {}),
      ...(kind === 'no-match' || kind === 'typo' ? { saidNone: mean(of.map((r) => (r.saidNone ? 1 : 0))) } : {}),
    };
  });
  return {
    mrr: mrrOf(queries.filter((r) => r.kind === 'known-item' || r.kind === 'phrase')),
    mrrKnownItem: mrrOf(queries.filter((r) => r.kind === 'known-item')),
    mrrPhrase: mrrOf(queries.filter((r) => r.kind === 'phrase')),
    ...(zh.length > 0 ? { recallZh: mean(zh.map((r) => r.recall ?? 0)) } : {}),
    classes,
    queries,
  };
}

/** Runs every judged query on the site in `site`, under the ranking it ships with. */
export async function measureRanking(site: string, queries: readonly JudgedQuery[]): Promise<RankingFigures> {
  const twins = await allTwins(site);
  const turns = await turnIndex(twins);
  const relevant = await relevantTurns(queries, twins, turns);
  const judged = queries.flatMap((q) => {
    const r = relevant.get(q);
    return r && r.size > 0 ? [{ q, relevant: r }] : [];
  });
  const skipped = queries.filter((q) => !judged.some((j) => j.q === q)).map((q) => q.query);
  const server = await serveStatic(site);
  const browser = await launchBrowser();
  try {
    return { skipped, shipped: await measureJudged(browser, server.url, judged, turns) };
  } finally {
    await browser.close();
    await server.close();
  }
}
