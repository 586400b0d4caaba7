/**
 * Diarized labels (`Speaker 0`, `Speaker 1`) to the people the metadata
 * names (`speakers: [John Newbery, Gloria Zhao]`), from what each voice says:
 *
 * - a voice that addresses or mentions a person by name (`Hi Gloria.`) is
 *   not that person;
 * - a voice that introduces itself (`I'm John`, `my name is John`) is.
 *
 * Every one-to-one assignment of the voices to the names is scored with this
 * evidence; the best is taken only when its evidence for it is at least
 * twice that against it, and it beats every other assignment. Otherwise the labels stay roles local
 * to the transcript: a guess would put one person's words in another's mouth.
 */
import { foldName } from './slugs.ts';

/** At most this many voices are matched (4! assignments to score). */
const MAX_VOICES = 4;
/** Only the start of each voice's text is read: names are said early. */
const MAX_READ = 50_000;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The forms a person is called by: the full name, and the first name when it has three letters or more. */
function callNames(name: string): string[] {
  const words = name.trim().split(/\s+/);
  const first = words[0] ?? '';
  return [name.trim(), ...(words.length > 1 && first.length >= 3 ? [first] : [])];
}

/** How often `text` calls a person by one of `names`, and how often it introduces itself as them. */
function evidence(text: string, name: string): { mentions: number; self: number } {
  const alternatives = callNames(name).map(escapeRegExp).join('|');
  const mention = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu');
  const intro = new RegExp(`\\b(?:I'm|I’m|I am|my name is|name's)\\s+(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu');
  const self = text.match(intro)?.length ?? 0;
  return { mentions: (text.match(mention)?.length ?? 0) - self, self };
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/**
 * Which name each voice is: `voices` are the diarized labels with what each
 * says, `names` the metadata's people no label names. Empty unless there are
 * as many voices as names (two to {@link MAX_VOICES}) and the text decides.
 */
export function nameDiarizedVoices(voices: ReadonlyMap<string, string>, names: readonly string[]): Map<string, string> {
  const labels = [...voices.keys()];
  const distinctNames = [...new Map(names.map((n) => [foldName(n), n])).values()];
  if (labels.length < 2 || labels.length > MAX_VOICES || labels.length !== distinctNames.length) return new Map();
  const seen = labels.map((label) =>
    distinctNames.map((name) => evidence((voices.get(label) ?? '').slice(0, MAX_READ), name)),
  );
  const scored = permutations(distinctNames.map((_, i) => i)).map((assign) => {
    let support = 0;
    let against = 0;
    assign.forEach((nameIndex, voice) => {
      seen[voice]?.forEach((e, n) => {
        if (n === nameIndex) {
          support += 2 * e.self;
          against += e.mentions;
        } else {
          support += e.mentions;
          against += 2 * e.self;
        }
      });
    });
    return { assign, support, against };
  });
  scored.sort((a, b) => b.support - b.against - (a.support - a.against));
  const [best, next] = scored;
  if (!best || best.support <= best.against || best.support < 2 * best.against) return new Map();
  if (next && next.support - next.against >= best.support - best.against) return new Map();
  return new Map(best.assign.map((nameIndex, voice) => [labels[voice] as string, distinctNames[nameIndex] as string]));
}
