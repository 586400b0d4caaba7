/**
 * Candidate topics from a transcript's text, with wink-nlp's part-of-speech
 * tagger (English): noun phrases (`telecom fraud`, `law enforcement
 * cooperation`) and named entities (`Myanmar`, `Interpol`, `U.N.`).
 *
 * - A noun phrase is a run of adjectives and nouns that ends in a noun, of two
 *   to four words; leading common adjectives are dropped when what remains is
 *   still a phrase (`international law enforcement cooperation` → `law
 *   enforcement cooperation`), and the head noun is lemmatised (`crimes` →
 *   `crime`), so variants count together.
 * - An entity is a run of proper nouns.
 * - Speakers' own names are not topics.
 *
 * Extraction reads the questions first, then the rest, up to
 * {@link EXTRACTION_CHARS} characters: the part of a transcript that states its
 * subjects, at a cost that stays bounded on very long transcripts.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';
import { foldName } from './slugs.ts';

export const EXTRACTION_CHARS = 8000;
const PHRASE_POS = new Set(['ADJ', 'NOUN', 'PROPN']);
/** Head nouns too general to name a subject on their own terms. */
const GENERIC_HEADS = new Set(
  'thing things lot lots way ways kind kinds sort time times year years day days today people person question questions answer answers point points part parts case cases fact number numbers end side stuff bit idea ideas problem problems issue issues matter work example examples place places moment minute minutes week weeks month months word words friend friends guy guys folk folks everyone everybody something anything nothing name names area areas effort efforts'.split(
    ' ',
  ),
);

export interface Candidate {
  /** Folded form, the identity of the candidate. */
  key: string;
  /** How it reads: the most frequent surface form. */
  display: string;
  /** Every surface form seen, for matching text later. */
  forms: string[];
  count: number;
  entity: boolean;
}

let nlp: WinkMethods | undefined;

function tagger(): WinkMethods {
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

interface Tok {
  text: string;
  pos: string;
  lemma: string;
}

export function extractCandidates(texts: readonly string[], exclude: ReadonlySet<string>): Candidate[] {
  let budget = EXTRACTION_CHARS;
  const sample: string[] = [];
  for (const t of texts) {
    if (budget <= 0) break;
    sample.push(t.slice(0, budget));
    budget -= t.length;
  }
  const nlpi = tagger();
  const found = new Map<string, { forms: Map<string, number>; count: number; entity: boolean }>();
  const add = (words: readonly string[], entity: boolean, lemmaLast?: string): void => {
    const surface = words.join(' ');
    const key = foldName([...words.slice(0, -1), lemmaLast ?? words.at(-1) ?? ''].join(' '));
    if (key.length < 3 || exclude.has(key) || exclude.has(foldName(surface))) return;
    const entry = found.get(key) ?? { forms: new Map(), count: 0, entity };
    entry.count++;
    entry.forms.set(surface, (entry.forms.get(surface) ?? 0) + 1);
    found.set(key, entry);
  };
  for (const text of sample) {
    const doc = nlpi.readDoc(text);
    const its = nlpi.its;
    const words = doc.tokens().out();
    const pos = doc.tokens().out(its.pos);
    // wink's types declare `its.lemma` with an extra parameter; at run time it is an ordinary `its` helper.
    const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos);
    const toks: Tok[] = words.map((w, i) => ({ text: w, pos: pos[i] ?? '', lemma: lemmas[i] ?? w }));
    let run: Tok[] = [];
    const flush = (): void => {
      if (run.length > 0) phrasesOf(run, add);
      run = [];
    };
    for (const tok of toks) {
      if (PHRASE_POS.has(tok.pos) && /\p{L}/u.test(tok.text)) run.push(tok);
      else flush();
    }
    flush();
  }
  return [...found]
    .map(([key, v]) => {
      const forms = [...v.forms].sort((a, b) => b[1] - a[1]).map(([f]) => f);
      return { key, display: forms[0] ?? key, forms, count: v.count, entity: v.entity };
    })
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function phrasesOf(
  run: readonly Tok[],
  add: (words: readonly string[], entity: boolean, lemmaLast?: string) => void,
): void {
  // Entities: maximal runs of proper nouns that stand alone, not modifiers of a noun (`Chinese citizens`).
  let proper: Tok[] = [];
  for (const tok of [...run, undefined]) {
    if (tok?.pos === 'PROPN') proper.push(tok);
    else {
      if (proper.length > 0 && proper.length <= 4 && tok?.pos !== 'NOUN')
        add(
          proper.map((t) => t.text),
          true,
        );
      proper = [];
    }
  }
  // Noun phrases: end at the last common noun; drop leading common adjectives while two words remain.
  const lastNoun = run.findLastIndex((t) => t.pos === 'NOUN');
  if (lastNoun < 1) return;
  let phrase = run.slice(0, lastNoun + 1);
  while (phrase.length > 2 && phrase[0]?.pos === 'ADJ' && !/^\p{Lu}/u.test(phrase[0].text)) phrase = phrase.slice(1);
  if (phrase.length > 4) phrase = phrase.slice(-4);
  const head = phrase.at(-1);
  if (!head || phrase.length < 2 || GENERIC_HEADS.has(head.lemma.toLowerCase())) return;
  add(
    phrase.map((t) => t.text),
    false,
    head.lemma,
  );
}
