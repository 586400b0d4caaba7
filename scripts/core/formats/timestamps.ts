/**
 * Timestamps written into text transcripts (plain text and Markdown), where
 * they give a turn its start time in the recording:
 *
 *     [00:12:03] Anna Berg: Good morning.      a timestamp before the label
 *     Anna Berg [00:12:03]: Good morning.      inside the label, before its colon
 *     Anna Berg (12:03):                       the same, in parentheses
 *     Anna Berg: [12:03] Good morning.         at the start of the turn's text
 *     [00:12:03]                               alone on its line, before a label
 *
 * Brackets may be Markdown-escaped (`\[03:51\]`). A bare clock (`00:12:03
 * Anna Berg: …`) counts only where a label follows it, since `10:30` at the
 * start of a sentence is more often a time of day. Which of these become
 * start times, and which stay in the text, is decided in `segment-turns.ts`.
 */

/** `12:03`, `00:12:03`, `1:02:03.5`, `00:12:03,250`. */
const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
/** A clock in brackets (escaped or not) or parentheses. */
const WRAPPED = String.raw`(?:\\?\[(${CLOCK})\\?\]|\((${CLOCK})\))`;

const OPENING_WRAPPED = new RegExp(String.raw`^${WRAPPED}[ \t]*`);
const OPENING_BARE = new RegExp(String.raw`^(${CLOCK})[ \t]+(?=\S)`);
const ALONE = new RegExp(`^(?:${WRAPPED}|(${CLOCK}))$`);
/** `Name [00:12:03]: rest` and `Name (12:03): rest`: a timestamp between a name and its colon. */
const IN_LABEL = new RegExp(String.raw`^([^\n[\]()]{1,60}?)[ \t]*${WRAPPED}[ \t]*([:：︰][\s\S]*)$`, 'u');

/** `01:02:03.5` → 3723.5 seconds; `12:03` → 723; anything else → undefined. */
export function parseClock(clock: string): number | undefined {
  const m = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(clock.trim());
  if (!m) return undefined;
  const [, h = '0', min = '0', s = '0', frac = ''] = m;
  if (Number(s) > 59 || (m[1] !== undefined && Number(min) > 59)) return undefined;
  return Number(h) * 3600 + Number(min) * 60 + Number(s) + (frac ? Number(`0.${frac}`) : 0);
}

/** A text with a timestamp taken out of it, and the time it gave. */
export interface Timed {
  text: string;
  start: number;
}

const timed = (text: string, clock: string | undefined): Timed | undefined => {
  const start = clock === undefined ? undefined : parseClock(clock);
  return start === undefined ? undefined : { text, start };
};

/**
 * A timestamp in brackets or parentheses at the start of a text:
 * `[03:51] This episode…` → `This episode…` at 231 s.
 */
export function wrappedTimestamp(text: string): Timed | undefined {
  const m = OPENING_WRAPPED.exec(text);
  return m ? timed(text.slice(m[0].length), m[1] ?? m[2]) : undefined;
}

/**
 * The label a timestamp stands next to, with the timestamp taken out, for the
 * caller to check it is a label: `[00:12:03] Anna Berg: Hi` and
 * `Anna Berg [00:12:03]: Hi` → `Anna Berg: Hi` at 723 s. A bare clock counts
 * only here, before a label.
 */
export function timestampAtLabel(text: string): Timed | undefined {
  const opening = OPENING_WRAPPED.exec(text) ?? OPENING_BARE.exec(text);
  if (opening) return timed(text.slice(opening[0].length), opening[1] ?? opening[2]);
  const inside = IN_LABEL.exec(text);
  if (inside?.[1] && inside[4] !== undefined) return timed(`${inside[1]}${inside[4]}`, inside[2] ?? inside[3]);
  return undefined;
}

/** A paragraph that is nothing but a timestamp (`[00:12:03]`, `00:12:03`) → its seconds. */
export function timestampAlone(text: string): number | undefined {
  const m = ALONE.exec(text.trim());
  return m ? timed('', m[1] ?? m[2] ?? m[3])?.start : undefined;
}
