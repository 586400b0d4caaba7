/**
 * Derived views of the archive that pages need (every turn of a speaker,
 * every turn filed under a topic, counts, neighbours), computed once from
 * plain records. Pure: tested without Astro.
 */
import { createHash } from 'node:crypto';
import type { TextFormat } from '../../scripts/core/render-paragraph.ts';
import type { Exchange, Speaker, Topic, Transcript, TranscriptCard, Turn } from '../../scripts/core/schema.ts';
import { transcriptOrder } from '../../scripts/core/transcript-order.ts';
import { type ExcerptPart, excerptAround, turnText } from './excerpt.ts';

export interface TurnRef {
  transcript: Transcript;
  turn: Turn;
  /** For topic listings: the terms that filed the turn under the topic. */
  terms?: string[];
  /** For an answer: the question it answered. */
  question?: Turn;
}

/** A question an outlet or reporter asked, with the answers that followed. */
export interface QuestionRef {
  transcript: Transcript;
  exchange: Exchange;
  question: Turn;
  answers: Turn[];
}

export interface ArchiveIndex {
  /** Newest first; undated transcripts last, by title. */
  transcripts: Transcript[];
  speakers: Map<string, Speaker>;
  topics: Map<string, Topic>;
  turnsBySpeaker: Map<string, TurnRef[]>;
  turnsByTopic: Map<string, TurnRef[]>;
  transcriptsBySpeaker: Map<string, Transcript[]>;
  transcriptsByTopic: Map<string, Transcript[]>;
  /** Questions by who asked them. */
  questionsBySpeaker: Map<string, QuestionRef[]>;
  /** For each speaker, how many of their turns each topic filed (a turn counts once per topic). */
  topicTurnsBySpeaker: Map<string, Map<string, number>>;
  /** Each transcript's place in `transcripts`, by slug. */
  position: Map<string, number>;
  /** Undated numbered episodes of each show, by number: the order an undated transcript is read in. */
  episodes: Map<string, Transcript[]>;
}

/** Each turn's excerpts, made once per build: a question is shown on its asker's page and beside each answer listed on other speakers' pages. */
const excerpts = new WeakMap<Turn, Map<number, string>>();

/** A turn's first `maxWords` words, cut with an ellipsis when it has more. Reads no further than it shows. */
export function excerpt(turn: Turn, maxWords = 40, format: TextFormat = 'plain'): string {
  let made = excerpts.get(turn);
  if (!made) {
    made = new Map();
    excerpts.set(turn, made);
  }
  let text = made.get(maxWords);
  if (text === undefined) {
    text = cutExcerpt(turnText(turn, format), maxWords);
    made.set(maxWords, text);
  }
  return text;
}

function cutExcerpt(text: string, maxWords: number): string {
  // Cut after the maxWords-th word, keeping the original punctuation before it.
  const re = /[\p{L}\p{N}\p{M}]+(?:['’.-][\p{L}\p{N}\p{M}]+)*/gu;
  let end = 0;
  for (let i = 0; i < maxWords; i++) {
    const m = re.exec(text);
    if (!m) return text;
    end = m.index + m[0].length;
  }
  return re.exec(text) ? `${text.slice(0, end)} …` : text;
}

export function buildIndex(
  transcripts: readonly Transcript[],
  speakers: readonly Speaker[],
  topics: readonly Topic[],
): ArchiveIndex {
  const sorted = [...transcripts].sort(transcriptOrder);
  const index: ArchiveIndex = {
    transcripts: sorted,
    speakers: new Map(speakers.map((s) => [s.slug, s])),
    topics: new Map(topics.map((t) => [t.slug, t])),
    turnsBySpeaker: new Map(),
    turnsByTopic: new Map(),
    transcriptsBySpeaker: new Map(),
    transcriptsByTopic: new Map(),
    questionsBySpeaker: new Map(),
    topicTurnsBySpeaker: new Map(),
    position: new Map(sorted.map((t, i) => [t.slug, i])),
    episodes: new Map(),
  };
  for (const t of sorted) if (!t.date && t.show && t.number !== undefined) push(index.episodes, t.show, t);
  for (const list of index.episodes.values())
    list.sort((a, b) => (a.number ?? 0) - (b.number ?? 0) || a.slug.localeCompare(b.slug));
  for (const transcript of sorted) {
    const byId = new Map(transcript.turns.map((t) => [t.id, t]));
    const questionOf = new Map<string, Turn>();
    for (const exchange of transcript.exchanges) {
      const question = exchange.question ? byId.get(exchange.question) : undefined;
      if (!question || !exchange.askedBy) continue;
      const answers = exchange.turns.filter((id) => id !== question.id).flatMap((id) => byId.get(id) ?? []);
      for (const a of answers) questionOf.set(a.id, question);
      push(index.questionsBySpeaker, exchange.askedBy, { transcript, exchange, question, answers });
    }
    for (const turn of transcript.turns) {
      const question = questionOf.get(turn.id);
      push(index.turnsBySpeaker, turn.speaker, { transcript, turn, ...(question ? { question } : {}) });
    }
    for (const p of transcript.participants) push(index.transcriptsBySpeaker, p.speaker, transcript);
    for (const topic of transcript.topics) {
      push(index.transcriptsByTopic, topic.slug, transcript);
      const counted = new Set<string>();
      for (const match of topic.matches) {
        const turn = byId.get(match.turn);
        if (!turn) continue;
        push(index.turnsByTopic, topic.slug, { transcript, turn, terms: match.terms });
        if (counted.has(turn.id)) continue;
        counted.add(turn.id);
        const counts = index.topicTurnsBySpeaker.get(turn.speaker) ?? new Map<string, number>();
        index.topicTurnsBySpeaker.set(turn.speaker, counts);
        counts.set(topic.slug, (counts.get(topic.slug) ?? 0) + 1);
      }
    }
  }
  return index;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A transcript's whole record, by slug. */
export function transcriptOf(index: ArchiveIndex, slug: string): Transcript {
  const t = index.transcripts[index.position.get(slug) ?? -1];
  if (!t) throw new Error(`no transcript \`${slug}\` in the archive index`);
  return t;
}

/**
 * The transcripts before and after one. A dated transcript's are the dated
 * ones next to it by date (`by: 'date'`). An undated one has an order only
 * as a numbered episode of a show: the undated episodes of that show next to
 * it by number (`by: 'number'`). Any other undated transcript has none: its
 * place among the undated (by title) says nothing of when it was spoken.
 */
export function neighbours(
  index: ArchiveIndex,
  slug: string,
): { newer?: Transcript; older?: Transcript; by?: 'date' | 'number' } {
  const i = index.position.get(slug) ?? -1;
  const t = index.transcripts[i];
  if (!t) return {};
  if (t.date) {
    const newer = index.transcripts[i - 1];
    const older = index.transcripts[i + 1]?.date ? index.transcripts[i + 1] : undefined;
    return { ...(newer ? { newer } : {}), ...(older ? { older } : {}), by: 'date' };
  }
  const episodes = t.show && t.number !== undefined ? index.episodes.get(t.show) : undefined;
  if (!episodes) return {};
  const k = episodes.indexOf(t);
  const newer = episodes[k + 1];
  const older = k > 0 ? episodes[k - 1] : undefined;
  return { ...(newer ? { newer } : {}), ...(older ? { older } : {}), by: 'number' };
}

/**
 * Everything a transcript's page (or its JSON twin, without neighbours) shows
 * besides its own record: the names of its speakers and topics, and the
 * newer and older transcripts it links to. With the record's digest this is
 * the page's `cacheKey` for Astro's incremental build: equal keys, equal page.
 */
export function pageKey(index: ArchiveIndex, t: TranscriptCard, digest: string, withNeighbours: boolean): string {
  // What the page shows of them, not whole records: a new spelling of a speaker's name or a new
  // form of a topic's term, found in another transcript, must not re-render this one.
  const speakers = t.participants.map((p) => {
    const s = index.speakers.get(p.speaker);
    return s ? [s.slug, s.name, s.kind, s.roles] : p.speaker;
  });
  const topics = t.topics.map((tt) => index.topics.get(tt.slug)?.name ?? tt.slug);
  const near = withNeighbours ? neighbours(index, t.slug) : {};
  const link = (n: Transcript | undefined) => (n ? [n.slug, n.title] : null);
  // The recording's address as resolved for this build: a new `mediaBase` changes it, not the digest.
  const media = index.transcripts[index.position.get(t.slug) ?? -1]?.media ?? null;
  return JSON.stringify([digest, speakers, topics, link(near.newer), link(near.older), media, near.by ?? null]);
}

/**
 * How many turns a speaker's or topic's page lists. A speaker heard in every
 * transcript would otherwise have a page that grows with the archive, and
 * every rebuild would rewrite it; the transcripts list above the turns stays
 * complete, and search finds every turn.
 */
export const TURN_LIST_LIMIT = 100;

/** A turn as a list shows it: where it is, and its first words (around the terms that filed it, on a topic's list). */
export interface ListedTurn extends TurnRef {
  excerpt: ExcerptPart[];
}

/** How many words a listed turn's excerpt shows. */
const LISTED_WORDS = 40;

/** A list's turns as its page shows them. */
export interface CappedTurns {
  readonly shown: readonly ListedTurn[];
  readonly hidden: number;
}

/**
 * Each list's capped turns, made once per build: a topic's excerpts are the
 * costliest part of its page (thousands of topics, a hundred turns each, each
 * searched for the first of its terms). Only a page that is rendered makes
 * them; its `cacheKey` covers the text they are made from ({@link turnDigest}).
 */
const capped = new WeakMap<readonly TurnRef[], CappedTurns>();

/** The newest `limit` turns of a list (already newest first) with their excerpts, and how many were left out. */
export function capTurns(refs: readonly TurnRef[], limit = TURN_LIST_LIMIT): CappedTurns {
  if (limit !== TURN_LIST_LIMIT) return listTurns(refs, limit);
  let listed = capped.get(refs);
  if (!listed) {
    listed = listTurns(refs, limit);
    capped.set(refs, listed);
  }
  return listed;
}

function listTurns(refs: readonly TurnRef[], limit: number): CappedTurns {
  return {
    shown: refs.slice(0, limit).map((r) => ({
      ...r,
      excerpt: r.terms?.length
        ? excerptAround(turnText(r.turn, r.transcript.textFormat), r.terms, LISTED_WORDS)
        : [{ text: excerpt(r.turn, LISTED_WORDS, r.transcript.textFormat) }],
    })),
    hidden: Math.max(0, refs.length - limit),
  };
}

/** The turns a list's page shows: the newest {@link TURN_LIST_LIMIT}. */
export function shownRefs(refs: readonly TurnRef[]): readonly TurnRef[] {
  return refs.length > TURN_LIST_LIMIT ? refs.slice(0, TURN_LIST_LIMIT) : refs;
}

/** Each turn's digest, made once: a turn is listed on its speaker's page and on every topic's it is filed under. */
const digests = new WeakMap<Turn, string>();

/**
 * A digest of a turn's text, for a page's `cacheKey`: an excerpt is made from
 * the text alone (with its format and terms), so a key that covers the text
 * covers the excerpt, and a page that is not rendered again never makes one.
 * At 10,000 transcripts, making every list page's excerpts for its key took
 * some 16 s of a one-transcript rebuild, mostly Markdown made plain.
 */
export function turnDigest(turn: Turn): string {
  let digest = digests.get(turn);
  if (digest === undefined) {
    digest = createHash('sha1').update(JSON.stringify(turn.paragraphs)).digest('base64');
    digests.set(turn, digest);
  }
  return digest;
}

/**
 * The `cacheKey` of a speaker's or topic's page for Astro's incremental
 * build: a hash of everything the page shows (its record, its transcripts'
 * cards, the turns it lists, with the text their excerpts are made from and
 * the question each answered), so an unchanged page is copied from the last
 * build instead of being rendered again.
 */
export function listPageKey(record: object, transcripts: readonly Transcript[], turns: readonly TurnRef[]): string {
  const hash = createHash('sha256').update(JSON.stringify(record));
  for (const t of transcripts)
    hash.update(JSON.stringify([t.slug, t.title, t.date, t.turns.length, t.participants.length, t.words]));
  for (const r of shownRefs(turns))
    hash.update(
      JSON.stringify([
        r.transcript.slug,
        r.transcript.title,
        r.transcript.date,
        r.transcript.textFormat,
        r.turn.id,
        r.turn.speaker,
        r.turn.label,
        turnDigest(r.turn),
        r.terms,
        r.question ? [r.question.id, r.question.speaker, r.question.label, turnDigest(r.question)] : null,
      ]),
    );
  hash.update(String(turns.length));
  return hash.digest('hex');
}
