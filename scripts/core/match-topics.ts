/**
 * Files turns under topics. A term matches as whole words, ignoring case and
 * treating hyphens and spaces alike (`law-enforcement` = `law enforcement`);
 * a name found by extraction (`entity`) keeps its capitals (`Core` the
 * project is not `core`, `Face` not `face`), and a word of it written all in
 * capitals (`NATS`, the messaging system) matches only all in capitals (not
 * `NATs`, network address translators, nor `Nats`); and a one-word name does
 * not match as the end of a longer capitalised name (`Depot` of `Home Depot`),
 * as extraction never takes such a fragment for a name.
 * Every assignment records which terms matched in which turn, so a topic page
 * can show why. Terms are indexed by their first word, so matching costs one
 * pass over each turn's words whatever the number of topics.
 */
import type { Topic, TopicRule, TranscriptTopic, Turn } from './schema.ts';
import { nameSlug } from './slugs.ts';

export function rulesToTopics(rules: readonly TopicRule[]): Topic[] {
  return rules.map((rule) => {
    const terms = [...new Set([rule.name, ...rule.terms].map((t) => t.trim()))];
    return {
      slug: rule.slug ?? nameSlug(rule.name),
      name: rule.name,
      ...(rule.description ? { description: rule.description } : {}),
      origin: 'rules',
      terms,
    };
  });
}

/**
 * Words as written: hyphens and punctuation as spaces, except the symbols
 * that make a word (`C++`, `C#`, `F#`), so that `C++` never matches `Plan C`;
 * an identifier joined by underscores or dots (`OP_RETURN`, `bitcoin.conf`,
 * `Node.js`) is one word, so that `RETURN` never matches inside `OP_RETURN`.
 */
export function splitWords(text: string): string[] {
  return text.replace(/[-‐‑–—]/g, ' ').match(WORD) ?? [];
}

const WORD = /[\p{L}\p{N}']+(?:[_.][\p{L}\p{N}']+)*(?:\+\+|#)?/gu;

/** {@link splitWords}, with where each word starts and ends in the text. */
function wordsAt(text: string): { words: string[]; starts: number[]; ends: number[] } {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.replace(/[-‐‑–—]/g, ' ').matchAll(WORD)) {
    words.push(m[0]);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { words, starts, ends };
}

/**
 * A capitalised word that can begin a longer name: not the pronoun `I`
 * (`I'm`), nor an identifier joined by underscores or dots, a name of its own
 * (`OP_EQUALVERIFY OP_CHECKSIG` is two opcodes).
 */
const nameWord = (word: string | undefined): boolean =>
  word !== undefined && /^\p{Lu}/u.test(word) && !/^I(?:['’]\p{L}+)?$/u.test(word) && !/[_.]/u.test(word);

/**
 * Whether the one word at `at` ends a longer capitalised name (`Depot` of
 * `Home Depot`, `Office` of `Microsoft Office`): a capitalised word stands
 * just before it, with nothing but spaces between, and does not start a
 * sentence (`So Depot…`). Extraction refuses such a fragment as a name; the
 * matcher does not file it either. A capitalised word after a name qualifies
 * the name itself (`Apple Watch` is Apple's), so it is no reason to refuse.
 */
function endsLongerName(text: string, words: ReturnType<typeof wordsAt>, at: number): boolean {
  const gap = (a: number, b: number) => text.slice(words.ends[a], words.starts[b]);
  if (at === 0 || !/^\s+$/u.test(gap(at - 1, at)) || !nameWord(words.words[at - 1])) return false;
  return at - 1 > 0 && !/[.!?:;"“”(…]/u.test(gap(at - 2, at - 1));
}

/**
 * Whether the one word at `at` begins a longer capitalised name (`Gopher` of
 * `Gopher Slack`, `South` of `South Africa`): a capitalised word that can
 * continue a name ({@link nameWord}) follows it, with nothing but spaces
 * between. The matcher files it (`Apple Watch` is Apple's) and counts it: a
 * name said so most of the time is a part of other names.
 */
function startsLongerName(text: string, words: ReturnType<typeof wordsAt>, at: number): boolean {
  const next = at + 1;
  return nameWord(words.words[next]) && /^ +$/u.test(text.slice(words.ends[at], words.starts[next]));
}

/** A word folded for matching: lower case, and a possessive's `'s` dropped (`Interpol's` is `Interpol`). */
export function foldWord(word: string): string {
  const folded = word.toLowerCase();
  // Most words are plain ASCII letters and digits once lower-cased: nothing more to drop.
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return dropMarks(folded);
  }
  return folded;
}

const dropMarks = (folded: string): string => folded.replace(/['’]s$/u, '').replace(/[^\p{L}\p{N}'+#_.]/gu, '');

/** A text's words as written ({@link splitWords}) and folded for matching ({@link foldWord}), aligned. */
export interface TextWords {
  written: readonly string[];
  folded: readonly string[];
}

/**
 * The last texts folded, with their words: the same turn is folded for the
 * matcher and for the test of the topics it is filed under, and folding costs
 * more than looking the text up. Cleared when it holds {@link RECENT_TEXTS}
 * texts or {@link RECENT_CHARS} characters, so it holds about one
 * transcript's turns and its memory stays bounded whatever the turns' length.
 */
const recentlyFolded = new Map<string, TextWords>();
const RECENT_TEXTS = 4096;
const RECENT_CHARS = 4_000_000;
let recentChars = 0;

/** A text's words as written and folded. */
export function textWords(text: string): TextWords {
  const known = recentlyFolded.get(text);
  if (known) return known;
  const written = splitWords(text);
  const words = { written, folded: written.map(foldWord) };
  if (recentlyFolded.size >= RECENT_TEXTS || recentChars + text.length > RECENT_CHARS) {
    recentlyFolded.clear();
    recentChars = 0;
  }
  recentlyFolded.set(text, words);
  recentChars += text.length;
  return words;
}

/** Words for matching: lower case, hyphens and punctuation as spaces. */
export function foldWords(text: string): readonly string[] {
  return textWords(text).folded;
}

const capitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

/** A word of two letters or more all in capitals (`NATS`, `GPU`), a possessive aside. */
export const allCapitals = (word: string): boolean => {
  const bare = word.replace(/['’]s$/u, '');
  return /\p{Lu}.*\p{Lu}/u.test(bare) && !/\p{Ll}/u.test(bare);
};

/** How a name's word must be written: as it starts (a capital) or all in capitals. */
type Case = 'any' | 'capital' | 'all';
const caseOf = (word: string): Case => (allCapitals(word) ? 'all' : capitalised(word) ? 'capital' : 'any');
const written = (word: string, wanted: Case): boolean =>
  wanted === 'any' || (wanted === 'all' ? allCapitals(word) : capitalised(word));

interface Needle {
  topic: number;
  term: string;
  words: string[];
  /** For names: how each word must be written, as in the term. */
  cases?: Case[];
}

export type TopicMatcher = (turns: readonly Turn[]) => TranscriptTopic[];

/** How a transcript says a topic it is filed under: how often, and (for a name) how often as a common word. */
export interface NameUses {
  /** Times its terms are said, written as a name asks (`State`). */
  named: number;
  /** For a name, times written all in lower case (`state`): the same word, as a common word. */
  lower: number;
  /** Turns that mention it among the transcript's first and last {@link EDGE_TURNS}: greetings, introductions, credits. */
  edge: number;
  /** Times said right after a possessive (`my PhD`, `your YouTube channel`): someone's own, not a subject. */
  owned: number;
  /** For a one-word name, times said as the first word of a longer capitalised name (`Gopher Slack`, `South Africa`). */
  leads: number;
}

/** The possessive determiners: what follows one is someone's own (`my PhD`). */
const POSSESSIVES = new Set(['my', 'our', 'your', 'his', 'her', 'their', 'its']);

/** The turns at each end of a transcript that greet, introduce the show and its hosts, and sign off. */
export const EDGE_TURNS = 2;

/** Files a transcript's turns, and counts how it writes the names it is filed under. */
export type CountingMatcher = (turns: readonly Turn[]) => { filed: TranscriptTopic[]; uses: Map<string, NameUses> };

/** Whether `words` from `at` on hold a term's words after its first (which the caller found there). */
function restFollows(term: readonly string[], words: readonly string[], at: number): boolean {
  for (let k = 1; k < term.length; k++) if (words[at + k] !== term[k]) return false;
  return true;
}

/**
 * Prepares the topics once; the matcher then files any transcript's turns.
 * Topics come back by how many turns speak of them, then by slug, whatever
 * the order they were given in.
 */
export function topicMatcher(topics: readonly Topic[]): TopicMatcher {
  const counting = countingMatcher(topics);
  return (turns) => counting(turns).filed;
}

/**
 * {@link topicMatcher}, also counting, for each topic a transcript is filed
 * under, how often its terms are said and, for a name, how often it is written
 * all in lower case.
 */
export function countingMatcher(topics: readonly Topic[]): CountingMatcher {
  const byFirst = new Map<string, Needle[]>();
  const strictness: Record<Case, number> = { any: 0, capital: 1, all: 2 };
  topics.forEach((topic, index) => {
    const seen = new Map<string, Case[][]>();
    // In a fixed order, so which spelling stands for a term depends on the set of terms alone; the
    // laxest first, so that a stricter spelling of the same words (`VIM` after `Vim`) adds nothing.
    const terms = topic.terms.map((term) => {
      const raw = splitWords(term);
      const cases = topic.entity ? raw.map(caseOf) : undefined;
      return { term, words: raw.map(foldWord), cases, rank: (cases ?? []).reduce((n, c) => n + strictness[c], 0) };
    });
    terms.sort((a, b) => a.rank - b.rank || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    for (const { term, words, cases } of terms) {
      const key = words.join(' ');
      const known = seen.get(key) ?? [];
      const covered = known.some((k) => k.every((c, i) => strictness[c] <= strictness[cases?.[i] ?? 'any']));
      if (words.length === 0 || covered) continue;
      seen.set(key, [...known, cases ?? words.map((): Case => 'any')]);
      const list = byFirst.get(words[0] as string) ?? [];
      list.push({ topic: index, term, words, ...(cases ? { cases } : {}) });
      byFirst.set(words[0] as string, list);
    }
  });
  return (turns) => {
    const found = new Map<number, Map<string, Set<string>>>();
    const named = new Map<number, number>();
    const lowered = new Map<number, number>();
    const edges = new Map<number, number>();
    const owned = new Map<number, number>();
    const leads = new Map<number, number>();
    turns.forEach((turn, at) => {
      const edge = at < EDGE_TURNS || at >= turns.length - EDGE_TURNS;
      const text = turn.paragraphs.join(' ');
      const { written: asWritten, folded: words } = textWords(text);
      // Where each word starts and ends: found only when a one-word name's neighbours are checked.
      let raw: ReturnType<typeof wordsAt> | undefined;
      for (let i = 0; i < words.length; i++) {
        const needles = byFirst.get(words[i] as string);
        if (needles === undefined) continue;
        for (const needle of needles) {
          // The first word is the key the needle was found by; a term's further words follow it.
          if (!restFollows(needle.words, words, i)) continue;
          if (needle.cases) {
            if (needle.cases.some((wanted, k) => !written(asWritten[i + k] ?? '', wanted))) {
              if (needle.words.every((_, k) => !/\p{Lu}/u.test(asWritten[i + k] ?? '')))
                lowered.set(needle.topic, (lowered.get(needle.topic) ?? 0) + 1);
              continue;
            }
            if (needle.words.length === 1) {
              raw ??= wordsAt(text);
              if (endsLongerName(text, raw, i)) continue;
              if (startsLongerName(text, raw, i)) leads.set(needle.topic, (leads.get(needle.topic) ?? 0) + 1);
            }
          }
          named.set(needle.topic, (named.get(needle.topic) ?? 0) + 1);
          if (POSSESSIVES.has(words[i - 1] as string)) owned.set(needle.topic, (owned.get(needle.topic) ?? 0) + 1);
          const byTurn = found.get(needle.topic) ?? new Map<string, Set<string>>();
          if (edge && !byTurn.has(turn.id)) edges.set(needle.topic, (edges.get(needle.topic) ?? 0) + 1);
          const terms = byTurn.get(turn.id) ?? new Set<string>();
          terms.add(needle.term);
          byTurn.set(turn.id, terms);
          found.set(needle.topic, byTurn);
        }
      }
    });
    // Most turns first, then by slug: an order of the transcript's own, not of the archive's list of
    // topics, which changes as transcripts come and go (a transcript not parsed again keeps its order).
    const filed = [...found]
      .sort((a, b) => b[1].size - a[1].size || (topics[a[0]] as Topic).slug.localeCompare((topics[b[0]] as Topic).slug))
      .map(([index, byTurn]) => ({
        slug: (topics[index] as Topic).slug,
        matches: turns
          .filter((t) => byTurn.has(t.id))
          .map((t) => ({
            turn: t.id,
            terms: [...(topics[index] as Topic).terms].sort().filter((term) => byTurn.get(t.id)?.has(term)),
          })),
      }));
    const uses = new Map<string, NameUses>();
    for (const index of found.keys())
      uses.set((topics[index] as Topic).slug, {
        named: named.get(index) ?? 0,
        lower: lowered.get(index) ?? 0,
        edge: edges.get(index) ?? 0,
        owned: owned.get(index) ?? 0,
        leads: leads.get(index) ?? 0,
      });
    return { filed, uses };
  };
}

/** Which topics each turn speaks of, with the terms that show it. */
export function matchTopics(topics: readonly Topic[], turns: readonly Turn[]): TranscriptTopic[] {
  return topicMatcher(topics)(turns);
}
