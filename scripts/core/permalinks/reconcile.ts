/**
 * Reconciles a new parse of the archive with the permalink record, so that no
 * published URL breaks:
 *
 * - a transcript is recognised by its slug, or by its source file when its
 *   slug changed (re-slugged in metadata), or by its text when its source
 *   file vanished and a new file says largely the same (renamed, split,
 *   merged: `match-renames.ts`): the old slug then redirects;
 * - its turns are aligned with the previously published version
 *   (`align-turns.ts`): a turn keeps its id when it is the same turn, new
 *   turns get ids never used before, merged and removed turns leave anchors;
 * - its exchanges keep their ids while they open with the same turn, and a
 *   new exchange gets an id never used before;
 * - an edited turn keeps its earlier text, so a citation of the old version
 *   can show what changed;
 * - a transcript whose source file is gone becomes a tombstone; one whose
 *   source failed to parse this time stays as last published;
 * - speakers and topics that are gone leave a tombstone, or redirect when a
 *   current speaker lists the old name among its aliases.
 */

import { isDeepStrictEqual } from 'node:util';
import type { Archive } from '../ingest-archive.ts';
import type { Exchange, Transcript, Turn } from '../schema.ts';
import { foldName } from '../slugs.ts';
import { type AlignTurn, alignTurns } from './align-turns.ts';
import { fingerprint } from './fingerprint.ts';
import { type MatchSide, matchRenames } from './match-renames.ts';
import type { PageRecord, PermalinkRecord, TranscriptRecord, TurnRecord } from './record.ts';

export interface ReconcileInput {
  archive: Archive;
  record: PermalinkRecord;
  /**
   * Transcripts as last published (read back from the content folder), by
   * slug: those parsed again this run, and those whose source vanished (to
   * recognise them under a new name).
   */
  previous: ReadonlyMap<string, Transcript>;
  /** Source files present in the seeds folder now, parsed or not. */
  sources: ReadonlySet<string>;
  /** Today's date (`YYYY-MM-DD`), from the caller's clock: when new or changed transcripts are published. */
  today: string;
}

const asAlign = (t: Transcript['turns'][number]): AlignTurn => ({
  id: t.id,
  speaker: t.speaker,
  fingerprint: t.fingerprint ?? fingerprint(t.paragraphs),
  text: t.paragraphs.join(' '),
});

/** What an exchange stands for: the question turn, or the turn a part opens with. */
export const exchangeKey = (e: Exchange): string => (e.question ? `q:${e.question}` : (e.turns[0] ?? ''));

/** Returns the updated record; the archive's transcripts are rewritten in place with their permanent ids. */
export function reconcile({ archive, record, previous, sources, today }: ReconcileInput): PermalinkRecord {
  // Copy on write: an entry of the record is replaced, never changed in place, so `record` is left as it was.
  const next: PermalinkRecord = { ...record, transcripts: { ...record.transcripts } };
  const bySource = new Map(
    Object.entries(next.transcripts)
      .filter(([, r]) => r.status === 'live')
      .map(([slug, r]) => [r.source, slug]),
  );
  const known = new Map(
    archive.transcripts.map((t) => [t.slug, next.transcripts[t.slug] ? t.slug : bySource.get(t.source.file)]),
  );
  const renames = detectRenames(archive, next, previous, sources, known);
  for (const [now, old] of renames.heirs) known.set(now, old);

  for (const t of archive.transcripts) {
    const oldSlug = known.get(t.slug);
    const entry = oldSlug ? next.transcripts[oldSlug] : undefined;
    const before = oldSlug ? previous.get(oldSlug) : undefined;
    const updated = reconcileTranscript(t, entry, before);
    const changed =
      !entry ||
      entry.title !== updated.title ||
      Object.entries(updated.turns).some(
        ([id, r]) => entry.turns[id]?.fingerprint !== r.fingerprint || entry.turns[id]?.status !== r.status,
      );
    updated.published = entry?.published ?? today;
    updated.updated = changed ? today : (entry?.updated ?? today);
    t.published = updated.published;
    t.updated = updated.updated;
    if (oldSlug && oldSlug !== t.slug && entry) {
      next.transcripts[oldSlug] = { ...entry, status: 'moved', movedTo: t.slug };
    }
    // An entry that comes out as it was stays the very object read: the record's text keeps it as it is.
    next.transcripts[t.slug] = entry && oldSlug === t.slug && isDeepStrictEqual(entry, updated) ? entry : updated;
  }
  // A file published as a transcript of its own that is now a language version: its page redirects to the transcript.
  const versionOf = new Map(archive.transcripts.flatMap((t) => t.versions.map((v) => [v.source.file, t.slug])));
  for (const [slug, entry] of Object.entries(next.transcripts)) {
    const into = versionOf.get(entry.source);
    if (entry.status === 'live' && into !== undefined && into !== slug)
      next.transcripts[slug] = { ...entry, status: 'moved', movedTo: into };
  }
  const bySlug = new Map(archive.transcripts.map((t) => [t.slug, t]));
  for (const [old, now] of renames.mergedInto) mergeInto(next, old, previous.get(old), bySlug.get(now));
  for (const [now, old] of renames.splitFrom) {
    const heir = [...renames.heirs].find(([, o]) => o === old)?.[0];
    splitOff(next, previous.get(old), bySlug.get(now), heir ? bySlug.get(heir) : undefined);
  }

  const live = new Set(archive.transcripts.map((t) => t.slug));
  for (const [slug, entry] of Object.entries(next.transcripts)) {
    if (entry.status !== 'live' || live.has(slug)) continue;
    if (entry.movedTo) next.transcripts[slug] = { ...entry, status: 'moved' };
    else if (!sources.has(entry.source)) next.transcripts[slug] = { ...entry, status: 'removed' };
  }

  next.speakers = reconcilePages(
    next.speakers,
    archive.speakers.map((s) => ({ slug: s.slug, name: s.name, also: [s.name, ...s.aliases] })),
    keptSlugs(archive, previous, next, 'speakers'),
  );
  next.topics = reconcilePages(
    next.topics,
    archive.topics.map((t) => ({ slug: t.slug, name: t.name, also: [t.name, ...t.terms] })),
    keptSlugs(archive, previous, next, 'topics'),
  );
  return next;
}

/** Transcripts live in the record whose source vanished, matched by text with transcripts new to the record. */
function detectRenames(
  archive: Archive,
  record: PermalinkRecord,
  previous: ReadonlyMap<string, Transcript>,
  sources: ReadonlySet<string>,
  known: ReadonlyMap<string, string | undefined>,
): ReturnType<typeof matchRenames> {
  const claimed = new Set([...known.values(), ...known.keys()]);
  const vanished: MatchSide[] = Object.entries(record.transcripts)
    .filter(([slug, r]) => r.status === 'live' && !sources.has(r.source) && !claimed.has(slug))
    .map(([slug, r]) => {
      const text = previous.get(slug);
      return {
        slug,
        ...(text ? { texts: text.turns.map((turn) => turn.paragraphs.join(' ')) } : {}),
        fingerprints: Object.values(r.turns)
          .filter((turn) => turn.status === 'live')
          .map((turn) => turn.fingerprint),
      };
    });
  const fresh: MatchSide[] = archive.transcripts
    .filter((t) => known.get(t.slug) === undefined)
    .map((t) => ({
      slug: t.slug,
      texts: t.turns.map((turn) => turn.paragraphs.join(' ')),
      fingerprints: t.turns.map((turn) => turn.fingerprint ?? fingerprint(turn.paragraphs)),
    }));
  if (vanished.length === 0 || fresh.length === 0)
    return { heirs: new Map(), mergedInto: new Map(), splitFrom: new Map() };
  return matchRenames(vanished, fresh);
}

/**
 * Where each anchor of `old` lands in `now`: its turns by alignment (kept or
 * merged), its exchanges by the question they stand for.
 */
function anchorsIn(old: Transcript, now: Transcript): Map<string, string> {
  const alignment = alignTurns(old.turns.map(asAlign), now.turns.map(asAlign));
  const map = new Map<string, string>();
  for (const [index, id] of alignment.kept) map.set(id, now.turns[index]?.id ?? id);
  for (const [id, index] of alignment.merged) map.set(id, now.turns[index]?.id ?? id);
  const exchangeOf = new Map(now.exchanges.map((e) => [exchangeKey(e), e.id]));
  for (const e of old.exchanges) {
    const key = exchangeKey(e).replace(/t\d+$/, (id) => map.get(id) ?? '');
    const target = exchangeOf.get(key);
    if (target) map.set(e.id, target);
  }
  return map;
}

/** A vanished transcript merged into a live one that inherited another: it redirects, its anchors translated. */
function mergeInto(
  record: PermalinkRecord,
  old: string,
  before: Transcript | undefined,
  now: Transcript | undefined,
): void {
  const entry = record.transcripts[old];
  if (!entry || !now) return;
  const movedAnchors = before ? Object.fromEntries(anchorsIn(before, now)) : {};
  record.transcripts[old] = { ...entry, status: 'moved', movedTo: now.slug, movedAnchors };
}

/** Turns of a vanished transcript that went to a new one besides its heir: their anchors at the heir point there. */
function splitOff(
  record: PermalinkRecord,
  before: Transcript | undefined,
  part: Transcript | undefined,
  heir: Transcript | undefined,
): void {
  const entry = heir ? record.transcripts[heir.slug] : undefined;
  if (!before || !part || !heir || !entry) return;
  // Copied, never changed in place: the entry may be the very object read from the record's file.
  const turns = { ...entry.turns };
  for (const [id, target] of anchorsIn(before, part)) {
    const turn = turns[id];
    if (turn?.status !== 'removed') continue;
    turns[id] = { ...turn, status: 'moved', movedTo: target, movedToTranscript: part.slug };
  }
  record.transcripts[heir.slug] = { ...entry, turns };
  heir.retiredTurns = retiredTurns(heir.turns, turns);
}

/** Speakers and topics still referred to by transcripts kept as last published. */
function keptSlugs(
  archive: Archive,
  previous: ReadonlyMap<string, Transcript>,
  record: PermalinkRecord,
  kind: 'speakers' | 'topics',
): Set<string> {
  const live = new Set(archive.transcripts.map((t) => t.slug));
  const kept = [...previous.values()].filter((t) => !live.has(t.slug) && record.transcripts[t.slug]?.status === 'live');
  return new Set(
    kept.flatMap((t) => (kind === 'speakers' ? t.participants.map((p) => p.speaker) : t.topics.map((tt) => tt.slug))),
  );
}

function reconcileTranscript(
  t: Transcript,
  entry: TranscriptRecord | undefined,
  before: Transcript | undefined,
): TranscriptRecord {
  const ids = reconcileTurns(t.turns, entry, before?.turns);
  applyIds(t, ids.rename);
  for (const turn of t.turns) turn.earlier = ids.turns[turn.id]?.earlier ?? [];
  t.retiredTurns = retiredTurns(t.turns, ids.turns);
  const { exchanges, nextExchange } = reconcileExchanges(t, entry, before);
  const current = new Set([...t.sections.map((s) => s.id), ...t.exchanges.map((e) => e.id)]);
  const anchors = [...new Set([...(entry?.anchors ?? []), ...current])];
  t.retiredAnchors = anchors.filter((a) => !current.has(a));
  const versions = reconcileVersions(t, entry?.versions, before);
  return {
    source: t.source.file,
    title: t.title,
    status: 'live',
    nextTurn: ids.nextTurn,
    turns: ids.turns,
    anchors,
    exchanges,
    nextExchange,
    ...(versions ? { versions } : {}),
  };
}

/** The turn ids recorded for one text (a transcript, or one of its language versions). */
interface TurnIds {
  nextTurn: number;
  turns: Record<string, TurnRecord>;
}

/**
 * Gives a text's turns their permanent ids against the ids recorded for it
 * (`recorded`) and the turns last published (`before`): returns the updated
 * record and the renaming to apply. Without a record, the parsed ids are the
 * first ones.
 */
function reconcileTurns(
  now: readonly Turn[],
  recorded: TurnIds | undefined,
  before: readonly Turn[] | undefined,
): TurnIds & { rename: Map<string, string> } {
  const turns: Record<string, TurnRecord> = { ...(recorded?.turns ?? {}) };
  let nextTurn = recorded?.nextTurn ?? 1;
  const rename = new Map<string, string>();

  if (recorded && before) {
    const alignment = alignTurns(before.map(asAlign), now.map(asAlign));
    const newIds = now.map((_, i) => alignment.kept.get(i) ?? `t${nextTurn++}`);
    now.forEach((turn, i) => {
      rename.set(turn.id, newIds[i] as string);
    });
    for (const [oldId, index] of alignment.merged) {
      turns[oldId] = { ...(turns[oldId] as TurnRecord), status: 'moved', movedTo: newIds[index] as string };
    }
    for (const [oldId, index] of alignment.removed) {
      turns[oldId] = {
        ...(turns[oldId] as TurnRecord),
        status: 'removed',
        after: index >= 0 ? (newIds[index] as string) : null,
      };
    }
    // Earlier versions of edited turns, from the version published before.
    const beforeById = new Map(before.map((b) => [b.id, b]));
    now.forEach((turn, i) => {
      const id = newIds[i] as string;
      const old = beforeById.get(id);
      const fp = turn.fingerprint ?? fingerprint(turn.paragraphs);
      const earlier = [...(turns[id]?.earlier ?? [])];
      if (old && (old.fingerprint ?? fingerprint(old.paragraphs)) !== fp) {
        earlier.push({ fingerprint: old.fingerprint ?? fingerprint(old.paragraphs), paragraphs: old.paragraphs });
      }
      turns[id] = { speaker: turn.speaker, fingerprint: fp, status: 'live', earlier };
    });
  } else {
    // Without the version published before, unchanged turns are still recognised by their fingerprints.
    const unused = new Map<string, string[]>();
    for (const [id, r] of Object.entries(turns))
      if (r.status === 'live') unused.set(r.fingerprint, [...(unused.get(r.fingerprint) ?? []), id]);
    for (const turn of now) {
      const fp = turn.fingerprint ?? fingerprint(turn.paragraphs);
      const id = recorded ? (unused.get(fp)?.shift() ?? `t${nextTurn++}`) : turn.id;
      rename.set(turn.id, id);
      turns[id] = { speaker: turn.speaker, fingerprint: fp, status: 'live', earlier: turns[id]?.earlier ?? [] };
    }
    if (!recorded) nextTurn = now.length + 1;
  }
  return { nextTurn, turns, rename };
}

/**
 * The language versions a record lists: those of `t` live, each with its own
 * permanent turn ids (a version's turn keeps its id when the translation is
 * corrected), and those published before and gone now removed.
 */
function reconcileVersions(
  t: Transcript,
  recorded: TranscriptRecord['versions'],
  before: Transcript | undefined,
): TranscriptRecord['versions'] {
  const versions: NonNullable<TranscriptRecord['versions']> = {};
  for (const [language, v] of Object.entries(recorded ?? {})) versions[language] = { ...v, status: 'removed' };
  for (const v of t.versions) {
    const own = recorded?.[v.language];
    // A version recorded before its turn ids were: its ids as parsed are the ones published.
    const ids = reconcileTurns(
      v.turns,
      own?.turns && own.nextTurn ? { turns: own.turns, nextTurn: own.nextTurn } : undefined,
      before?.versions.find((b) => b.language === v.language)?.turns,
    );
    const to = (id: string): string => ids.rename.get(id) ?? id;
    for (const turn of v.turns) {
      turn.id = to(turn.id);
      turn.earlier = ids.turns[turn.id]?.earlier ?? [];
    }
    for (const s of v.sections) if (s.turn) s.turn = to(s.turn);
    v.retiredTurns = retiredTurns(v.turns, ids.turns);
    versions[v.language] = { source: v.source.file, status: 'live', nextTurn: ids.nextTurn, turns: ids.turns };
  }
  return Object.keys(versions).length > 0 ? versions : undefined;
}

/** The turn ids a transcript's record has and its turns no longer use, with where each now lands. */
function retiredTurns(now: readonly Turn[], turns: Readonly<Record<string, TurnRecord>>): Transcript['retiredTurns'] {
  const retired: Transcript['retiredTurns'] = [];
  const current = new Set(now.map((turn) => turn.id));
  for (const [id, r] of Object.entries(turns)) {
    if (r.status === 'live' && current.has(id)) continue;
    if (r.movedTo && r.movedToTranscript) {
      retired.push({ id, movedTo: r.movedTo, transcript: r.movedToTranscript, after: r.after ?? null });
      continue;
    }
    const target = r.movedTo && turns[r.movedTo]?.status === 'live' ? r.movedTo : undefined;
    retired.push({ id, ...(target ? { movedTo: target } : {}), after: target ? null : (r.after ?? null) });
  }
  return retired;
}

/**
 * Gives each exchange its permanent id: the id recorded for the question (or
 * opening turn) it stands for, else one never given before. Records made
 * before exchange ids were recorded take them from the version published before.
 */
function reconcileExchanges(
  t: Transcript,
  entry: TranscriptRecord | undefined,
  before: Transcript | undefined,
): { exchanges: Record<string, string>; nextExchange: number } {
  const recorded: Record<string, string> = { ...(entry?.exchanges ?? {}) };
  if (Object.keys(recorded).length === 0 && entry) {
    // Such records numbered exchanges by position: the version published before says what each number was.
    const legacy = before?.exchanges ?? t.exchanges.filter((e) => entry.anchors.includes(e.id));
    for (const e of legacy) recorded[e.id] = exchangeKey(e);
  }
  const byKey = new Map(Object.entries(recorded).map(([id, key]) => [key, id]));
  const numbers = [...Object.keys(recorded), ...(entry?.anchors ?? [])]
    .map((id) => /^e(\d+)$/.exec(id)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  let nextExchange = Math.max(entry?.nextExchange ?? 1, ...numbers.map((n) => n + 1));
  const taken = new Set<string>();
  for (const e of t.exchanges) {
    const key = exchangeKey(e);
    const id = byKey.get(key);
    e.id = id && !taken.has(id) ? id : `e${nextExchange++}`;
    taken.add(e.id);
    recorded[e.id] = key;
  }
  return { exchanges: recorded, nextExchange };
}

/** Rewrites every reference to a turn id in a transcript. */
function applyIds(t: Transcript, rename: ReadonlyMap<string, string>): void {
  const to = (id: string): string => rename.get(id) ?? id;
  for (const turn of t.turns) turn.id = to(turn.id);
  for (const s of t.sections) if (s.turn) s.turn = to(s.turn);
  for (const e of t.exchanges) {
    e.turns = e.turns.map(to);
    if (e.question) e.question = to(e.question);
  }
  for (const topic of t.topics) for (const m of topic.matches) m.turn = to(m.turn);
}

function reconcilePages(
  pages: Record<string, PageRecord>,
  current: readonly { slug: string; name: string; also: readonly string[] }[],
  kept: ReadonlySet<string>,
): Record<string, PageRecord> {
  const next = { ...pages };
  const live = new Set(current.map((c) => c.slug));
  for (const c of current) next[c.slug] = { name: c.name, status: 'live' };
  for (const [slug, page] of Object.entries(next)) {
    if (live.has(slug) || kept.has(slug) || page.status !== 'live') continue;
    const heir = current.find((c) => c.also.some((a) => foldName(a) === foldName(page.name)));
    next[slug] = heir ? { ...page, status: 'moved', movedTo: heir.slug } : { ...page, status: 'removed' };
  }
  return next;
}
