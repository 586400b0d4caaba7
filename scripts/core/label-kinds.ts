/**
 * Two kinds of label that are not one person's name, decided by shape with
 * two small documented lists (see /docs/formats/, "How speaker labels are found"):
 *
 * - pseudo-speakers: parts of a show, not people (`Break`, `Jingle`, `Intro`,
 *   `Outro`, `Song`, `Sample`, `Ad`, `Music`, `Sponsor`…). They become
 *   sections, their timestamps the sections' start times;
 * - generic labels: roles that stand for whoever held them in one transcript
 *   (`Q`, `A`, `P`, `R`, `问`, `答`, `Speaker 0`, `Audience member 3`,
 *   `Unknown`, `Reporter`, `Moderator`). They are never one speaker across the
 *   archive: each transcript's `Q` is its own;
 * - titles with the article (`THE PRESIDENT`, `The Vice President`, `The
 *   Secretary of State`): an office, held by different people in different
 *   transcripts, so also a role local to one transcript. Unlike the generic
 *   labels they do not count as evidence that a line is a label.
 */

/** Parts of a programme that a transcript labels like speakers. */
export const PSEUDO_SPEAKERS =
  /^(?:break|ad break|jingle|intro|outro|song|sample|ad|ads|advert|advertisement|commercial|music|sponsor|sponsor break|theme|theme music|interlude|bumper|promo|cold open|sound bite|soundbite|clip|montage)(?:[ _]?\d+)?$/i;

/** Roles in question-and-answer records and diarized output, numbered or not (`Audience 2`, `Speaker_3`). */
export const GENERIC_LABELS =
  /^(?:q|a|p|r|question|answer|pregunta|respuesta|reporter|journalist|correspondent|moderator|host|co-host|chair|chairman|chairwoman|chairperson|presenter|interviewer|interviewee|narrator|announcer|audience(?: member| question)?|participant|panelist|panellist|speaker|unknown(?: speaker)?|unidentified(?: speaker| male| female)?|voice|off-mic|translator|interpreter|记者|问|答|主持人)(?:[ _]?\d+)?$/i;

/** Strips Markdown emphasis and surrounding space a label may still carry. */
function bare(label: string): string {
  return label.replace(/[*_]+/g, ' ').replace(/\s+/g, ' ').trim();
}

export function isPseudoSpeaker(label: string): boolean {
  return PSEUDO_SPEAKERS.test(bare(label));
}

export function isGenericLabel(label: string): boolean {
  return GENERIC_LABELS.test(bare(label));
}

/** `The President`, `THE MODERATOR`, `The Secretary of State`: the article and up to four words of an office. */
const ROLE_TITLE = /^the\s+\p{L}[\p{L}'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{L}[\p{L}'’.-]*){0,3}$/iu;

export function isRoleTitle(label: string): boolean {
  return ROLE_TITLE.test(bare(label));
}
