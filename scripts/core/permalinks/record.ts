/**
 * The permalink record, `content/permalinks.json`: every URL the archive has
 * published, committed with the content. The ingest adds to it and updates
 * statuses; nothing in it is ever deleted, so an id or slug is never reused.
 *
 * A maintainer retires or moves a page on purpose by editing an entry:
 * `"status": "removed"` keeps a tombstone, `"movedTo": "<slug>"` redirects.
 */
import { z } from 'zod';
import { SlugSchema } from '../schema.ts';

export const StatusSchema = z.enum(['live', 'moved', 'removed']);

export const VersionSchema = z.object({ fingerprint: z.string(), paragraphs: z.array(z.string()) });

export const TurnRecordSchema = z.object({
  speaker: z.string(),
  fingerprint: z.string(),
  status: StatusSchema,
  /** For a merged turn: the turn it lives on in. */
  movedTo: z.string().optional(),
  /** For a turn that went to another transcript when its transcript was split: that transcript (`movedTo` is its turn there). */
  movedToTranscript: SlugSchema.optional(),
  /** For a removed turn: the live turn it stood after (`null`: the start). */
  after: z.string().nullable().optional(),
  /** Earlier published versions of the passage, oldest first. */
  earlier: z.array(VersionSchema).default([]),
});
export type TurnRecord = z.infer<typeof TurnRecordSchema>;

export const TranscriptRecordSchema = z.object({
  /** The source file, to recognise a transcript whose slug changed. */
  source: z.string(),
  title: z.string(),
  status: StatusSchema,
  movedTo: SlugSchema.optional(),
  /** The next turn number to give: ids are never reused. */
  nextTurn: z.number().int().positive(),
  turns: z.record(z.string(), TurnRecordSchema),
  /** Section and exchange anchors ever published (`s1`, `e2`). */
  anchors: z.array(z.string()).default([]),
  /**
   * Exchange ids ever given, each with what it stands for: `q:<turn>` for the
   * question asked in that turn, or the first turn of opening statements,
   * moderator turns and remarks. An id keeps pointing to the same question.
   */
  exchanges: z.record(z.string(), z.string()).default({}),
  /** The next exchange number to give: ids are never reused. */
  nextExchange: z.number().int().positive().optional(),
  /**
   * For a transcript moved into another whose anchors differ (it was merged
   * into one that kept another's ids): old anchor → anchor at `movedTo`.
   */
  movedAnchors: z.record(z.string(), z.string()).optional(),
  /** When the archive first published it, and last changed its text or title (`YYYY-MM-DD`). */
  published: z.string().optional(),
  updated: z.string().optional(),
  /**
   * Its language versions ever published, by language tag, each at
   * `/transcripts/<slug>/<language>/`: a version no longer live still
   * answers there, sending the reader to the transcript.
   */
  versions: z
    .record(
      z.string(),
      z.object({
        source: z.string(),
        status: StatusSchema,
        /** The version's own turn ids, kept like the transcript's (records written before they were kept lack them). */
        nextTurn: z.number().int().positive().optional(),
        turns: z.record(z.string(), TurnRecordSchema).optional(),
      }),
    )
    .optional(),
});
export type TranscriptRecord = z.infer<typeof TranscriptRecordSchema>;

export const PageRecordSchema = z.object({
  name: z.string(),
  status: StatusSchema,
  movedTo: SlugSchema.optional(),
});
export type PageRecord = z.infer<typeof PageRecordSchema>;

export const PermalinkRecordSchema = z.object({
  version: z.literal(1),
  /**
   * The seeds folder this record belongs to, relative to the content folder's
   * parent (`seeds` for the project's own). A record is one archive's history:
   * a build of another folder never publishes its tombstones.
   */
  seeds: z.string().min(1).optional(),
  transcripts: z.record(SlugSchema, TranscriptRecordSchema),
  speakers: z.record(SlugSchema, PageRecordSchema),
  topics: z.record(SlugSchema, PageRecordSchema),
});
export type PermalinkRecord = z.infer<typeof PermalinkRecordSchema>;

export const EMPTY_RECORD: PermalinkRecord = { version: 1, transcripts: {}, speakers: {}, topics: {} };

/** What a build makes of the record file's text before it trusts it. */
export type RecordReading<R = PermalinkRecord> =
  | { kind: 'record'; record: R }
  | { kind: 'missing' }
  | { kind: 'damaged'; why: string };

/**
 * Reads the record file's text (`undefined`: no file). Empty, truncated,
 * unparsable or wrong-shaped text is `damaged`, never an empty record: an
 * archive that lost its record would lose every redirect and tombstone without a word.
 */
export function readRecordText(text: string | undefined): RecordReading {
  return readRecordAs(text, PermalinkRecordSchema);
}

/** {@link readRecordText} through another schema: a view of the record, such as {@link PublishedViewSchema}. */
export function readRecordAs<S extends z.ZodType>(text: string | undefined, schema: S): RecordReading<z.infer<S>> {
  if (text === undefined) return { kind: 'missing' };
  if (text.trim() === '') return { kind: 'damaged', why: 'the file is empty' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { kind: 'damaged', why: `it is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'damaged', why: `${issue?.path.join('.') || 'the record'}: ${issue?.message ?? 'wrong shape'}` };
  }
  return { kind: 'record', record: parsed.data };
}

/** A page that is no longer live: what the site shows at its old address. */
export const RetiredPageSchema = z.object({
  id: z.string(),
  /** Not `collection`: Astro would take an entry with `id` and `collection` for a reference to a live entry. */
  section: z.enum(['transcripts', 'speakers', 'topics']),
  slug: SlugSchema,
  name: z.string(),
  status: z.enum(['moved', 'removed']),
  movedTo: SlugSchema.optional(),
  /** Anchors that land elsewhere at `movedTo` (a transcript merged into another): old anchor → new anchor. */
  anchors: z.record(z.string(), z.string()).optional(),
  /** For a transcript's language version no longer published: its language (the page was `/transcripts/<slug>/<language>/`). */
  language: z.string().optional(),
});
export type RetiredPage = z.infer<typeof RetiredPageSchema>;

/**
 * What {@link retiredPages} reads of a record: each page's name, status and
 * where it moved (with a merged transcript's anchors), and its language
 * versions' statuses. The turns, the record's bulk, are not checked: the site
 * reads the record on every build for its retired pages, and through the
 * whole schema that took ~2 s at 10,000 transcripts, and as much memory as
 * the record, on each. The ingest checks the whole record.
 */
export const RetiredViewSchema = z.object({
  transcripts: z.record(
    SlugSchema,
    TranscriptRecordSchema.pick({ title: true, status: true, movedTo: true, movedAnchors: true }).extend({
      versions: z.record(z.string(), z.object({ status: StatusSchema })).optional(),
    }),
  ),
  speakers: z.record(SlugSchema, PageRecordSchema),
  topics: z.record(SlugSchema, PageRecordSchema),
});
export type RetiredView = z.infer<typeof RetiredViewSchema>;

/** Every retired page in a record, for the site's tombstones and redirects. */
export function retiredPages(record: RetiredView): RetiredPage[] {
  const pages: RetiredPage[] = [];
  const add = (
    section: RetiredPage['section'],
    slug: string,
    name: string,
    status: string,
    movedTo?: string,
    anchors?: Record<string, string>,
  ): void => {
    if (status === 'live') return;
    const moves = anchors ? Object.entries(anchors).filter(([from, to]) => from !== to) : [];
    pages.push({
      id: `${section}/${slug}`,
      section,
      slug,
      name,
      status: movedTo ? 'moved' : 'removed',
      ...(movedTo ? { movedTo } : {}),
      ...(movedTo && moves.length > 0 ? { anchors: Object.fromEntries(moves) } : {}),
    });
  };
  for (const [slug, t] of Object.entries(record.transcripts)) {
    add('transcripts', slug, t.title, t.status, t.movedTo, t.movedAnchors);
    // A language version gone: its page sends the reader to the transcript, or to where the transcript went.
    for (const [language, v] of Object.entries(t.versions ?? {})) {
      if (v.status === 'live' && t.status === 'live') continue;
      const to = t.status === 'live' ? slug : t.movedTo;
      pages.push({
        id: `transcripts/${slug}/${language}`,
        section: 'transcripts',
        slug,
        name: t.title,
        status: to ? 'moved' : 'removed',
        ...(to ? { movedTo: to } : {}),
        language,
      });
    }
  }
  for (const [slug, s] of Object.entries(record.speakers)) add('speakers', slug, s.name, s.status, s.movedTo);
  for (const [slug, t] of Object.entries(record.topics)) add('topics', slug, t.name, t.status, t.movedTo);
  return pages;
}

/** A published address: a page, and optionally an anchor on it. */
export interface PublishedUrl {
  path: string;
  anchor?: string;
}

/**
 * What {@link publishedUrls} reads of a record: its transcripts' statuses, turn
 * ids, anchors and languages, and where pages moved. The turns themselves
 * (fingerprints, earlier versions) are not checked: reading the whole record
 * through its schema took most of the published-address check's time (a
 * 27 MB record at 1,000 transcripts). The ingest checks the whole record.
 */
export const PublishedViewSchema = z.object({
  transcripts: z.record(
    SlugSchema,
    TranscriptRecordSchema.pick({ status: true, movedTo: true, anchors: true }).extend({
      turns: z.record(z.string(), z.unknown()),
      versions: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  speakers: z.record(SlugSchema, PageRecordSchema.pick({ movedTo: true })),
  topics: z.record(SlugSchema, PageRecordSchema.pick({ movedTo: true })),
});
export type PublishedView = z.infer<typeof PublishedViewSchema>;

/** Every address the record says was published, which the next site must still answer. */
export function publishedUrls(record: PublishedView): PublishedUrl[] {
  const urls: PublishedUrl[] = [];
  for (const [slug, t] of Object.entries(record.transcripts)) {
    const path = `/transcripts/${slug}/`;
    urls.push({ path });
    for (const language of Object.keys(t.versions ?? {})) urls.push({ path: `${path}${language}/` });
    // Anchors of a moved transcript are kept by its redirect; a removed one's have nowhere to be.
    if (t.status !== 'live') continue;
    for (const id of [...Object.keys(t.turns), ...t.anchors]) urls.push({ path, anchor: id });
  }
  for (const slug of Object.keys(record.speakers)) urls.push({ path: `/speakers/${slug}/` });
  for (const slug of Object.keys(record.topics)) urls.push({ path: `/topics/${slug}/` });
  // A redirect is only as good as its target.
  for (const kind of ['transcripts', 'speakers', 'topics'] as const) {
    for (const entry of Object.values(record[kind]))
      if (entry.movedTo) urls.push({ path: `/${kind}/${entry.movedTo}/` });
  }
  return urls;
}
