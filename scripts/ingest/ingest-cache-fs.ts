/**
 * The ingest's memory between runs: what each source file became (by its
 * content hash) and what the content folder holds, so an unchanged source is
 * neither parsed nor written again. Lives in the build cache folder, never in
 * the content folder. It is thrown away whenever it might be stale: another
 * version of the ingest code or of a library it calls (the lock file), other
 * topic rules, another content folder, or a transcript's MDX file missing.
 * It also keeps the tagger's answers on the topics' names.
 *
 * The parsed files are kept in pieces (files by a hash of their path), and a
 * run writes only the pieces whose entries changed: at 10,000 transcripts the
 * whole is some 140 MB, and an added transcript changes one piece. What a new
 * topic changes (how a transcript is filed: `filed`, `evidence`) is kept in
 * pieces of its own, apart from what depends on the file's text alone: a topic
 * that files some hundreds of transcripts anew touches most pieces, and then
 * 18 MB of filings are written again, not 140 MB. The vocabulary filters
 * (92 MB of the 140) are pieces of their own too, read only when a topic term
 * new to the archive asks for them. An index file, written last,
 * names the pieces of its run; a piece it does not name is never read, so a
 * run killed midway leaves the last run's cache whole.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { Candidate } from '../core/extract-phrases.ts';
import type { IngestedFile } from '../core/ingest-archive.ts';
import { fnv1a } from '../core/search-shards.ts';
import {
  keptJson,
  keptPath,
  pruneKept,
  readKept,
  readKeptSync,
  cacheKey as shortKey,
  sourcesKey,
  writeAtomic,
  writeKept,
} from '../lib/build-cache-fs.ts';
import type { Listing } from '../lib/build-stamp-fs.ts';
import { cacheDir, ROOT } from '../lib/cli.ts';
import { limited } from '../lib/limited.ts';
import { tallyHere } from '../lib/tree-tally-fs.ts';
import type { SeedStamp, SeedsFolder } from './read-seeds-fs.ts';
import type { PublishedTranscript } from './write-content-fs.ts';

const VERSION = 8;
/** About this many parsed files go into one piece, in a power of two of pieces. */
const PER_PIECE = 128;
const MOST_PIECES = 1024;
/** Pieces read at once. */
const READING = 16;

export interface IngestCache {
  parsed: Map<string, IngestedFile>;
  published: PublishedTranscript[];
  /** The topics the run chose (`Archive.topicsKey`). */
  topics: string;
  /** What the part-of-speech tagger said of the topics' names (`taggerAnswers` in core/select-topics.ts). */
  answers: [string, boolean][];
  /** The file name of each piece of each kind as read, by piece number (`undefined`: not read); the next save keeps those unchanged. */
  pieces?: Record<Kind, readonly (string | undefined)[]>;
  /** The vocabulary filter kept for a file, its piece read when first asked for (`parsed` leaves the filters out). */
  vocabulary?: (file: string) => string | undefined;
}

const PublishedTranscriptSchema = z.object({
  file: z.string(),
  slug: z.string(),
  speakers: z.array(z.string()),
  topics: z.array(z.string()),
}) satisfies z.ZodType<PublishedTranscript>;

/**
 * A topic candidate as a row: `[display, count, entity (0 or 1), key, ...forms]`,
 * the key `0` when it is the display in lower case, no forms when they are
 * the display alone. Candidates are four fifths of what the pieces hold
 * (~37,000 in 1,000 transcripts); as rows they take 3.5 times fewer bytes.
 */
type CandidateRow = [string, number, 0 | 1, string | 0, ...string[]];

function candidateRow({ key, display, forms, count, entity }: Candidate): CandidateRow {
  const shortKey = key === display.toLowerCase() ? 0 : key;
  const onlyDisplay = forms.length === 1 && forms[0] === display;
  return [display, count, entity ? 1 : 0, shortKey, ...(onlyDisplay ? [] : forms)];
}

/** Candidates back from their rows, each made as one literal, of one shape for all. */
function fromCandidateRows(rows: readonly CandidateRow[]): Candidate[] {
  return rows.map((row) => {
    const display = row[0];
    return {
      key: row[3] === 0 ? display.toLowerCase() : row[3],
      display,
      forms: row.length > 4 ? (row.slice(4) as string[]) : [display],
      count: row[1],
      entity: row[2] === 1,
    };
  });
}

/** What a parsed file's text made of it, as its piece keeps it: without its filing and vocabulary, candidates as rows. */
type KeptText = Omit<IngestedFile, 'filed' | 'evidence' | 'vocabulary' | 'candidates'> & { candidates: CandidateRow[] };

/**
 * A parsed file's text part as the cache keeps it. Only its outline is
 * checked (tens of thousands of them are read at once); the cache's key says
 * which code wrote them.
 */
const KeptTextSchema = z.custom<KeptText>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as KeptText).hash === 'string' &&
    typeof (v as KeptText).slug === 'string' &&
    Array.isArray((v as KeptText).speakers) &&
    Array.isArray((v as KeptText).candidates) &&
    (v as KeptText).candidates.every((row) => Array.isArray(row) && typeof row[0] === 'string') &&
    typeof (v as KeptText).report === 'object',
  'not a parsed file',
);

/**
 * The part of a parsed file a change of topics changes, how it is filed: one
 * row per topic, in its `filed` order, of the slug and its evidence's counts
 * (`null` for a count the evidence does not hold). Rows of numbers, not
 * objects (~60 a transcript, 600,000 at 10,000 transcripts): a third of the
 * bytes, parsed about five times as fast, twice as fast with the objects
 * made again.
 */
type FilingRow = [string, ...(number | null)[]];
type Filing = FilingRow[];

/** The evidence's fields, in the order of a row's counts. */
const EVIDENCE_FIELDS = ['turns', 'named', 'lower', 'edge', 'owned', 'leads'] as const;

const FilingSchema = z.custom<Filing>(
  (v) => Array.isArray(v) && v.every((row) => Array.isArray(row) && typeof row[0] === 'string'),
  'not a filing',
);

function filingRows({ filed, evidence }: Pick<IngestedFile, 'filed' | 'evidence'>): Filing {
  return filed.map((slug): FilingRow => {
    const e = evidence[slug] as Record<string, number | undefined> | undefined;
    return e ? [slug, ...EVIDENCE_FIELDS.map((f) => e[f] ?? null)] : [slug];
  });
}

/** A row with every count: its evidence is made as one literal, of one shape for all. */
function isFull(row: FilingRow): row is [string, number, number, number, number, number, number] {
  if (row.length !== EVIDENCE_FIELDS.length + 1) return false;
  for (let i = 1; i < row.length; i++) if (typeof row[i] !== 'number') return false;
  return true;
}

/**
 * The filing and evidence of a file's rows. The evidence is keyed by slug: a
 * prototype-less object, which V8 keeps as a hash table from the start. A
 * plain one grows through a hidden class per key added, and the archive's
 * thousands of slugs made that the slower part: at 10,000 transcripts
 * (650,000 rows) 0.6-0.7 s against 1.0-1.4 s, measured apart.
 */
function fromFilingRows(rows: Filing): Pick<IngestedFile, 'filed' | 'evidence'> {
  const evidence: IngestedFile['evidence'] = Object.create(null);
  for (const row of rows) {
    if (row.length === 1) continue;
    if (isFull(row)) {
      const [slug, turns, named, lower, edge, owned, leads] = row;
      evidence[slug] = { turns, named, lower, edge, owned, leads };
      continue;
    }
    const e: Record<string, number> = {};
    EVIDENCE_FIELDS.forEach((f, i) => {
      const n = row[i + 1];
      if (typeof n === 'number') e[f] = n;
    });
    evidence[row[0]] = e as IngestedFile['evidence'][string];
  }
  return { filed: rows.map((row) => row[0]), evidence };
}

/** The kinds of pieces: what a file's text made of it (without its filing and vocabulary), its filing, its vocabulary filter. */
const KINDS = ['text', 'filing', 'vocabulary'] as const;
type Kind = (typeof KINDS)[number];
const PREFIX: Record<Kind, string> = { text: '', filing: 'f', vocabulary: 'v' };
const PIECE_NAME = /^[fv]?\d+-[0-9a-f]{12}\.json$/;

/** The index: the run's pieces of each kind by number, and what the content folder holds. */
const CacheFileSchema = z.object({
  version: z.literal(VERSION),
  key: z.string(),
  pieces: z.array(z.string().regex(PIECE_NAME)),
  filings: z.array(z.string().regex(PIECE_NAME)),
  vocabularies: z.array(z.string().regex(PIECE_NAME)),
  published: z.array(PublishedTranscriptSchema),
  topics: z.string(),
  answers: z.array(z.tuple([z.string(), z.boolean()])),
});

const PieceSchema = z.object({
  key: z.string(),
  parsed: z.array(z.tuple([z.string(), KeptTextSchema])),
});

const FilingPieceSchema = z.object({
  key: z.string(),
  parsed: z.array(z.tuple([z.string(), FilingSchema])),
});

const VocabularyPieceSchema = z.object({
  key: z.string(),
  parsed: z.array(z.tuple([z.string(), z.string().nullable()])),
});

/** An entry's part of each kind; its vocabulary `vocabulary` when the entry leaves it out (one reused from the cache). */
function partOf(entry: IngestedFile, kind: Kind, vocabulary?: string): unknown {
  const { filed, evidence, vocabulary: own, candidates, ...text } = entry;
  if (kind === 'vocabulary') return own ?? vocabulary ?? null;
  if (kind === 'filing') return filingRows({ filed, evidence });
  return { ...text, candidates: candidates.map(candidateRow) } satisfies KeptText;
}

/**
 * What the cache is valid for: the ingest's own code and the versions of the
 * libraries it calls (the lock file: a tagger's or a slug library's new
 * version parses alike files differently), the content folder, and the
 * archive-wide inputs (topic rules and speaker registry, passed joined as `rules`).
 */
async function cacheKey(content: string, topicRules: string | undefined): Promise<string> {
  const lock = await readFile(join(ROOT, 'package-lock.json'), 'utf8').catch(() => '');
  return sourcesKey([join(ROOT, 'scripts/core')], resolve(content), topicRules ?? '', lock);
}

const cacheFile = (content: string): string => keptPath(cacheDir(), 'ingest', resolve(content));
/** The folder of the pieces, beside the index. */
const piecesDir = (content: string): string => cacheFile(content).replace(/\.json$/, '.pieces');

/** How many pieces `files` parsed files are kept in. */
export function pieceCount(files: number): number {
  let count = 1;
  while (files / count > PER_PIECE && count < MOST_PIECES) count *= 2;
  return count;
}

/** The piece a source file's entry is kept in. */
const pieceOf = (file: string, count: number): number => fnv1a(file) % count;

/** The cache for this content folder, or `undefined` when there is none that can be trusted. */
export async function loadIngestCache(content: string, topicRules?: string): Promise<IngestCache | undefined> {
  const data = await readKept(cacheFile(content), CacheFileSchema);
  const key = await cacheKey(content, topicRules);
  if (!data || data.key !== key) return undefined;
  if (data.published.some((t) => !existsSync(join(content, 'transcripts', `${t.slug}.mdx`)))) return undefined;
  const dir = piecesDir(content);
  // A piece missing or dropped loses only its entries: their files are parsed again.
  const read = <T>(names: readonly string[], schema: z.ZodType<{ key: string; parsed: [string, T][] }>) =>
    limited(
      names.map((name) => async () => {
        const piece = await readKept(join(dir, name), schema);
        return piece?.key === key ? piece.parsed : undefined;
      }),
      READING,
    );
  const [texts, filings] = [await read(data.pieces, PieceSchema), await read(data.filings, FilingPieceSchema)];
  // A vocabulary piece missing or dropped loses only its filters: a new term is then looked for in the files.
  const vocabularies = new Map<number, Map<string, string | null>>();
  const vocabulary = (file: string): string | undefined => {
    const i = pieceOf(file, data.vocabularies.length);
    let piece = vocabularies.get(i);
    if (!piece) {
      const name = data.vocabularies[i];
      const kept = name === undefined ? undefined : readKeptSync(join(dir, name), VocabularyPieceSchema);
      piece = new Map(kept?.key === key ? kept.parsed : []);
      vocabularies.set(i, piece);
    }
    return piece.get(file) ?? undefined;
  };
  const filingOf = new Map(filings.flatMap((p) => p ?? []));
  // An entry is whole with both parts: one without its filing is parsed again.
  const parsed = new Map<string, IngestedFile>();
  for (const [file, text] of texts.flatMap((p) => p ?? [])) {
    const filing = filingOf.get(file);
    if (filing)
      parsed.set(file, { ...text, candidates: fromCandidateRows(text.candidates), ...fromFilingRows(filing) });
  }
  return {
    parsed,
    published: data.published,
    topics: data.topics,
    answers: data.answers,
    pieces: {
      text: data.pieces.map((name, i) => (texts[i] ? name : undefined)),
      filing: data.filings.map((name, i) => (filings[i] ? name : undefined)),
      vocabulary: data.vocabularies,
    },
    vocabulary,
  };
}

/**
 * Keeps `cache` for the next run. A piece whose every entry's part is the one
 * read from `before` (or equal to it) is kept as it is; the others are written.
 */
export async function saveIngestCache(
  content: string,
  topicRules: string | undefined,
  cache: IngestCache,
  before?: IngestCache,
): Promise<void> {
  const key = await cacheKey(content, topicRules);
  const count = pieceCount(cache.parsed.size);
  const groups = Array.from({ length: count }, () => [] as [string, IngestedFile][]);
  for (const entry of cache.parsed) groups[pieceOf(entry[0], count)]?.push(entry);
  const was = before?.pieces?.text.length === count && before.pieces.filing.length === count ? before : undefined;
  const sizes: number[] = [];
  for (const file of was?.parsed.keys() ?? []) {
    const i = pieceOf(file, count);
    sizes[i] = (sizes[i] ?? 0) + 1;
  }
  // The vocabulary the cache read from kept for a file whose entry leaves it out, of the same bytes.
  const keptVocabulary = (file: string, entry: IngestedFile): string | undefined =>
    entry.vocabulary === undefined && before?.parsed.get(file)?.hash === entry.hash
      ? before.vocabulary?.(file)
      : undefined;
  const part = (file: string, entry: IngestedFile, kind: Kind): unknown =>
    partOf(entry, kind, kind === 'vocabulary' ? keptVocabulary(file, entry) : undefined);
  const unchanged = (kind: Kind, i: number, group: readonly [string, IngestedFile][]): boolean =>
    was?.pieces?.[kind][i] !== undefined &&
    (sizes[i] ?? 0) === group.length &&
    group.every(([file, entry]) => {
      const kept = was.parsed.get(file);
      return (
        kept === entry || (kept !== undefined && isDeepStrictEqual(part(file, kept, kind), part(file, entry, kind)))
      );
    });
  const dir = piecesDir(content);
  const names: Record<Kind, string[]> = { text: [], filing: [], vocabulary: [] };
  for (const kind of KINDS)
    for (const [i, group] of groups.entries()) {
      const kept = unchanged(kind, i, group) ? was?.pieces?.[kind][i] : undefined;
      if (kept !== undefined) {
        names[kind].push(kept);
        continue;
      }
      const parsed = group.map(([file, entry]) => [file, part(file, entry, kind)]);
      const text = keptJson({ key, parsed });
      const name = `${PREFIX[kind]}${i}-${shortKey(text)}.json`;
      await writeAtomic(join(dir, name), text);
      names[kind].push(name);
    }
  await writeKept(cacheFile(content), {
    version: VERSION,
    key,
    pieces: names.text,
    filings: names.filing,
    vocabularies: names.vocabulary,
    published: cache.published,
    topics: cache.topics,
    answers: cache.answers,
  } satisfies z.infer<typeof CacheFileSchema>);
  await pruneKept(
    dir,
    [...names.text, ...names.filing, ...names.vocabulary].map((name) => join(dir, name)),
  );
}

const stampsFile = (content: string): string => keptPath(cacheDir(), 'seed-stamps', resolve(content));

/** Rows of `[file, size:mtime stamp, hash]`. */
const SeedStampsSchema = z.array(z.tuple([z.string(), z.string(), z.string()]));

/**
 * The size, modification time and hash of each seed file at the last run
 * for this content folder. Independent of the code's version: a hash only
 * says what bytes a file held.
 */
export async function loadSeedStamps(content: string): Promise<Map<string, SeedStamp>> {
  const rows = (await readKept(stampsFile(content), SeedStampsSchema)) ?? [];
  return new Map(rows.map(([file, stamp, hash]) => [file, { stamp, hash }]));
}

export async function saveSeedStamps(content: string, stamps: ReadonlyMap<string, SeedStamp>): Promise<void> {
  await writeKept(
    stampsFile(content),
    [...stamps].map(([f, s]) => [f, s.stamp, s.hash]),
  );
}

const IngestReplaySchema = z.object({
  stamp: z.string(),
  transcripts: z.number(),
  /** Files in the content folder after that run. */
  contentFiles: z.number(),
  inputBytes: z.number(),
  lines: z.array(z.string()),
  problems: z.array(z.string()),
  /** Whether the speaker registry or topic rules failed to parse. */
  archiveFiles: z.boolean(),
});
/** What a run reported, replayed by the next run when nothing it read has changed. */
export type IngestReplay = z.infer<typeof IngestReplaySchema>;

/**
 * Everything an ingest's result depends on, without reading a transcript:
 * the ingest's code and the archive-wide inputs, the options, each seed
 * file's size and modification time (and every file skipped), and the
 * content folder as the last run left it (names, sizes, times). Equal stamps,
 * equal run: the content folder would not change and the report would be the same.
 */
export async function ingestStamp(
  content: string,
  rules: string,
  seeds: Pick<SeedsFolder, 'stamps' | 'skipped'>,
  options: object,
): Promise<{ stamp: string; content: Listing }> {
  const hash = createHash('sha256')
    .update(await cacheKey(content, rules))
    .update(JSON.stringify(options));
  for (const [file, s] of [...seeds.stamps].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${file}\0${s.stamp}\n`);
  for (const s of seeds.skipped) hash.update(`skipped ${s.file}\0${s.reason}\n`);
  // The content folder's listing is the build stamp's own (`lib/build-stamp-fs.ts`): the build takes it from here.
  const { digest, tally } = tallyHere(content, { digest: true });
  hash.update(`${resolve(content)}\0${digest}\n`);
  return { stamp: hash.digest('hex'), content: { digest: digest as string, tally } };
}

const replayFile = (content: string): string => keptPath(cacheDir(), 'ingest-replay', resolve(content));

export async function loadReplay(content: string): Promise<IngestReplay | undefined> {
  return readKept(replayFile(content), IngestReplaySchema);
}

export async function saveReplay(content: string, replay: IngestReplay): Promise<void> {
  await writeKept(replayFile(content), replay);
}
