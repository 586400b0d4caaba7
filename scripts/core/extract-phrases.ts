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
 * - An entity is a run of proper nouns. A one-word entity counts only where it
 *   stands inside a sentence (the tagger takes any capitalised first word for
 *   a name: `Alright`, `Work`), and not at all when the text also uses it in
 *   lower case (`work`), which a name never is.
 * - A phrase that continues a hyphenated compound (`page app` of
 *   `single-page app`) is a fragment, not a phrase.
 * - Phrases led by a word that only rates or vaguely qualifies (`amazing job`,
 *   `actual code`) are not subjects.
 * - Speakers' own names are not topics, nor any part of them (`Adam` of `Adam Stacoviak`).
 * - An identifier joined by underscores or dots (`OP_RETURN`, `Node.js`) is
 *   one word: a name when it has an underscore or is a capitalised dotted name
 *   (not a web address), and never split into words of its own (`RETURN`).
 *
 * Extraction reads the questions first, then the rest, up to
 * {@link EXTRACTION_CHARS} characters: the part of a transcript that states its
 * subjects, at a cost that stays bounded on very long transcripts.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';
import { MONTHS } from './dates.ts';
import { foldName } from './slugs.ts';

export const EXTRACTION_CHARS = 8000;
const PHRASE_POS = new Set(['ADJ', 'NOUN', 'PROPN']);
/** Head nouns too general to name a subject on their own terms. */
const GENERIC_HEADS = new Set(
  'thing things lot lots way ways kind kinds sort time times year years day days today people person question questions answer answers point points part parts case cases fact number numbers end side stuff bit idea ideas problem problems issue issues matter work example examples place places moment minute minutes week weeks month months word words friend friends guy guys folk folks everyone everybody something anything nothing name names area areas effort efforts'.split(
    ' ',
  ),
);

/** Leading adjectives that rate or vaguely qualify: a phrase they lead names no subject (`great question`). */
const WEAK_MODIFIERS = new Set(
  'actual amazing awesome awful bad best better big brilliant certain cool correct crazy different easy enough entire excellent fake fantastic favorite favourite few fine first funny good great happy huge important interesting large last less little main many more most much new next nice obvious other overall own particular perfect previous quick real recent right same several similar special specific strong such sure terrible true typical usual various weird whole wonderful wrong'.split(
    ' ',
  ),
);

/**
 * Words the tagger sometimes files as nouns or names in speech (`things like`,
 * `I'm gonna`, `Interested in`): a phrase holding one is talk, not a subject.
 */
const FILLERS = new Set(
  "god gosh geez jeez like gonna wanna gotta kinda sorta yeah yes okay ok alright hey um uh oh wow lol i i'm i've i'd i'll you you're we we're they they're it it's that's what's there's let's in on at of to for with by from as and or but so if the a an this that these those my your our their his her its me us them".split(
    ' ',
  ),
);

/**
 * Adjectives that make a fixed term with the words after them (`open source
 * project`, `zero knowledge proof`): never dropped from the front of a phrase,
 * or what remains is a fragment (`source project`).
 */
const FIXED_LEADS = new Set(
  'open zero public private artificial machine smart social digital mobile native static dynamic functional relational distributed decentralized'.split(
    ' ',
  ),
);

/** A web address, bare or as a Markdown link's target: its words (`utm_source`) are no subject. */
const WEB_ADDRESS = /\]\([^)\s]*\)|\b(?:https?:\/\/|www\.)[^\s)>\]]+/giu;

/** An identifier: words joined by underscores or dots, with no space (`OP_RETURN`, `bitcoin.conf`, `U.N`). */
const IDENTIFIER = /[\p{L}\p{N}]+(?:[_.][\p{L}\p{N}]+)+/gu;

/**
 * Whether an identifier is kept whole rather than left to the tagger: one
 * with an underscore, or dots between words of two letters or more
 * (`node.js`, not the abbreviations `U.S` and `e.g`).
 */
const wholeIdentifier = (id: string): boolean =>
  /\p{L}/u.test(id) && (id.includes('_') || id.split('.').some((part) => /\p{L}{2}/u.test(part)));

/**
 * Whether a whole identifier names a subject: `OP_RETURN`, `SIGHASH_ALL`,
 * `Node.js`; not a lower-case file name (`bitcoin.conf`) or a web address
 * (`Changelog.com`).
 */
const namingIdentifier = (id: string): boolean =>
  id.includes('_')
    ? /\p{L}{2}/u.test(id)
    : /^\p{Lu}/u.test(id) && !/\.(?:com|org|net|io|dev|fm|co|uk|me|app|info|edu|gov)$/i.test(id);

/** Month and day names: dates, not subjects. */
const CALENDAR = new Set(
  [...MONTHS, 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((w) => w.toLowerCase()),
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

/** wink-nlp with this project's patch (`scripts/patches/`): `forget()` drops the words earlier texts taught it. */
type Tagger = WinkMethods & { forget?: () => void };

let nlp: Tagger | undefined;

/**
 * The tagger, ready to read a transcript as if it were the first it reads.
 * Unpatched, wink-nlp keeps every word it meets and reads a later text by
 * them (`Bob's` one token or two), so a transcript's candidates would depend
 * on which transcripts a worker happened to read before it, and a clean and
 * an incremental ingest would choose different topics.
 */
function freshTagger(): WinkMethods {
  // Tags only: wink's tagger reads the whole token stream, not sentences, and a sentence's first word
  // is told by the punctuation before it (`Tok.initial`), so its sentence splitter would be wasted work.
  nlp ??= winkNLP(model, ['pos']) as Tagger;
  if (typeof nlp.forget !== 'function')
    throw new Error(
      'wink-nlp is not patched (scripts/patches/wink-nlp+2.4.0.patch): run `npm install`, which applies it, or topics would depend on the order files are read in',
    );
  nlp.forget();
  return nlp;
}

interface Tok {
  /** Its place in the text's tokens. */
  at: number;
  text: string;
  pos: string;
  lemma: string;
  /** First word of a sentence (or of the text). */
  initial: boolean;
  /** Joined by a hyphen to the word before it (`page` of `single-page`): the rest of a compound. */
  joined: boolean;
}

/**
 * `exclude`: folded names never to propose (every speaker's); `people`: folded
 * names of the people speaking, whose every word is excluded as a one-word name
 * (`Adam` of `Adam Stacoviak`; not `China` of `China Central Television`).
 */
export function extractCandidates(
  texts: readonly string[],
  exclude: ReadonlySet<string>,
  people: ReadonlySet<string> = new Set(),
): Candidate[] {
  let budget = EXTRACTION_CHARS;
  const sample: string[] = [];
  for (const t of texts) {
    if (budget <= 0) break;
    sample.push(t.slice(0, budget));
    budget -= t.length;
  }
  const nlpi = freshTagger();
  const found = new Map<string, { forms: Map<string, number>; count: number; entity: boolean }>();
  const namePart = new Set([...people].flatMap((name) => name.split(' ')).filter((w) => w.length >= 3));
  const lowerCase = new Set<string>();
  const add = (words: readonly string[], entity: boolean, lemmaLast?: string): void => {
    if (
      words.some((w) =>
        FILLERS.has(
          w
            .toLowerCase()
            .replace(/[’]/g, "'")
            .replace(/[^\p{L}']/gu, ''),
        ),
      )
    )
      return;
    const surface = words.join(' ');
    const key = foldName([...words.slice(0, -1), lemmaLast ?? words.at(-1) ?? ''].join(' '));
    if (key.length < 3 || exclude.has(key) || exclude.has(foldName(surface))) return;
    if (words.length === 1 && (namePart.has(key) || CALENDAR.has(key))) return;
    const entry = found.get(key) ?? { forms: new Map(), count: 0, entity };
    entry.count++;
    entry.forms.set(surface, (entry.forms.get(surface) ?? 0) + 1);
    found.set(key, entry);
  };
  for (const raw of sample) {
    // Web addresses are not speech. Whole identifiers are counted here and hidden from the tagger, which
    // would split them at `_` and `.`.
    const text = raw.replace(WEB_ADDRESS, ',').replace(IDENTIFIER, (id) => {
      if (!wholeIdentifier(id)) return id;
      if (namingIdentifier(id)) add([id], true);
      return ',';
    });
    const doc = nlpi.readDoc(text);
    const its = nlpi.its;
    const words = doc.tokens().out();
    const pos = doc.tokens().out(its.pos);
    // wink's types declare `its.lemma` with an extra parameter; at run time it is an ordinary `its` helper.
    const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos);
    const spaces = doc.tokens().out(its.precedingSpaces);
    const toks: Tok[] = words.map((w, i) => ({
      at: i,
      text: w,
      pos: pos[i] ?? '',
      lemma: lemmas[i] ?? w,
      initial: i === 0 || /^[.!?:;"“”…—–-]+$/.test(words[i - 1] ?? ''),
      joined: words[i - 1] === '-' && spaces[i - 1] === '' && spaces[i] === '' && /\p{L}/u.test(words[i - 2] ?? ''),
    }));
    for (const w of words) if (/^\p{Ll}+$/u.test(w)) lowerCase.add(w);
    let run: Tok[] = [];
    const flush = (): void => {
      if (run.length > 0) phrasesOf(run, toks, add);
      run = [];
    };
    for (const tok of toks) {
      if (PHRASE_POS.has(tok.pos) && /\p{L}/u.test(tok.text)) run.push(tok);
      else flush();
    }
    flush();
  }
  return [...found]
    .filter(([key, v]) => !(v.entity && !key.includes(' ') && lowerCase.has(key)))
    .map(([key, v]) => {
      const forms = [...v.forms].sort((a, b) => b[1] - a[1]).map(([f]) => f);
      return { key, display: forms[0] ?? key, forms, count: v.count, entity: v.entity };
    })
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** A capitalised word, not the pronoun `I` (`I'm`). */
const capitalised = (tok: Tok | undefined): boolean =>
  tok !== undefined && /^\p{Lu}/u.test(tok.text) && !/^I(?:['’]\p{L}+)?$/u.test(tok.text);

/**
 * An entity with the capitalised words of its run around it (`Stack` of
 * `Stack Overflow`, tagged a common noun), or `undefined` when a capitalised
 * word outside the run touches it: a fragment of a longer name the tagger
 * split (`Time` of `Go Time`, `Ship` of `Ship It`).
 */
function wholeName(proper: readonly Tok[], run: readonly Tok[], toks: readonly Tok[]): Tok[] | undefined {
  const first = run.indexOf(proper[0] as Tok);
  let start = first;
  let end = first + proper.length - 1;
  while (start > 0 && capitalised(run[start - 1])) start--;
  while (end < run.length - 1 && capitalised(run[end + 1])) end++;
  const name = run.slice(start, end + 1);
  const before = toks[(name[0]?.at ?? 0) - 1];
  const after = toks[(name.at(-1)?.at ?? 0) + 1];
  if (capitalised(before) || capitalised(after)) return undefined;
  return name;
}

function phrasesOf(
  run: readonly Tok[],
  toks: readonly Tok[],
  add: (words: readonly string[], entity: boolean, lemmaLast?: string) => void,
): void {
  // Entities: maximal runs of proper nouns that stand alone, not modifiers of a noun (`Chinese citizens`).
  let proper: Tok[] = [];
  for (const tok of [...run, undefined]) {
    if (tok?.pos === 'PROPN') proper.push(tok);
    else {
      const name = proper.length > 0 ? wholeName(proper, run, toks) : undefined;
      const alone = name?.length === 1 && name[0]?.initial;
      const next = name ? run[run.indexOf(name.at(-1) as Tok) + 1] : undefined;
      if (name && name.length <= 4 && next?.pos !== 'NOUN' && !alone)
        add(
          name.map((t) => t.text),
          true,
        );
      proper = [];
    }
  }
  // Noun phrases: end at the last common noun; drop leading common adjectives while two words remain.
  // A run that continues a hyphenated compound (`single-page app`, `long-time listener`) is a fragment.
  if (run[0]?.joined) return;
  const lastNoun = run.findLastIndex((t) => t.pos === 'NOUN');
  if (lastNoun < 1) return;
  let phrase = run.slice(0, lastNoun + 1);
  while (
    phrase.length > 2 &&
    phrase[0]?.pos === 'ADJ' &&
    !/^\p{Lu}/u.test(phrase[0].text) &&
    !FIXED_LEADS.has(phrase[0].text.toLowerCase())
  )
    phrase = phrase.slice(1);
  if (phrase.length > 4) phrase = phrase.slice(-4);
  const head = phrase.at(-1);
  if (!head || phrase.length < 2 || GENERIC_HEADS.has(head.lemma.toLowerCase())) return;
  const lead = phrase[0];
  // A rating word leads no subject, capitalised only because it starts a sentence (`Good job.`) or not.
  if (lead && WEAK_MODIFIERS.has(lead.text.toLowerCase()) && (lead.initial || !/^\p{Lu}/u.test(lead.text))) return;
  add(
    phrase.map((t) => t.text),
    false,
    head.lemma,
  );
}
