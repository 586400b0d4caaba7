/**
 * Reconciles a new parse of the archive with the permalink record, so that no
 * published URL breaks:
 *
 * - a transcript is recognised by its slug, or by its source file when its
 *   slug changed (renamed, re-slugged): the old slug then redirects;
 * - its turns are aligned with the previously published version
 *   (`align-turns.ts`): a turn keeps its id when it is the same turn, new
 *   turns get ids never used before, merged and removed turns leave anchors;
 * - an edited turn keeps its earlier text, so a citation of the old version
 *   can show what changed;
 * - a transcript whose source file is gone becomes a tombstone; one whose
 *   source failed to parse this time stays as last published;
 * - speakers and topics that are gone leave a tombstone, or redirect when a
 *   current speaker lists the old name among its aliases.
 */
import type { Archive } from '../ingest-archive.ts';
import type { Transcript } from '../schema.ts';
import { foldName } from '../slugs.ts';
import { type AlignTurn, alignTurns } from './align-turns.ts';
import { fingerprint } from './fingerprint.ts';
import type { PageRecord, PermalinkRecord, TranscriptRecord, TurnRecord } from './record.ts';

export interface ReconcileInput {
  archive: Archive;
  record: PermalinkRecord;
  /** Transcripts as last published (read back from the content folder), by slug. */
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

/** Returns the updated record; the archive's transcripts are rewritten in place with their permanent ids. */
export function reconcile({ archive, record, previous, sources, today }: ReconcileInput): PermalinkRecord {
  const next: PermalinkRecord = structuredClone(record);
  const bySource = new Map(
    Object.entries(next.transcripts)
      .filter(([, r]) => r.status === 'live')
      .map(([slug, r]) => [r.source, slug]),
  );

  for (const t of archive.transcripts) {
    const oldSlug = next.transcripts[t.slug] ? t.slug : bySource.get(t.source.file);
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
    next.transcripts[t.slug] = updated;
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
  const turns: Record<string, TurnRecord> = { ...(entry?.turns ?? {}) };
  let nextTurn = entry?.nextTurn ?? 1;
  const rename = new Map<string, string>();
  const retired: Transcript['retiredTurns'] = [];

  if (entry && before) {
    const alignment = alignTurns(before.turns.map(asAlign), t.turns.map(asAlign));
    const newIds = t.turns.map((_, i) => alignment.kept.get(i) ?? `t${nextTurn++}`);
    t.turns.forEach((turn, i) => {
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
    const beforeById = new Map(before.turns.map((b) => [b.id, b]));
    t.turns.forEach((turn, i) => {
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
    for (const turn of t.turns) {
      const fp = turn.fingerprint ?? fingerprint(turn.paragraphs);
      const id = entry ? (unused.get(fp)?.shift() ?? `t${nextTurn++}`) : turn.id;
      rename.set(turn.id, id);
      turns[id] = { speaker: turn.speaker, fingerprint: fp, status: 'live', earlier: turns[id]?.earlier ?? [] };
    }
    if (!entry) nextTurn = t.turns.length + 1;
  }

  applyIds(t, rename);
  for (const turn of t.turns) turn.earlier = turns[turn.id]?.earlier ?? [];
  for (const [id, r] of Object.entries(turns)) {
    if (r.status === 'live' && t.turns.some((turn) => turn.id === id)) continue;
    const target = r.movedTo && turns[r.movedTo]?.status === 'live' ? r.movedTo : undefined;
    retired.push({ id, ...(target ? { movedTo: target } : {}), after: target ? null : (r.after ?? null) });
  }
  t.retiredTurns = retired;
  const current = new Set([...t.sections.map((s) => s.id), ...t.exchanges.map((e) => e.id)]);
  const anchors = [...new Set([...(entry?.anchors ?? []), ...current])];
  t.retiredAnchors = anchors.filter((a) => !current.has(a));
  return { source: t.source.file, title: t.title, status: 'live', nextTurn, turns, anchors };
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
