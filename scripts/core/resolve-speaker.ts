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
 * 4. generic labels (`Q`, `Reporter`, `Speaker 0`, `Audience member`) are
 *    roles: one role page, never a person's;
 * 5. anything else is a speaker of its own, with a kind inferred from the
 *    label's shape (an outlet's name, a person's name), listed as unresolved
 *    when a registry exists.
 */
import { type Registry, registryLookup, roleHolder } from './registry.ts';
import type { Speaker } from './schema.ts';
import { foldName, nameSlug } from './slugs.ts';

/** Words that mark an organisation's name rather than a person's. */
const ORGANISATION_WORDS =
  /\b(?:television|tv|news|agency|press|radio|broadcast(?:ing)?|network|times|post|daily|journal|herald|tribune|gazette|media|magazine|newspaper|channel|reuters|bloomberg|xinhua|associated|corporation|company|ministry|department|office|council|committee|commission|bureau|institute|university|foundation|association|group|inc|ltd|llc|plc|gmbh|service|broadcaster|weekly|review|monitor|observer|guardian|telegraph|economist|wire)\b/i;

/** Labels that name a role, not an identifiable speaker, numbered or not (`Audience 2`, `Speaker_3`). */
export const ROLE_LABELS =
  /^(?:q|a|question|answer|reporter|journalist|correspondent|moderator|host|co-host|chair|chairman|chairwoman|chairperson|presenter|interviewer|interviewee|narrator|announcer|audience(?: member| question)?|participant|panelist|panellist|speaker|unknown(?: speaker)?|unidentified(?: speaker| male| female)?|voice|off-mic|translator|interpreter|p|r|pregunta|respuesta|记者|问|答|主持人)(?:[ _]?\d+)?$/i;

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
  if (ROLE_LABELS.test(name.trim())) return 'role';
  const short = trailingParenthesis(name);
  const core = withoutParenthesis(name);
  if (ORGANISATION_WORDS.test(core)) return 'organisation';
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

export type Resolution = 'registry' | 'initials' | 'role-on-date' | 'generic' | 'unresolved';

export interface ResolvedLabel {
  speaker: Speaker;
  how: Resolution;
}

/**
 * Resolves every distinct label of one transcript, in order of appearance
 * (initials only count once introduced). `date` picks the role in force.
 */
export function resolveLabels(
  labels: readonly string[],
  registry: Registry,
  date?: string,
): Map<string, ResolvedLabel> {
  const out = new Map<string, ResolvedLabel>();
  const initials = new Map<string, ResolvedLabel>();
  for (const label of labels) {
    if (out.has(label)) continue;
    const resolved = resolveOne(label, registry, date, initials);
    out.set(label, resolved);
    const short = trailingParenthesis(label);
    if (short && isInitialsOf(short, withoutParenthesis(label))) {
      initials.set(foldName(short), { speaker: resolved.speaker, how: 'initials' });
    }
  }
  return out;
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
