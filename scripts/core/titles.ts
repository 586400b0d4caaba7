/**
 * Titles for transcripts that have none in their metadata, made from the file
 * name so that they read like titles: `jsparty/js-party-221.md` → `JS Party
 * 221`, `podcast/the-changelog-594.md` → `The Changelog 594`.
 *
 * - Each file gives its {@link Naming}: the words of its name, and how its own
 *   text writes the name's leading phrases and each of its words (`JS Party`,
 *   `Changelog & Friends`, `ROAST`).
 * - A folder's shows are the leading phrases of its numbered files (`js party`
 *   of `js-party-221`); a file whose name starts with one belongs to that show.
 *   A `show:` (or `podcast:`) in the metadata names the show outright.
 * - The show is spelled as the show's transcripts write it most often in title
 *   style (every word capitalised but small words); each other word as the
 *   file's own text writes it most often, when that is not in lower case
 *   (acronyms and names keep their capitals), else as in the file name.
 * - Two transcripts never share a title: {@link distinctTitles} adds the date
 *   when it tells them apart, else a number.
 *
 * Pure: the ingest gives file names and texts, and gets names back.
 */
import { foldName } from './slugs.ts';

/** What a transcript's file name and text say towards its title and show, before the archive's choice. */
export interface Naming {
  /** The folder the file sits in (`''` at the top). */
  folder: string;
  /**
   * Words of the file name, as written, without its date, language tag and
   * hash-like parts; none when the metadata gives the title.
   */
  words: string[];
  /** The show the metadata names (`show:`, `podcast:`). */
  show?: string;
  /** The event the metadata names: like a show, never a topic of its own transcripts. */
  event?: string;
  /** How the text writes each leading phrase of the name and each of its words: folded → form → count. */
  forms: Record<string, Record<string, number>>;
  /** The title the transcript has on its own: its metadata's, or one made from its file name or speakers. */
  title: string;
  date?: string;
  /** Its language tag: a translation's title tells it apart from the original's by it. */
  language?: string;
}

/** A transcript's name as the archive gives it. */
export interface Named {
  title: string;
  show?: string;
  /** The episode number, when the file name is the show's name and a number (`js-party-221`). */
  number?: number;
}

/** The longest leading phrase of a file name counted in its text. */
const MAX_LEAD = 6;
/** Only the start of a very long text is read for spellings: names are said early and often. */
const MAX_READ = 200_000;
/** Words a title writes in lower case inside a title-style name (`Away from Keyboard`). */
const SMALL = new Set('a an and as at but by for from in into nor of on or per the to via vs with'.split(' '));

/** The words of a file name: `2024-09-05-js-party-221.en.md` → `js party 221`. */
export function fileNameWords(file: string): string[] {
  const stem = (file.split(/[\\/]/).at(-1) ?? file)
    .replace(/\.[^.]+$/, '')
    .replace(/\.[a-z]{2}(?:-[A-Za-z]{2,4})?$/, '')
    .replace(/^\d{4}-\d{2}-\d{2}/, '');
  const words = stem.split(/[-_\s.]+/).filter((w) => w !== '' && !(/^[0-9a-f]{8,}$/i.test(w) && /\d/.test(w)));
  return words.some((w) => /\p{L}/u.test(w)) ? words : [];
}

const folderOf = (file: string): string => file.split(/[\\/]/).slice(0, -1).join('/');
const isNumber = (word: string): boolean => /^\d+$/.test(word);
const fold = (words: readonly string[]): string => words.map(foldName).join(' ');

/** The phrases whose spellings a file's text is asked for: each leading phrase of its name, and each word. */
function askedPhrases(words: readonly string[]): string[][] {
  const lettered = words.findIndex(isNumber);
  const lead = words.slice(0, Math.min(lettered < 0 ? words.length : lettered, MAX_LEAD));
  const phrases = lead.map((_, i) => lead.slice(0, i + 1));
  for (const w of words) if (!isNumber(w)) phrases.push([w]);
  return phrases;
}

/**
 * How `text` writes each phrase: a run of its words (case and marks aside)
 * with at most a short gap of spaces or symbols between them (`Changelog &
 * Friends` for `changelog friends`), never across a sentence or a line.
 */
export function spellingsIn(
  text: string,
  phrases: readonly (readonly string[])[],
): Record<string, Record<string, number>> {
  const wanted = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const folded = phrase.map(foldName).filter((w) => w !== '');
    if (folded.length === 0 || folded.some((w) => w.includes(' '))) continue;
    const list = wanted.get(folded[0] as string) ?? [];
    if (!list.some((p) => p.join(' ') === folded.join(' '))) list.push(folded);
    wanted.set(folded[0] as string, list);
  }
  const forms: Record<string, Record<string, number>> = {};
  if (wanted.size === 0) return forms;
  const sample = text.slice(0, MAX_READ);
  // Only where a token could start a phrase is it folded: an ASCII letter or digit folds to its lower case,
  // so a token led by one that no phrase starts with is passed over (most of them, on a long text).
  const leads = new Set([...wanted.keys()].map((k) => k[0]));
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of sample.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  const folded: (string | undefined)[] = [];
  const foldedAt = (i: number): string =>
    (folded[i] ??= foldName(sample.slice(starts[i] as number, ends[i] as number)));
  for (let i = 0; i < starts.length; i++) {
    const first = sample.charCodeAt(starts[i] as number);
    if (first < 128 && !leads.has(String.fromCharCode(first).toLowerCase())) continue;
    for (const phrase of wanted.get(foldedAt(i)) ?? []) {
      let k = 1;
      for (; k < phrase.length; k++) {
        if (i + k >= starts.length) break;
        const gap = sample.slice(ends[i + k - 1] as number, starts[i + k] as number);
        if (foldedAt(i + k) !== phrase[k] || !/^[\s&+'’-]{1,3}$/.test(gap)) break;
      }
      if (k < phrase.length) continue;
      const form = sample.slice(starts[i], ends[i + phrase.length - 1]);
      const key = phrase.join(' ');
      forms[key] ??= {};
      const counts = forms[key];
      counts[form] = (counts[form] ?? 0) + 1;
    }
  }
  return forms;
}

/**
 * A transcript's {@link Naming}, from its file name, its text, its own title
 * and what its metadata says (show, event, date).
 */
export function namingOf(
  file: string,
  text: string,
  own: { title: string; derived: boolean; show?: string; event?: string; date?: string; language?: string },
): Naming {
  const words = own.derived ? fileNameWords(file) : [];
  return {
    folder: folderOf(file),
    words,
    ...(own.show ? { show: own.show } : {}),
    ...(own.event ? { event: own.event } : {}),
    forms: spellingsIn(text, askedPhrases(words)),
    title: own.title,
    ...(own.date ? { date: own.date } : {}),
    ...(own.language ? { language: own.language } : {}),
  };
}

/** Every word capitalised but the small ones after the first: how a show's name is written. */
const titleStyle = (form: string): boolean =>
  form
    .split(/\s+/)
    .every((w, i) => /^[^\p{L}]*\p{Lu}/u.test(w) || (i > 0 && SMALL.has(w.toLowerCase())) || !/\p{L}/u.test(w));

const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The form written most often among `counts` that passes `ok`, ties to the first in code-point order. */
function mostUsed(counts: Readonly<Record<string, number>>, ok: (form: string) => boolean): string | undefined {
  return Object.entries(counts)
    .filter(([form]) => ok(form))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0];
}

/** A show's name when no transcript writes it in title style: each word capitalised but the small ones. */
const titleCase = (words: readonly string[]): string =>
  words.map((w, i) => (i > 0 && SMALL.has(w.toLowerCase()) ? w : upperFirst(w))).join(' ');

/**
 * One word as the file's text writes it most often, when that is not all
 * lower case and is written so at least twice (`roast` → `ROAST`, `paul` →
 * `Paul`); else as the file name has it.
 */
function spelledWord(word: string, forms: Naming['forms']): string {
  const counts = forms[foldName(word)] ?? {};
  const best = mostUsed(counts, () => true);
  if (!best || best === best.toLowerCase() || (counts[best] ?? 0) < 2) return word;
  return best;
}

/**
 * The archive's title, show and episode number of each transcript, by key.
 * A transcript titled by its metadata keeps that title and gets its
 * metadata's show, if any; the others get a title from their file name (or,
 * when it has no words, the one they came with). No two titles are equal
 * ({@link distinctTitles}).
 */
export function nameTranscripts(entries: readonly { key: string; naming: Naming }[]): Map<string, Named> {
  // The shows of each folder: the leading words of its numbered files' names (`js party` of `js party 221`),
  // when they lead two or more of its file names, or the folder has just the one file.
  const candidates = new Map<string, Set<string>>();
  const inFolder = new Map<string, Naming[]>();
  for (const { naming } of entries) {
    const folder = inFolder.get(naming.folder) ?? [];
    folder.push(naming);
    inFolder.set(naming.folder, folder);
    const w = naming.words;
    if (w.length < 2 || !isNumber(w.at(-1) as string) || w.slice(0, -1).some(isNumber)) continue;
    const set = candidates.get(naming.folder) ?? new Set<string>();
    set.add(fold(w.slice(0, -1)));
    candidates.set(naming.folder, set);
  }
  const leads = (naming: Naming, show: string): boolean => {
    const n = show.split(' ').length;
    return naming.words.length > n && fold(naming.words.slice(0, n)) === show;
  };
  const shows = new Map<string, Map<string, number>>();
  for (const [folder, set] of candidates) {
    const files = inFolder.get(folder) ?? [];
    const counted = new Map<string, number>();
    for (const show of set) {
      const n = files.filter((f) => leads(f, show)).length;
      if (n >= 2 || files.length === 1) counted.set(show, n);
    }
    shows.set(folder, counted);
  }
  /** The show a file name starts with: the one that leads most of its folder's names, then the longest. */
  const showOf = (naming: Naming): string | undefined => {
    let found: [string, number] | undefined;
    for (const [show, n] of shows.get(naming.folder) ?? []) {
      if (!leads(naming, show)) continue;
      if (!found || n > found[1] || (n === found[1] && show.length > found[0].length)) found = [show, n];
    }
    return found?.[0];
  };
  // How the show's transcripts write its name, all counted together.
  const votes = new Map<string, Record<string, number>>();
  const showKey = (naming: Naming, show: string) => `${naming.folder}\u0000${show}`;
  for (const { naming } of entries) {
    const show = showOf(naming);
    if (!show) continue;
    const counts = votes.get(showKey(naming, show)) ?? {};
    for (const [form, n] of Object.entries(naming.forms[show] ?? {})) counts[form] = (counts[form] ?? 0) + n;
    votes.set(showKey(naming, show), counts);
  }
  const named = new Map<string, Named>();
  for (const { key, naming } of entries) {
    const words = naming.words;
    if (words.length === 0) {
      named.set(key, { title: naming.title, ...(naming.show ? { show: naming.show } : {}) });
      continue;
    }
    const show = showOf(naming);
    const given = naming.show && startsWith(words, naming.show) ? naming.show : undefined;
    const lead = given ? foldName(given).split(' ').length : (show?.split(' ').length ?? 0);
    const spelled =
      given ??
      (show
        ? (mostUsed(votes.get(showKey(naming, show)) ?? {}, titleStyle) ?? titleCase(words.slice(0, lead)))
        : undefined);
    const rest = words.slice(lead).map((w) => spelledWord(w, naming.forms));
    const showName = naming.show ?? (spelled ? upperFirst(spelled) : undefined);
    const number = spelled && rest.length === 1 && isNumber(rest[0] as string) ? Number(rest[0]) : undefined;
    named.set(key, {
      title: upperFirst([...(spelled ? [spelled] : []), ...rest].join(' ')),
      ...(showName ? { show: showName } : {}),
      ...(number !== undefined && Number.isSafeInteger(number) ? { number } : {}),
    });
  }
  const distinct = distinctTitles(
    entries.map(({ key, naming }) => ({
      key,
      title: named.get(key)?.title ?? naming.title,
      ...(naming.date ? { date: naming.date } : {}),
      ...(naming.language ? { language: naming.language } : {}),
    })),
  );
  for (const [key, n] of named) n.title = distinct.get(key) ?? n.title;
  return named;
}

/** Whether a file name's words start with all the words of `name` (`the changelog 594` with `The Changelog`). */
function startsWith(words: readonly string[], name: string): boolean {
  const folded = foldName(name);
  if (folded === '') return false;
  const n = folded.split(' ').length;
  return words.length >= n && fold(words.slice(0, n)) === folded;
}

/** One transcript's title, with what can tell it apart from another of the same title. */
export interface TitleEntry {
  key: string;
  title: string;
  date?: string;
  language?: string;
}

/**
 * Titles that two transcripts never share. In a group of equal titles (case
 * and marks aside), in order of date and then key:
 * - each one gets its date when the group's dates differ (`Press conference (2024-09-05)`);
 * - among those of one date, each one gets its language when their languages
 *   differ (`Covenants (zh)`: a translation);
 * - what is still equal gets a number after the first (`Press conference (2)`).
 * A title made this way that another transcript already has gets the next number.
 */
export function distinctTitles(entries: readonly TitleEntry[]): Map<string, string> {
  const groups = new Map<string, TitleEntry[]>();
  for (const e of entries) {
    const k = foldName(e.title);
    const group = groups.get(k) ?? [];
    group.push(e);
    groups.set(k, group);
  }
  const out = new Map<string, string>();
  const taken = new Set(groups.keys());
  const claim = (title: string): string => {
    let candidate = title;
    for (let n = 2; taken.has(foldName(candidate)); n++) candidate = `${title} (${n})`;
    taken.add(foldName(candidate));
    return candidate;
  };
  const order = (a: TitleEntry, b: TitleEntry) =>
    (a.date ?? '').localeCompare(b.date ?? '') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  for (const group of groups.values()) {
    const sorted = [...group].sort(order);
    const dated = new Set(group.map((e) => e.date ?? '')).size > 1;
    const seen = new Map<string, number>();
    sorted.forEach((e, i) => {
      const sameDay = group.filter((g) => (g.date ?? '') === (e.date ?? ''));
      const languages = new Set(sameDay.map((g) => g.language ?? '')).size > 1;
      const twin = `${e.date ?? ''}\u0000${languages ? (e.language ?? '') : ''}`;
      const nth = (seen.get(twin) ?? 0) + 1;
      seen.set(twin, nth);
      const parts = [
        ...(dated && e.date ? [e.date] : []),
        ...(languages && e.language ? [e.language] : []),
        ...(nth > 1 ? [String(nth)] : []),
      ];
      if (parts.length === 0 && i === 0) out.set(e.key, e.title);
      else out.set(e.key, claim(parts.length > 0 ? `${e.title} (${parts.join(', ')})` : e.title));
    });
  }
  return out;
}
