/**
 * From raw speaker labels to speaker entities. Every turn keeps its label as
 * written; this decides which speaker it is:
 *
 * 1. initials introduced earlier in the same transcript: `Shaun Apps (SA):`
 *    makes a later `SA:` the same person;
 * 2. the curated registry (`seeds/speakers.yaml`): names and aliases, folded
 *    for case, punctuation and accents (`Mr. Qi`, `CCTV`);
 * 3. a role in force on the transcript's date: `Spokesperson:` is whoever the
 *    registry says held that role then;
 * 4. a short form introduced earlier in the same transcript: after `JIM LEHRER:`
 *    or `Ms. Dorothy Ridings:`, `LEHRER:` and `MS. RIDINGS:` are the same
 *    person, unless two earlier names share that surname;
 * 5. generic labels (`Q`, `A`, `Speaker 0`, `Audience member`) and titles with
 *    the article (`THE PRESIDENT`, `The Moderator`) are roles local to one
 *    transcript (their slug names it), never one archive-wide speaker; a header
 *    line naming the holder (`President: Ronald Reagan`) makes them that person; when
 *    the metadata names exactly one person no label names, the one answering or
 *    diarized label (`A`, `答`, `Speaker 0`) is that person;
 * 6. anything else is a speaker of its own, with a kind inferred from the
 *    label's shape (an outlet's name, a person's name), listed as unresolved
 *    when a registry exists.
 */
import { nameDiarizedVoices } from './diarized-names.ts';
import { isGenericLabel, isRoleTitle } from './label-kinds.ts';
import { type Registry, registryLookup, roleHolder } from './registry.ts';
import type { Speaker } from './schema.ts';
import { foldName, nameSlug } from './slugs.ts';

/** Words that mark an organisation's name rather than a person's. */
const ORGANISATION_WORDS =
  /\b(?:television|tv|news|agency|press|radio|broadcast(?:ing)?|network|times|post|daily|journal|herald|tribune|gazette|media|magazine|newspaper|channel|reuters|bloomberg|xinhua|associated|corporation|company|ministry|department|office|council|committee|commission|bureau|institute|university|foundation|association|group|inc|ltd|llc|plc|gmbh|service|broadcaster|weekly|review|monitor|observer|guardian|telegraph|economist|wire)\b/i;

/**
 * A person's title after an organisation's word, then a name: `Council Member
 * Sam Reyes`, `Foreign Ministry Spokesperson Mao Ning`, `BBC Correspondent Ann
 * Lee`. The organisation word qualifies the title; the label names a person.
 */
const PERSON_TITLE =
  /\b(?:member|spokes(?:person|man|woman)|minister|secretary|director|chair(?:man|woman|person)?|president|head|officer|correspondent|reporter|editor|anchor|host|commissioner|ambassador|deputy|representative)\s+(.+)$/i;
const PERSONAL_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*$/u;

function isTitledPerson(label: string): boolean {
  const name = PERSON_TITLE.exec(label)?.[1];
  return name !== undefined && PERSONAL_NAME.test(name);
}

/** The text in a trailing parenthesis: `Shaun Apps (SA)` → `SA`. */
function trailingParenthesis(name: string): string | undefined {
  return /[（(]([^()（）]{1,20})[)）]$/u.exec(name)?.[1]?.trim();
}

function withoutParenthesis(name: string): string {
  return name.replace(/\s*[（(][^()（）]*[)）]$/u, '').trim();
}

/** True when `short` is the initials of `name`: `SA` for Shaun Apps, `AvW` for Aaron van Wirdum. */
export function isInitialsOf(short: string, name: string): boolean {
  const initials = name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('');
  return short.length >= 2 && foldName(short).replace(/ /g, '') === foldName(initials).replace(/ /g, '');
}

export function inferSpeakerKind(name: string): Speaker['kind'] {
  if (isGenericLabel(name)) return 'role';
  const short = trailingParenthesis(name);
  const core = withoutParenthesis(name);
  const organisationWord = ORGANISATION_WORDS.exec(core);
  if (organisationWord && !isTitledPerson(core.slice(organisationWord.index))) return 'organisation';
  // `THE PRESIDENT`, `The Moderator`: whoever held the office in this transcript, not one person across the archive.
  if (isRoleTitle(core)) return 'role';
  // A multi-word name followed by its acronym is an organisation's way of naming itself.
  if (short && /^\p{Lu}{2,}$/u.test(short) && core.split(/\s+/).length >= 2 && !isInitialsOf(short, core)) {
    return 'organisation';
  }
  // An acronym (`CCTV`, `BBC`) is an outlet's; two capitals alone (`AA:`, `SJ:`) are a person's initials.
  if (/^\p{Lu}{3,6}$/u.test(core)) return 'organisation';
  return 'person';
}

/** A speaker entity for a label that no registry entry claims. */
export function labelToSpeaker(label: string): Speaker {
  const name = label.trim();
  const shortName = trailingParenthesis(name);
  if (shortName && isInitialsOf(shortName, withoutParenthesis(name))) {
    // `Shaun Apps (SA)`: the person is Shaun Apps; SA is how the transcript abbreviates them.
    const bare = withoutParenthesis(name);
    return { ...bareSpeaker(bare, inferSpeakerKind(bare)), shortName, aliases: [shortName, name] };
  }
  return {
    ...bareSpeaker(name, inferSpeakerKind(name)),
    ...(shortName ? { shortName } : {}),
    aliases: shortName ? [shortName, withoutParenthesis(name)] : [],
  };
}

function bareSpeaker(name: string, kind: Speaker['kind']): Speaker {
  return { slug: nameSlug(name), name, kind, aliases: [], source: 'inferred', roles: [], links: [] };
}

export type Resolution =
  | 'registry'
  | 'initials'
  | 'role-on-date'
  | 'short-form'
  | 'metadata'
  | 'generic'
  | 'unresolved';

export interface ResolvedLabel {
  speaker: Speaker;
  how: Resolution;
}

/** Titles before a name: `Mr. Mondale` and `MONDALE` are one person; `The President` and `PRESIDENT` one role. */
const TITLES =
  /^(?:the|mr|mrs|ms|mx|dr|prof|sen|senator|rep|representative|gov|governor|president|secretary|ambassador|judge|justice|minister|gen|general)\.?\s+/i;

/** A label without its titles and parenthesis: `MS. DOROTHY RIDINGS (LWV)` → `DOROTHY RIDINGS`. */
function bareName(label: string): string {
  let name = withoutParenthesis(label).trim();
  while (TITLES.test(name) && name.replace(TITLES, '').trim() !== '') name = name.replace(TITLES, '').trim();
  return name;
}

/** Answering and diarized generic labels: the metadata's one unnamed person is who they are. */
const ANSWERING = /^(?:a|answer|r|respuesta|答|interviewee|guest|speaker[ _]?\d+|unknown(?: speaker)?)$/i;

export interface ResolveOptions {
  /** The transcript's slug: a generic label's speaker is local to it. */
  scope?: string;
  /** Names the transcript's metadata gives (`speakers:`). */
  named?: readonly string[];
  /** Who holds a role, from header lines (`President: Ronald Reagan`), by the role's folded name. */
  holders?: ReadonlyMap<string, string>;
  /** What each label says, for telling diarized voices (`Speaker 0`) apart by name. */
  said?: ReadonlyMap<string, string>;
}

/** A diarized voice: `Speaker 0`, `SPEAKER_01`. */
const DIARIZED = /^speaker[ _]?\d+$/i;

/**
 * Resolves every distinct label of one transcript, in order of appearance
 * (initials and short forms only count once introduced). `date` picks the role in force.
 */
export function resolveLabels(
  labels: readonly string[],
  registry: Registry,
  date?: string,
  options: ResolveOptions = {},
): Map<string, ResolvedLabel> {
  const out = new Map<string, ResolvedLabel>();
  const initials = new Map<string, ResolvedLabel>();
  /** Surnames of the names seen so far; `null` when two different speakers share one. */
  const surnames = new Map<string, ResolvedLabel | null>();
  const distinct = [...new Set(labels)];
  const metadataPerson = unnamedPerson(distinct, registry, options.named ?? []);
  // Two or more diarized voices and as many people named by the metadata only: who is who, from what they say.
  const voices = nameDiarizedVoices(
    new Map(distinct.filter((l) => DIARIZED.test(l.trim())).map((l) => [l, options.said?.get(l) ?? ''])),
    unnamedNames(distinct, registry, options.named ?? []),
  );
  for (const label of distinct) {
    let resolved = resolveOne(label, registry, date, initials);
    if (resolved.how === 'unresolved' || resolved.how === 'generic') {
      const bare = bareName(label);
      const short = bare.split(/\s+/).length === 1 ? surnames.get(foldName(bare)) : undefined;
      if (short) resolved = { speaker: short.speaker, how: 'short-form' };
    }
    const holder =
      resolved.how === 'generic' || resolved.how === 'unresolved'
        ? options.holders?.get(foldName(bareName(label)))
        : undefined;
    if (holder) resolved = { speaker: registryLookup(registry, holder) ?? labelToSpeaker(holder), how: 'metadata' };
    const voice = voices.get(label);
    if (resolved.how === 'generic' && voice) {
      resolved = { speaker: registryLookup(registry, voice) ?? labelToSpeaker(voice), how: 'metadata' };
    }
    if (resolved.how === 'generic' && metadataPerson && ANSWERING.test(label.trim())) {
      resolved = {
        speaker: registryLookup(registry, metadataPerson) ?? labelToSpeaker(metadataPerson),
        how: 'metadata',
      };
    }
    if (resolved.how === 'generic' && options.scope) {
      resolved = {
        speaker: {
          ...resolved.speaker,
          slug: `${resolved.speaker.slug}-in-${options.scope}`,
          transcript: options.scope,
        },
        how: 'generic',
      };
    }
    out.set(label, resolved);
    const short = trailingParenthesis(label);
    if (short && isInitialsOf(short, withoutParenthesis(label))) {
      initials.set(foldName(short), { speaker: resolved.speaker, how: 'initials' });
    }
    if (resolved.speaker.kind !== 'role' || resolved.how === 'role-on-date') {
      const surname = foldName(bareName(label)).split(' ').at(-1);
      if (surname) {
        const known = surnames.get(surname);
        if (known === undefined) surnames.set(surname, resolved);
        else if (known && known.speaker.slug !== resolved.speaker.slug) surnames.set(surname, null);
      }
    }
  }
  return out;
}

/**
 * The one person the metadata names whom no label names, when the transcript's
 * generic labels leave exactly one answering or diarized voice to be them.
 */
function unnamedPerson(labels: readonly string[], registry: Registry, named: readonly string[]): string | undefined {
  const unnamed = unnamedNames(labels, registry, named);
  const answering = labels.filter((l) => ANSWERING.test(l.trim()));
  return unnamed.length === 1 && answering.length === 1 ? unnamed[0] : undefined;
}

/** The people the metadata names whom no label names. */
function unnamedNames(labels: readonly string[], registry: Registry, named: readonly string[]): string[] {
  const spoken = new Set(labels.flatMap((l) => [foldName(l), foldName(registryLookup(registry, l)?.name ?? l)]));
  return named.filter((n) => !spoken.has(foldName(n)) && !spoken.has(foldName(bareName(n))));
}

function resolveOne(
  label: string,
  registry: Registry,
  date: string | undefined,
  initials: ReadonlyMap<string, ResolvedLabel>,
): ResolvedLabel {
  const introduced = initials.get(foldName(label));
  if (introduced) return introduced;
  const short = trailingParenthesis(label);
  const candidates = [
    label,
    ...(short && isInitialsOf(short, withoutParenthesis(label)) ? [withoutParenthesis(label)] : []),
  ];
  for (const candidate of candidates) {
    const entry = registryLookup(registry, candidate);
    if (entry) return { speaker: entry, how: 'registry' };
  }
  const holder = roleHolder(registry, label, date);
  if (holder) return { speaker: holder, how: 'role-on-date' };
  const speaker = labelToSpeaker(label);
  return { speaker, how: speaker.kind === 'role' ? 'generic' : 'unresolved' };
}
