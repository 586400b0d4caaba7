/**
 * Turns a raw speaker label into a speaker entity: a canonical name, a slug,
 * a kind, and short names kept as aliases. The kind is inferred from the
 * label's shape; a curated registry (later) overrides it.
 */
import type { Speaker } from './schema.ts';
import { nameSlug } from './slugs.ts';

/** Words that mark an organisation's name rather than a person's. */
const ORGANISATION_WORDS =
  /\b(?:television|tv|news|agency|press|radio|broadcast(?:ing)?|network|times|post|daily|journal|herald|tribune|gazette|media|magazine|newspaper|channel|reuters|bloomberg|xinhua|associated|corporation|company|ministry|department|office|council|committee|commission|bureau|institute|university|foundation|association|group|inc|ltd|llc|plc|gmbh|service|broadcaster|weekly|review|monitor|observer|guardian|telegraph|economist|wire)\b/i;

/** Labels that name a role, not an identifiable speaker. */
const ROLE_LABELS =
  /^(?:q|a|question|answer|reporter|journalist|correspondent|moderator|host|chair|chairman|chairwoman|chairperson|presenter|interviewer|interviewee|narrator|announcer|audience(?: member)?|participant|panelist|panellist|speaker(?: \d+)?|unknown(?: speaker)?|unidentified(?: speaker| male| female)?|voice|off-mic|translator|interpreter|p|r)$/i;

/** The acronym in a trailing parenthesis: `China Central Television (CCTV)` → `CCTV`. */
function trailingShortName(name: string): string | undefined {
  return /[（(]([^()（）]{1,20})[)）]$/u.exec(name)?.[1]?.trim();
}

export function inferSpeakerKind(name: string): Speaker['kind'] {
  if (ROLE_LABELS.test(name.trim())) return 'role';
  const short = trailingShortName(name);
  const core = name.replace(/\s*[（(][^()（）]*[)）]$/u, '');
  if (ORGANISATION_WORDS.test(core)) return 'organisation';
  // A multi-word name followed by its acronym is an organisation's way of naming itself.
  if (short && /^\p{Lu}{2,}$/u.test(short) && core.trim().split(/\s+/).length >= 2) return 'organisation';
  if (/^\p{Lu}{2,6}$/u.test(core.trim())) return 'organisation';
  return 'person';
}

/** A speaker entity for a label that no registry entry claims. */
export function labelToSpeaker(label: string): Speaker {
  const name = label.trim();
  const shortName = trailingShortName(name);
  const aliases = shortName ? [shortName, name.replace(/\s*[（(][^()（）]*[)）]$/u, '').trim()] : [];
  return {
    slug: nameSlug(name),
    name,
    kind: inferSpeakerKind(name),
    ...(shortName ? { shortName } : {}),
    aliases,
  };
}
