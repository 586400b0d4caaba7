/**
 * Derived views of the archive that pages need (every turn of a speaker,
 * every turn filed under a topic, counts, neighbours), computed once from
 * the transcripts' outlines (no text). The text a list shows is read from
 * the whole records of the turns it lists, through the `WholeOf` a page
 * passes in. Pure: tested without Astro.
 */
import { createHash } from 'node:crypto';
import type { TextFormat } from '../../scripts/core/render-paragraph.ts';
import type {
  Exchange,
  Speaker,
  Topic,
  Transcript,
  TranscriptOutline,
  Turn,
  TurnOutline,
} from '../../scripts/core/schema.ts';
import { transcriptOrder } from '../../scripts/core/transcript-order.ts';
import { type ExcerptPart, excerptAround, leadText, turnText } from './excerpt.ts';

export interface TurnRef {
  transcript: TranscriptOutline;
  turn: TurnOutline;
  /** For topic listings: the terms that filed the turn under the topic. */
  terms?: string[];
  /** For an answer: the question it answered. */
  question?: TurnOutline;
}

/** A question an outlet or reporter asked, with the answers that followed. */
export interface QuestionRef {
  transcript: TranscriptOutline;
  exchange: Exchange;
  question: TurnOutline;
  answers: TurnOutline[];
}

/** A transcript's whole record by slug, read once per build (`wholeTranscript` in `load-archive.ts`). */
export type WholeOf = (slug: string) => Promise<Transcript>;

export interface ArchiveIndex {
  /** Newest first; undated transcripts last, by title. */
  transcripts: TranscriptOutline[];
  speakers: Map<string, Speaker>;
  topics: Map<string, Topic>;
  turnsBySpeaker: Map<string, TurnRef[]>;
  turnsByTopic: Map<string, TurnRef[]>;
  transcriptsBySpeaker: Map<string, TranscriptOutline[]>;
  transcriptsByTopic: Map<string, TranscriptOutline[]>;
  /** Questions by who asked them. */
  questionsBySpeaker: Map<string, QuestionRef[]>;
  /** For each speaker, how many of their turns each topic filed (a turn counts once per topic). */
  topicTurnsBySpeaker: Map<string, Map<string, number>>;
  /** Each transcript's place in `transcripts`, by slug. */
  position: Map<string, number>;
  /** Undated numbered episodes of each show, by number: the order an undated transcript is read in. */
  episodes: Map<string, TranscriptOutline[]>;
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
    text = cutExcerpt(leadText(turn, format, maxWords), maxWords);
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
  transcripts: readonly TranscriptOutline[],
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
    const questionOf = new Map<string, TurnOutline>();
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
): { newer?: TranscriptOutline; older?: TranscriptOutline; by?: 'date' | 'number' } {
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
export function pageKey(index: ArchiveIndex, slug: string, digest: string, withNeighbours: boolean): string {
  const t = index.transcripts[index.position.get(slug) ?? -1];
  if (!t) throw new Error(`${slug}: the transcript is not in the archive index`);
  // What the page shows of them, not whole records: a new spelling of a speaker's name or a new
  // form of a topic's term, found in another transcript, must not re-render this one.
  const speakers = t.participants.map((p) => {
    const s = index.speakers.get(p.speaker);
    return s ? [s.slug, s.name, s.kind, s.roles] : p.speaker;
  });
  const topics = t.topics.map((tt) => index.topics.get(tt.slug)?.name ?? tt.slug);
  const near = withNeighbours ? neighbours(index, t.slug) : {};
  const link = (n: TranscriptOutline | undefined) => (n ? [n.slug, n.title] : null);
  // The recording's address as resolved for this build: a new `mediaBase` changes it, not the digest.
  const media = t.media ?? null;
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
  /** The first words of the question it answered. */
  questionExcerpt?: string;
}

/** How many words a listed turn's excerpt shows. */
const LISTED_WORDS = 40;

/** A list's turns as its page shows them. */
export interface CappedTurns {
  readonly shown: readonly ListedTurn[];
  readonly hidden: number;
}

/** Each whole record's turns by id, made once. */
const turnMaps = new WeakMap<Transcript, Map<string, Turn>>();

/** The whole turn an outline stands for, text included. */
async function wholeTurn(whole: WholeOf, transcript: TranscriptOutline, turn: TurnOutline): Promise<Turn> {
  const record = await whole(transcript.slug);
  let byId = turnMaps.get(record);
  if (!byId) {
    byId = new Map(record.turns.map((t) => [t.id, t]));
    turnMaps.set(record, byId);
  }
  const found = byId.get(turn.id);
  if (!found) throw new Error(`no turn \`${turn.id}\` in the record of \`${transcript.slug}\``);
  return found;
}

/**
 * Each list's capped turns, made once per build: a topic's excerpts are the
 * costliest part of its page (thousands of topics, a hundred turns each, each
 * searched for the first of its terms). Only a page that is rendered makes
 * them, reading the records of the turns it lists; its `cacheKey` covers the
 * text they are made from (each turn's digest).
 */
const capped = new WeakMap<readonly TurnRef[], Promise<CappedTurns>>();

/** The newest `limit` turns of a list (already newest first) with their excerpts, and how many were left out. */
export function capTurns(refs: readonly TurnRef[], whole: WholeOf, limit = TURN_LIST_LIMIT): Promise<CappedTurns> {
  if (limit !== TURN_LIST_LIMIT) return listTurns(refs, whole, limit);
  let listed = capped.get(refs);
  if (!listed) {
    listed = listTurns(refs, whole, limit);
    capped.set(refs, listed);
  }
  return listed;
}

async function listTurns(refs: readonly TurnRef[], whole: WholeOf, limit: number): Promise<CappedTurns> {
  const shown = await Promise.all(
    refs.slice(0, limit).map(async (r): Promise<ListedTurn> => {
      const format = r.transcript.textFormat;
      const turn = await wholeTurn(whole, r.transcript, r.turn);
      const question = r.question ? await wholeTurn(whole, r.transcript, r.question) : undefined;
      return {
        ...r,
        excerpt: r.terms?.length
          ? excerptAround(turnText(turn, format), r.terms, LISTED_WORDS)
          : [{ text: excerpt(turn, LISTED_WORDS, format) }],
        ...(question ? { questionExcerpt: excerpt(question, 20, format) } : {}),
      };
    }),
  );
  return { shown, hidden: Math.max(0, refs.length - limit) };
}

/** A question as a speaker's page lists it: its first words, and those of its first two answers. */
export interface ListedQuestion extends QuestionRef {
  excerpt: string;
  shownAnswers: { turn: TurnOutline; excerpt: string }[];
}

/** Questions with their excerpts, read from the records of the transcripts they were asked in. */
export function listQuestions(questions: readonly QuestionRef[], whole: WholeOf): Promise<ListedQuestion[]> {
  return Promise.all(
    questions.map(async (q) => {
      const format = q.transcript.textFormat;
      return {
        ...q,
        excerpt: excerpt(await wholeTurn(whole, q.transcript, q.question), 50, format),
        shownAnswers: await Promise.all(
          q.answers.slice(0, 2).map(async (a) => ({
            turn: a,
            excerpt: excerpt(await wholeTurn(whole, q.transcript, a), 30, format),
          })),
        ),
      };
    }),
  );
}

/** The turns a list's page shows: the newest {@link TURN_LIST_LIMIT}. */
export function shownRefs(refs: readonly TurnRef[]): readonly TurnRef[] {
  return refs.length > TURN_LIST_LIMIT ? refs.slice(0, TURN_LIST_LIMIT) : refs;
}

/** What a list shows of a transcript's card, as JSON: made once per outline, as every page listing it hashes it. */
const cardKeys = new WeakMap<TranscriptOutline, string>();
function cardKey(t: TranscriptOutline): string {
  let key = cardKeys.get(t);
  if (key === undefined) {
    key = JSON.stringify([t.slug, t.title, t.date, t.turns.length, t.participants.length, t.words]);
    cardKeys.set(t, key);
  }
  return key;
}

/**
 * The `cacheKey` of a speaker's or topic's page for Astro's incremental
 * build: a hash of everything the page shows (its record, its transcripts'
 * cards, the turns it lists, with the question each answered), so an
 * unchanged page is copied from the last build instead of being rendered
 * again. An excerpt is made from its turn's text alone (with the format and
 * terms), so the turn's digest stands for it: a page that is not rendered
 * again never reads a record nor makes an excerpt.
 */
export function listPageKey(
  record: object,
  transcripts: readonly TranscriptOutline[],
  turns: readonly TurnRef[],
): string {
  const hash = createHash('sha256').update(JSON.stringify(record));
  for (const t of transcripts) hash.update(cardKey(t));
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
        r.turn.digest,
        r.terms,
        r.question ? [r.question.id, r.question.speaker, r.question.label, r.question.digest] : null,
      ]),
    );
  hash.update(String(turns.length));
  return hash.digest('hex');
}
