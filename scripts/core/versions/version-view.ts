/**
 * A language version seen as a transcript of its own: the original's record
 * with the version's text, speakers and notes, and the anchors that refer to
 * turns (exchanges, topics) carried over by the alignment. The version page,
 * its twin and its search page are made from this view with the same code as
 * the original's. Pure.
 */
import type { Transcript } from '../schema.ts';
import { transcriptPath, versionPath } from '../urls.ts';
import { alignWithOriginal, languageName, sameLanguage } from './attach-versions.ts';

/** A transcript as one of its languages shows it, with that page's address. */
export type VersionView = Transcript & {
  /** The page's path: `/transcripts/<slug>/` for the original, `/transcripts/<slug>/<lang>/` for a version. */
  page: string;
  /** The original's language; equal to `language` on the original's own page. */
  originalLanguage: string;
};

/** The original, or the version in `language` (`undefined` when the transcript has none in it). */
export function versionView(t: Transcript, language?: string): VersionView | undefined {
  if (language === undefined || language === t.language)
    return { ...t, page: transcriptPath(t.slug), originalLanguage: t.language };
  const version = t.versions.find((v) => v.language === language);
  if (!version) return undefined;
  const { toVersion } = alignWithOriginal(t, version);
  const mapped = (ids: readonly string[]) => ids.flatMap((id) => toVersion.get(id) ?? []);
  return {
    ...t,
    ...version,
    transcriber: version.transcriber,
    exchanges: t.exchanges.flatMap((e) => {
      const turns = [...new Set(mapped(e.turns))];
      if (turns.length === 0) return [];
      const question = e.question ? toVersion.get(e.question) : undefined;
      const { question: _, ...rest } = e;
      return [{ ...rest, turns, ...(question ? { question } : {}) }];
    }),
    topics: t.topics.flatMap((topic) => {
      const matches = topic.matches.flatMap((m) => {
        const turn = toVersion.get(m.turn);
        return turn ? [{ ...m, turn }] : [];
      });
      return matches.length > 0 ? [{ ...topic, matches }] : [];
    }),
    // A version keeps its own turn ids (reconcile.ts); section and exchange anchors are the original's.
    retiredTurns: version.retiredTurns,
    retiredAnchors: [],
    page: versionPath(t.slug, language),
    originalLanguage: t.language,
  };
}

/** Every language of a transcript with its page, the original first. */
export function versionPages(t: Transcript): { language: string; title: string; page: string; original: boolean }[] {
  return [
    { language: t.language, title: t.title, page: transcriptPath(t.slug), original: true },
    ...t.versions.map((v) => ({
      language: v.language,
      title: v.title,
      page: versionPath(t.slug, v.language),
      original: false,
    })),
  ];
}

/**
 * Where each turn of the page in `from` is in the page in `to` (both
 * languages of `t`): through the original when neither is it. A turn with no
 * counterpart is left out.
 */
export function turnMap(t: Transcript, from: string, to: string): Map<string, string> {
  const toOriginal = (language: string): Map<string, string> => {
    const v = t.versions.find((x) => x.language === language);
    if (!v) return new Map(t.turns.map((turn) => [turn.id, turn.id]));
    return alignWithOriginal(t, v).toOriginal;
  };
  const fromOriginal = (language: string): Map<string, string> => {
    const v = t.versions.find((x) => x.language === language);
    if (!v) return new Map(t.turns.map((turn) => [turn.id, turn.id]));
    return alignWithOriginal(t, v).toVersion;
  };
  const a = toOriginal(from);
  const b = fromOriginal(to);
  const out = new Map<string, string>();
  for (const [id, original] of a) {
    const target = b.get(original);
    if (target !== undefined) out.set(id, target);
  }
  return out;
}

/**
 * What a citation says of the language of the text cited, in the brackets
 * after its title: `English original; the Chinese version prevails`,
 * `Chinese translation; authoritative text`. Undefined for a transcript
 * with one language.
 */
export function versionNote(
  t: Pick<VersionView, 'language' | 'originalLanguage' | 'prevails' | 'versions'>,
): string | undefined {
  if (t.versions.length === 0) return undefined;
  const name = languageName(t.language);
  const own = t.language === t.originalLanguage ? `${name} original` : `${name} translation`;
  if (t.prevails === undefined) return own;
  return sameLanguage(t.prevails, t.language)
    ? `${own}; authoritative text`
    : `${own}; the ${languageName(t.prevails)} version prevails`;
}
