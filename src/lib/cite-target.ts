/**
 * What a transcript page cites: the transcript's citation target, with its
 * principal speakers as authors, and every speaker's name as the per-turn
 * "Cite" dialog needs it. Pure: derived from the transcript record.
 */
import type { CiteName, CiteTarget } from '../../scripts/core/cite.ts';
import type { Speaker, Transcript } from '../../scripts/core/schema.ts';
import { versionNote } from '../../scripts/core/versions/version-view.ts';

const citeName = (s: Speaker): CiteName => ({
  name: s.name,
  kind: s.kind,
  ...(s.familyName ? { familyName: s.familyName } : {}),
});

/**
 * A transcript's authors: the people and organisations heard in it, most
 * words first, leaving out roles (`Moderator`) and those who only asked
 * questions (a reporter's outlet is not an author of the briefing).
 */
export function transcriptAuthors(t: Transcript, speakerOf: (slug: string) => Speaker | undefined): CiteName[] {
  const questions = new Set(t.exchanges.flatMap((e) => (e.question ? [e.question] : [])));
  const speaks = new Set(t.turns.filter((turn) => !questions.has(turn.id)).map((turn) => turn.speaker));
  return [...t.participants]
    .sort((a, b) => b.words - a.words)
    .flatMap((p) => {
      const s = speakerOf(p.speaker);
      return s && s.kind !== 'role' && speaks.has(p.speaker) ? [citeName(s)] : [];
    });
}

/** The data the page's script reads: the transcript's target, and each speaker by the name a turn shows. */
export interface CiteData {
  target: CiteTarget;
  speakers: Record<string, CiteName>;
}

export function citeData(
  t: Transcript & { originalLanguage?: string },
  speakerOf: (slug: string) => Speaker | undefined,
  page: { url: string; archive: string; publisher: string },
): CiteData {
  // A transcript in several languages: the citation says which text it cites, and which one prevails.
  const note = versionNote({ ...t, originalLanguage: t.originalLanguage ?? t.language });
  const target: CiteTarget = {
    title: note ? `${t.title} [${note}]` : t.title,
    ...(t.date ? { date: t.date } : {}),
    ...(t.transcriber ? { transcriber: t.transcriber } : {}),
    url: page.url,
    archive: page.archive,
    ...(page.publisher !== page.archive ? { publisher: page.publisher } : {}),
    language: t.language,
    authors: transcriptAuthors(t, speakerOf),
  };
  const speakers: Record<string, CiteName> = {};
  for (const p of t.participants) {
    const s = speakerOf(p.speaker);
    if (s) speakers[s.name] = citeName(s);
  }
  return { target, speakers };
}
