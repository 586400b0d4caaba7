/**
 * Chooses the archive's topics from every transcript's candidates
 * (`extract-phrases.ts`) and the curated rules (`topics.yaml`).
 *
 * A candidate is salient in a transcript when it recurs there (at least
 * {@link MIN_COUNT} times) and is rare across the archive: its score is its count
 * times the inverse of how many transcripts mention it, so a phrase every
 * transcript uses ("public security") ranks low however frequent it is. Each
 * transcript of a small archive contributes its {@link PER_TRANSCRIPT} best. Once the archive is
 * large, a topic is a phrase that recurs (at least {@link MIN_COUNT} times) in enough transcripts (two from
 * {@link CROSS_CUT_FROM} transcripts, three from 1,000, four from 10,000: see
 * {@link minTranscripts}): a topic page is a cross-cut, not one episode's aside.
 *
 * Rules win: a candidate equal to a rule's name or term is that rule's topic
 * (this is how rules rename and merge), a blocked phrase is dropped, and
 * pinned rules are kept even when nothing mentions them.
 *
 * People and the archive's own sources are never extracted topics
 * ({@link NotTopics}): a speaker's name, alias, first or family name, or a
 * nickname made of them (`Kball` of Kevin Ball); a placeholder name
 * (`Alice`); a show's, event's or outlet's own name (`JS Party`, `Changelog
 * News`). And a topic is filed on a transcript only where it is discussed
 * there ({@link discussed}), not merely mentioned.
 *
 * Once every transcript is filed, {@link notSubject} takes out what the
 * filing shows is no subject: a phrase spread thinly over many transcripts, a
 * name of the show's own world said where it greets
 * and signs off, someone's own thing (`my PhD`), a place or a role (`End
 * user`) only said in passing, a one-word name said mostly as the start of
 * longer names (`Gopher Slack`), and a common word capitalised in a heading.
 */
import { createRequire } from 'node:module';
import type { Candidate } from './extract-phrases.ts';
import { allCapitals, EDGE_TURNS, foldWords, type NameUses, rulesToTopics } from './match-topics.ts';
import type { Topic, TopicRulesFile, TranscriptTopic, Turn } from './schema.ts';
import { foldName, nameSlug } from './slugs.ts';

export const MIN_COUNT = 2;
export const PER_TRANSCRIPT = 20;
/** From this many transcripts on, an extracted topic must be found in at least two of them. */
export const CROSS_CUT_FROM = 20;
/** A topic mentioned in more than this share of transcripts is background, not a subject. */
export const MAX_SHARE = 0.3;

const fold = (text: string): string => foldWords(text).join(' ');

/**
 * The conventional placeholder people of examples (`Alice pays Bob`): names,
 * not subjects, though no one of the name speaks.
 */
export const PLACEHOLDER_NAMES: readonly string[] = [
  'alice',
  'bob',
  'carol',
  'dave',
  'eve',
  'mallory',
  'trent',
  'john doe',
  'jane doe',
];

/** What is never an extracted topic, as folded names (`foldName`). */
export interface NotTopics {
  /** Words of people's names: a one-word name (`Adam`) is a person, not a subject. */
  nameParts: ReadonlySet<string>;
  /** Whole names: speakers (people and outlets), their aliases and nicknames, shows, events, source folders. */
  names: ReadonlySet<string>;
}

/**
 * The folded names a person's name is also known by: `Kevin Ball` →
 * `kball` (first initial and family name, as in `KBall`, `K-Ball`),
 * `kevinb`, `kevinball`.
 */
export function nicknamesOf(name: string): string[] {
  const words = foldName(name)
    .split(' ')
    .filter((w) => w !== '');
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last || words.length < 2) return [];
  return [`${first[0]}${last}`, `${first}${last[0]}`, `${first}${last}`];
}

/** A transcript of at most this many paragraphs is short: a phrase said twice there is discussed. */
export const SHORT_TRANSCRIPT = 20;

/**
 * Whether a transcript discusses a topic, rather than merely mentioning it
 * in passing. It is discussed when it is said at least twice and
 * - by two speakers or more, or
 * - three times or more (twice in a short transcript, of
 *   {@link SHORT_TRANSCRIPT} paragraphs or fewer: a briefing's one long answer).
 *
 * A curated topic (`topics.yaml`, `tags:`) needs only a mention.
 */
export function discussed(topic: Pick<Topic, 'origin'>, filed: TranscriptTopic, turns: readonly Turn[]): boolean {
  return discussedIn(turns)(topic, filed);
}

/**
 * {@link discussed} for the topics one transcript is filed under: its turns
 * are looked up, counted and folded once for all of them.
 */
export function discussedIn(turns: readonly Turn[]): (topic: Pick<Topic, 'origin'>, filed: TranscriptTopic) => boolean {
  const byId = new Map(turns.map((t) => [t.id, t]));
  const folded = new Map<string, readonly string[]>();
  let paragraphs: number | undefined;
  return (topic, filed) => {
    if (topic.origin === 'rules') return true;
    const speakers = new Set<string>();
    let said = 0;
    for (const match of filed.matches) {
      const turn = byId.get(match.turn);
      if (!turn) continue;
      speakers.add(turn.speaker);
      let words = folded.get(turn.id);
      if (!words) {
        words = foldWords(turn.paragraphs.join(' '));
        folded.set(turn.id, words);
      }
      said += timesSaid(words, match.terms.map(foldWords));
    }
    if (said < 2) return false;
    if (speakers.size >= 2) return true;
    paragraphs ??= turns.reduce((n, t) => n + t.paragraphs.length, 0);
    return said >= (paragraphs <= SHORT_TRANSCRIPT ? 2 : 3);
  };
}

/** How many times folded `words` hold one of `terms` (each a run of folded words). */
function timesSaid(words: readonly string[], terms: readonly (readonly string[])[]): number {
  let n = 0;
  for (let i = 0; i < words.length; i++)
    if (terms.some((term) => term.length > 0 && term.every((t, k) => words[i + k] === t))) n++;
  return n;
}

/**
 * One key for the spellings of one name: spaces and dots aside, and a plural
 * `s` (`GPUs` and `GPU`, `OpenAI` and `Open AI`, `PhD` and `Ph.D`).
 */
export function variantKey(key: string): string {
  const joined = key.replace(/[\s.]+/g, '');
  return joined.length > 3 ? joined.replace(/s$/, '') : joined;
}

/** In how many transcripts an extracted topic must be found, in an archive of `n`. */
export function minTranscripts(n: number): number {
  return n < CROSS_CUT_FROM ? 1 : Math.max(2, Math.floor(Math.log10(n)));
}

/** A form without a plural `s` after a capital (`NATs` → `NAT`, `GPUs` → `GPU`). */
const singular = (form: string): string => form.replace(/(?<=\p{Lu})s$/u, '');

/**
 * The forms of a candidate that write the same word as its display. Folding
 * case makes one key of different words: `NATs` (the plural of NAT, network
 * address translation) is not `NATS` (the messaging system), nor is `Nats`. A
 * form is the display's word when, a plural `s` after a capital taken off, the
 * two fold alike and both or neither are written all in capitals (`GPUs` is
 * `GPU`; `Webpack` is `WebPack`).
 */
export function sameWordForms(display: string, forms: readonly string[]): string[] {
  const word = singular(display);
  return forms.filter((f) => {
    const other = singular(f);
    return foldName(other) === foldName(word) && allCapitals(other) === allCapitals(word);
  });
}

export function selectTopics(
  perTranscript: readonly (readonly Candidate[])[],
  rules: TopicRulesFile,
  not: NotTopics = { nameParts: new Set(), names: new Set() },
): Topic[] {
  const placeholders = new Set(PLACEHOLDER_NAMES);
  const isName = (c: Candidate): boolean =>
    [c.key, ...c.forms.map(foldName)].some(
      (k) => not.names.has(k) || not.names.has(k.replaceAll(' ', '')) || placeholders.has(k),
    ) ||
    (c.entity && !c.key.includes(' ') && not.nameParts.has(c.key));
  const ruled = rulesToTopics(rules.topics);
  const claimed = new Set(ruled.flatMap((t) => t.terms.map(fold)));
  const blocked = new Set(rules.block.map(fold));
  if (!rules.extract) return ruled;

  const n = perTranscript.length;
  const df = new Map<string, number>();
  for (const candidates of perTranscript) for (const c of candidates) df.set(c.key, (df.get(c.key) ?? 0) + 1);
  // A phrase a rule claims or blocks, as displayed or in any form (folded: a few hundred thousand candidates at 10,000).
  const ruledOut =
    claimed.size + blocked.size === 0
      ? () => false
      : (c: Candidate) =>
          [c.display, ...c.forms].some((f) => {
            const key = fold(f);
            return claimed.has(key) || blocked.has(key);
          });
  const usable = (c: Candidate) =>
    c.count >= MIN_COUNT &&
    (n < 10 || (df.get(c.key) ?? 0) <= Math.max(2, MAX_SHARE * n)) &&
    !ruledOut(c) &&
    !isName(c);

  // A small archive: each transcript's best. A larger one: what recurs across transcripts, a rule that
  // adding one transcript changes only for the phrases that transcript holds.
  const chosen = new Map<string, Candidate & { score: number }>();
  const keep = (c: Candidate, score: number) => {
    const known = chosen.get(variantKey(c.key));
    const forms = c.entity ? sameWordForms(c.display, c.forms) : c.forms;
    if (!known) chosen.set(variantKey(c.key), { ...c, forms: [...forms], score });
    else {
      known.score += score;
      for (const f of forms) if (!known.forms.includes(f)) known.forms.push(f);
    }
  };
  if (n < CROSS_CUT_FROM) {
    for (const candidates of perTranscript) {
      const ranked = candidates
        .filter(usable)
        .map((c) => ({ c, score: c.count * Math.log(1 + n / (df.get(c.key) ?? 1)) }))
        .sort((a, b) => b.score - a.score || a.c.key.localeCompare(b.c.key))
        .slice(0, PER_TRANSCRIPT);
      for (const { c, score } of ranked) keep(c, score);
    }
  } else {
    const salientIn = new Map<string, number>();
    const usables = new Set<Candidate>();
    for (const candidates of perTranscript)
      for (const c of candidates)
        if (usable(c)) {
          usables.add(c);
          salientIn.set(c.key, (salientIn.get(c.key) ?? 0) + 1);
        }
    const need = minTranscripts(n);
    for (const candidates of perTranscript)
      for (const c of candidates) if (usables.has(c) && (salientIn.get(c.key) ?? 0) >= need) keep(c, c.count);
  }
  const slugs = new Set(ruled.map((t) => t.slug));
  const extracted: Topic[] = [];
  for (const c of [...chosen.values()].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key))) {
    const name = c.entity ? c.display : c.display.charAt(0).toUpperCase() + c.display.slice(1);
    const slug = nameSlug(name);
    if (slugs.has(slug)) continue;
    slugs.add(slug);
    extracted.push({ slug, name, origin: 'extracted', terms: c.forms, ...(c.entity ? { entity: true } : {}) });
  }
  return [...ruled, ...extracted];
}

/** What one transcript's text shows of a topic filed on it (before {@link discussed} is asked). */
export interface Mention extends Partial<NameUses> {
  /** Turns that mention the topic. */
  turns: number;
  /** Turns the transcript has. */
  of: number;
}

/**
 * From {@link CROSS_CUT_FROM} transcripts on, the turns an extracted topic must
 * average in the transcripts that mention it. A subject, once raised, is
 * talked about: its mentions come in runs of turns. A collocation of everyday
 * speech (`day job`, `building blocks`, `origin story`) is said once here,
 * once there, across many transcripts.
 */
export const MIN_TURNS_PER_MENTION = 1.5;

/** A place is a topic where one transcript talks about it: in this share of its turns at least … */
export const PLACE_SHARE = 0.1;
/** … saying it at least this many times. */
export const PLACE_SAID = 3;

/**
 * A one-word name written in lower case this many times as often as
 * capitalised, in the transcripts that name it, is a common word (`State` of
 * the heading `State of the 'log`), not a name.
 */
export const LOWER_CASE_RATIO = 2;

/**
 * A one-word name said as the first word of a longer capitalised name in more
 * than this share of the times it is named (`Gopher` of `Gopher Slack`,
 * `Gopher Academy`, `Gopher Guides`; `South` of `South Africa`, `South
 * America`) is a part of other names, not a subject of its own: most of what
 * its page would list is about those names.
 */
export const LEADS_SHARE = 0.5;

/**
 * Where a transcript of at least {@link EDGE_FROM} turns greets, introduces
 * the show, its hosts and sponsors, and signs off: its first and last
 * {@link EDGE_TURNS} turns. A name said there in at least {@link EDGE_SHARE}
 * of the turns that mention it, with 95 % confidence ({@link shareAtLeast}),
 * is the show's own world (a host's company named in every introduction), not
 * what it discusses.
 */
export const EDGE_SHARE = 0.25;
/**
 * A transcript this long has turns between its greetings and its goodbyes:
 * its four end turns are a tenth of it at most. In a shorter one (a talk and
 * a few questions) the ends are the talk itself.
 */
export const EDGE_FROM = 40;

/**
 * A phrase said right after a possessive (`my PhD`, `your YouTube channel`)
 * in at least this share of its mentions, with 95 % confidence (the lower
 * bound of the Wilson interval, so that 3 of 11 mentions prove nothing),
 * names someone's own thing, a life story's or a show segment's, not a subject.
 */
export const OWNED_SHARE = 0.2;

/** The lower bound of the 95 % Wilson score interval of a share of `k` in `n`. */
export function shareAtLeast(k: number, n: number): number {
  if (n <= 0) return 0;
  const z = 1.96;
  const p = k / n;
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return (centre - spread) / (1 + (z * z) / n);
}

/**
 * compromise's tagger, loaded when a question is first asked: a run that
 * finds every answer kept (an edit, most adds) never loads it, which took
 * 0.3-0.4 s alone and up to 1 s of an edit's ingest beside the build's other
 * work. Its bundled build, as `require` finds it: `import()` is not
 * synchronous, and the answers are asked for in the middle of choosing topics.
 */
type Tagger = (text: string) => { has(match: string): boolean };
let tagger: Tagger | undefined;
const nlp: Tagger = (text) => {
  tagger ??= createRequire(import.meta.url)('compromise') as Tagger;
  return tagger(text);
};

/**
 * What compromise's tagger said of a phrase, by question and phrase (about
 * 2 ms each): asked once per process, and kept between runs by the ingest's
 * cache ({@link taggerAnswers}, {@link recallTaggerAnswers}).
 */
const answers = new Map<string, boolean>();
/** The answers this process used: those worth keeping (a name no longer a topic's drops out). */
const used = new Set<string>();

/** `question`'s answer for `phrase`, asked of `ask` only when not known yet. */
function answer(question: string, phrase: string, ask: () => boolean): boolean {
  const key = `${question}\u0000${phrase}`;
  used.add(key);
  let found = answers.get(key);
  if (found === undefined) {
    found = ask();
    answers.set(key, found);
  }
  return found;
}

/** The tagger's answers this process used, as `[question and phrase, answer]` pairs to keep. */
export function taggerAnswers(): [string, boolean][] {
  return [...used].map((key) => [key, answers.get(key) as boolean]);
}

/** Answers kept from an earlier run of the same code and dependencies (see {@link taggerAnswers}). */
export function recallTaggerAnswers(known: Iterable<readonly [string, boolean]>): void {
  for (const [key, found] of known) if (!answers.has(key)) answers.set(key, found);
}

/**
 * A word that names a region by a point of the compass (`Midwest`, `South`,
 * `Northwest`, `Eastern`), which compromise does not tag as a place.
 */
const COMPASS = /^(?:mid|north|south)?(?:north|south|east|west)(?:ern)?$/iu;

/**
 * Whether a name is a place's (a country, state, city or region), by
 * compromise's English lexicon and tagger, a nationality (`Canadian`, a
 * demonym), or a region named by the compass (asked last, and remembered).
 */
export function isPlace(name: string): boolean {
  return answer(
    'place',
    name,
    () => name.split(/\s+/u).some((w) => COMPASS.test(w)) || nlp(name).has('(#Place|#Demonym)'),
  );
}

/** Whether a transcript talks about a place, rather than naming it in passing. */
const talksAbout = (m: Mention): boolean => (m.named ?? m.turns) >= PLACE_SAID && m.turns >= PLACE_SHARE * m.of;

/**
 * Whether a phrase names people by their role: its last word is a person's
 * role or occupation by compromise's lexicon (`#Actor`: `End user`, `Web
 * developer`, `Executive director`, `Data scientist`). Who someone is, said
 * to introduce them, is the circumstance of a conversation, like a place.
 */
export const isRole = (phrase: string): boolean => answer('#Actor$', phrase, () => nlp(phrase).has('#Actor$'));

/** Why an extracted topic is no subject of the archive, or `undefined` when it is one. */
export type NotSubject =
  | 'spread-thin'
  | 'show-world'
  | 'owned'
  | 'place-in-passing'
  | 'role-in-passing'
  | 'part-of-names'
  | 'common-word';

/**
 * Whether the filing shows an extracted topic to be no subject, from its
 * mentions in every transcript that mentions it (`mentions`) in an archive of
 * `n` transcripts:
 * - `spread-thin`: from {@link CROSS_CUT_FROM} transcripts on, it averages
 *   fewer than {@link MIN_TURNS_PER_MENTION} turns where it is mentioned (in a
 *   transcript of one turn, a talk, each time it is said counts as a turn);
 * - `show-world`: at least {@link EDGE_SHARE} of the turns that mention it
 *   (in transcripts of {@link EDGE_FROM} turns or more, with 95 % confidence)
 *   are a transcript's greetings, introductions and goodbyes;
 * - `owned`: said after a possessive in at least {@link OWNED_SHARE} of the
 *   times it is said (with 95 % confidence: {@link shareAtLeast});
 * - `place-in-passing`: a place ({@link isPlace}) that no transcript talks
 *   about, saying it {@link PLACE_SAID} times or more in {@link PLACE_SHARE} of
 *   its turns or more (where someone lives or travels, not what is discussed);
 * - `role-in-passing`: from {@link CROSS_CUT_FROM} transcripts on, a phrase
 *   naming people by their role ({@link isRole}: `End user`, `Executive
 *   director`) that no transcript talks about, by the same bar (who someone
 *   is, said to introduce them; `Data scientist`, the subject of whole
 *   episodes, stays). A small archive has too few transcripts to tell: the
 *   seed's one briefing says `Chinese citizens` twice, and is about them;
 * - `part-of-names`: a one-word name said as the first word of a longer
 *   capitalised name in more than {@link LEADS_SHARE} of the times it is
 *   named (`Gopher Slack`, `South Africa`);
 * - `common-word`: a one-word name written in lower case at least
 *   {@link LOWER_CASE_RATIO} times as often as capitalised where it is named.
 *
 * Curated topics (`topics.yaml`, `tags:`) are never taken out.
 */
export function notSubject(topic: Topic, mentions: readonly Mention[], n: number): NotSubject | undefined {
  if (topic.origin !== 'extracted' || mentions.length === 0) return undefined;
  // A talk of one turn (a lecture) has no turns to come back in: each time it is said counts as one.
  const turns = mentions.reduce((sum, m) => sum + (m.of <= 1 ? Math.max(m.turns, m.named ?? 0) : m.turns), 0);
  if (n >= CROSS_CUT_FROM && turns < MIN_TURNS_PER_MENTION * mentions.length) return 'spread-thin';
  const long = mentions.filter((m) => m.of >= EDGE_FROM);
  const edge = long.reduce((sum, m) => sum + (m.edge ?? 0), 0);
  if (
    edge > 0 &&
    shareAtLeast(
      edge,
      long.reduce((sum, m) => sum + m.turns, 0),
    ) >= EDGE_SHARE
  )
    return 'show-world';
  const owned = mentions.reduce((sum, m) => sum + (m.owned ?? 0), 0);
  const said = mentions.reduce((sum, m) => sum + (m.named ?? 0), 0);
  if (owned > 0 && shareAtLeast(owned, said) >= OWNED_SHARE) return 'owned';
  if (!mentions.some(talksAbout)) {
    if (topic.entity && isPlace(topic.name)) return 'place-in-passing';
    if (!topic.entity && n >= CROSS_CUT_FROM && isRole(topic.name)) return 'role-in-passing';
  }
  if (topic.entity && !/[\s.]/.test(topic.name)) {
    const named = mentions.reduce((sum, m) => sum + (m.named ?? 0), 0);
    const leads = mentions.reduce((sum, m) => sum + (m.leads ?? 0), 0);
    if (leads > LEADS_SHARE * named) return 'part-of-names';
    const lower = mentions.reduce((sum, m) => sum + (m.lower ?? 0), 0);
    if (lower > 0 && lower >= LOWER_CASE_RATIO * named) return 'common-word';
  }
  return undefined;
}
