/**
 * The whole archive through the pure pipeline: every source file becomes a
 * transcript or a list of problems; speakers are merged across transcripts;
 * slugs are checked for clashes. No file system here: the shell reads the
 * seeds folder and writes what this returns.
 */

import { splitAnnotations } from './annotations.ts';
import type { Candidate } from './extract-phrases.ts';
import type { UnsureLabel } from './formats/types.ts';
import { FIELDS } from './front-matter.ts';
import { ingestTranscript, type TranscriptResult } from './ingest-transcript.ts';
import { MAX_TRANSCRIPT_BYTES, tooLargeMessage } from './input-limits.ts';
import { countingMatcher, foldWords, type NameUses } from './match-topics.ts';
import { parseYamlWith } from './parse-yaml.ts';
import { type Problem, problem } from './problems.ts';
import { buildRegistry, EMPTY_REGISTRY, type Registry } from './registry.ts';
import {
  type Format,
  RegistryFileSchema,
  type Speaker,
  type Topic,
  type TopicRulesFile,
  TopicRulesFileSchema,
  type Transcript,
  TranscriptMetaSchema,
  type TranscriptTopic,
  type Turn,
} from './schema.ts';
import { discussedIn, MAX_SHARE, type Mention, nicknamesOf, notSubject, selectTopics } from './select-topics.ts';
import { foldName, nameSlug } from './slugs.ts';
import { decodeText } from './text.ts';
import { type Named, type Naming, nameTranscripts } from './titles.ts';
import { attachVersions, type VersionMismatch } from './versions/attach-versions.ts';
import { familiesToParse, versionOriginals } from './versions/group-versions.ts';
import { vocabularyOf, vocabularyTest } from './vocabulary.ts';

export interface SourceFile {
  /** Path relative to the seeds folder. */
  file: string;
  bytes: Uint8Array;
  hash: string;
  /** The sidecar metadata file, if any. */
  meta?: { file: string; text: string };
  /**
   * Why the shell did not read the file or its metadata (over the size limit,
   * unreadable): reported instead of parsing it, and `bytes` is empty.
   */
  unread?: Problem;
  /**
   * What the last run's parse of these very bytes found that depends on the
   * text alone: a transcript parsed again only to be filed under new topics
   * keeps it instead of extracting it again.
   */
  known?: Known;
}

/** The parts of a parse that depend on the transcript's own text alone (and the code). */
export type Known = Pick<IngestedFile, 'candidates' | 'vocabulary'>;

export interface ArchiveInput {
  sources: readonly SourceFile[];
  /** `topics.yaml`: curated topics and blocked phrases. */
  topicRules?: { file: string; text: string };
  /** `speakers.yaml`: the curated speaker registry. */
  speakerRegistry?: { file: string; text: string };
  /**
   * What an earlier run made of each source file, by file. A source whose
   * hash is unchanged is not parsed again: its transcript is already written.
   * The caller keeps this only while the code, topic rules and registry are the same.
   */
  previous?: ReadonlyMap<string, IngestedFile>;
  /**
   * The vocabulary filter the earlier run kept for a file, when `previous`
   * leaves it out: read only when a topic term new to the archive asks which
   * reused transcripts may hold it (at 10,000 transcripts the filters are
   * 89 MB, and most runs choose the same topics).
   */
  previousVocabulary?: (file: string) => string | undefined;
  /** The earlier run's choice of topics ({@link Archive.topicsKey}): reuse is safe only while it holds. */
  previousTopics?: string;
  /**
   * Sources already parsed by {@link parseSource} (the shell does it in
   * worker threads, one per core), by file: used instead of parsing them here.
   * Each must come from the same source bytes and the same registry.
   */
  parsed?: ReadonlyMap<string, TranscriptResult>;
  /** Problems of files the shell could not read (an oversized or unreadable `topics.yaml`), reported with the archive's. */
  problems?: readonly Problem[];
}

/** What a later run needs of a published transcript to reuse it without parsing its source again. */
export interface IngestedFile {
  /** Hash of the source bytes and metadata it was built from. */
  hash: string;
  slug: string;
  speakers: Speaker[];
  /** Slugs of the topics filed on it. */
  topics: string[];
  /** Slugs of every chosen topic it speaks of, background ones included: what the next run compares. */
  filed: string[];
  /** For each of those, how many turns mention it and how it writes the name: what {@link notSubject} weighs. */
  evidence: Record<string, { turns: number } & Partial<NameUses>>;
  /** Its topic candidates, for the archive-wide choice of topics. */
  candidates: Candidate[];
  /** Its metadata's `tags:`, curated topics for the archive. */
  tags?: string[];
  /**
   * The words its turns say (a Bloom filter): whether a topic term new to the
   * archive could file it. A run's cache may leave it out of the files it
   * reuses (see {@link ArchiveInput.previousVocabulary}).
   */
  vocabulary?: string;
  /** What its file name and text say towards its title, and the name the archive gave it from that. */
  naming?: Naming;
  named?: Named;
  turns: number;
  words: number;
  report: FileReport;
  /** For a language version: the source file of the transcript it is a version of (its `slug` is that one's). */
  versionOf?: string;
  /**
   * For a language version: every speaker its own parse found. Its `speakers` are those its
   * aligned turns still name (they get pages); these count where the archive collects names.
   */
  parsedSpeakers?: Speaker[];
  /** For an original: it has language versions (they and it are parsed together, or reused together). */
  hasVersions?: boolean;
}

/** What happened to one source file, for the ingest report. */
export interface FileReport {
  file: string;
  format?: Format;
  slug?: string;
  turns: number;
  speakers: number;
  words: number;
  /** Stage directions kept as annotations: `(Laughter.)`, `[inaudible]`. */
  annotations: number;
  problems: Problem[];
  unsure: UnsureLabel[];
  /** Labels no registry entry claimed (only counted when a registry exists), with how many turns carry each. */
  unresolved: { label: string; turns: number }[];
  /** For a language version: the original's source file. */
  versionOf?: string;
  /** Turns that the alignment of language versions could not pair one to one (listed by `--report`). */
  mismatches?: VersionMismatch[];
}

export interface Archive {
  transcripts: Transcript[];
  speakers: Speaker[];
  topics: Topic[];
  files: FileReport[];
  /** Problems not tied to one transcript (the topics or speakers file). */
  problems: Problem[];
  /** Biographies from the registry, by speaker slug. */
  bios: Map<string, string>;
  /** Every transcript this run published or reused, by source file: the next run's `previous`. */
  ingested: Map<string, IngestedFile>;
  /** The topics chosen, as a key: when it changes, transcripts parsed earlier must be filed again. */
  topicsKey: string;
}

/** How one transcript is filed under the archive's topics: made where it was parsed (a worker) when the shell can. */
export interface Filing {
  filed: TranscriptTopic[];
  uses: Map<string, NameUses>;
  /** Slugs of the filed topics it discusses ({@link discussedIn}), not only mentions. */
  discussed: string[];
}

/** Prepares `topics` once; the filer then files any transcript's turns: the matching and the {@link discussedIn} test. */
export function transcriptFiler(topics: readonly Topic[]): (turns: readonly Turn[]) => Filing {
  const match = countingMatcher(topics);
  const bySlug = new Map(topics.map((t) => [t.slug, t]));
  return (turns) => {
    const { filed, uses } = match(turns);
    const discusses = discussedIn(turns);
    const said = filed.filter((tt) => {
      const topic = bySlug.get(tt.slug);
      return topic !== undefined && discusses(topic, tt);
    });
    return { filed, uses, discussed: said.map((tt) => tt.slug) };
  };
}

/** The whole archive in this thread: {@link archiveSteps} with every transcript filed here. */
export function ingestArchive(input: ArchiveInput): Archive {
  const steps = archiveSteps(input);
  let step = steps.next();
  while (!step.done) step = steps.next(undefined);
  return step.value;
}

/** Where the archive's pipeline pauses: the topics it chose, and the reused transcripts that choice touches. */
export interface TopicsChosen {
  topics: Topic[];
  /** Sources reused from the last run that must be parsed again, to be filed under the topics that changed. */
  reparse: SourceFile[];
}

/** What the caller hands back: the filings it made, and the sources it parsed since (`reparse`). */
export interface FiledElsewhere {
  filings: ReadonlyMap<string, Filing>;
  parsed: ReadonlyMap<string, TranscriptResult>;
}

/**
 * The archive's pipeline, paused once: it yields the topics it chose and the
 * reused transcripts to parse again, and takes back (or not) the filing of
 * the transcripts parsed in workers ({@link ArchiveInput.parsed}, and those
 * to parse again) under them, made there by {@link transcriptFiler}. Any
 * transcript without one is parsed and filed here, alike.
 */
export function* archiveSteps(input: ArchiveInput): Generator<TopicsChosen, Archive, FiledElsewhere | undefined> {
  const problems: Problem[] = [...(input.problems ?? [])];
  let rules: TopicRulesFile = { topics: [], block: [], extract: true };
  if (input.topicRules) {
    const parsed = parseYamlWith(TopicRulesFileSchema, input.topicRules.text, input.topicRules.file, 'invalid-topics');
    if ('problems' in parsed) problems.push(...parsed.problems);
    else {
      const distinct = distinctRules(parsed.value, input.topicRules.file);
      rules = distinct.rules;
      problems.push(...distinct.problems);
    }
  }
  const { registry, problems: registryProblems } = registryOf(input.speakerRegistry);
  problems.push(...registryProblems);
  /** What the caller handed back at the pause (filings, and the sources it parsed again). */
  let back: FiledElsewhere | undefined;
  const parsedElsewhere = (file: string): TranscriptResult | undefined =>
    input.parsed?.get(file) ?? back?.parsed.get(file);
  const ingestOne = (source: SourceFile, reg: Registry): TranscriptResult =>
    parsedElsewhere(source.file) ?? parseSource(source, reg);

  const sorted = [...input.sources].sort((a, b) => a.file.localeCompare(b.file));
  // An original and its language versions make one record: parsed together, or reused together.
  const byFileSource = new Map(sorted.map((s) => [s.file, s]));
  const versionsBefore = new Map<string, string[]>();
  for (const [file, f] of input.previous ?? [])
    if (f.versionOf !== undefined) versionsBefore.set(f.versionOf, [...(versionsBefore.get(f.versionOf) ?? []), file]);
  const families = familiesToParse(
    sorted.map((s) => s.file),
    (file) => {
      const before = input.previous?.get(file);
      const source = byFileSource.get(file);
      if (!before) return undefined;
      return {
        unchanged: source !== undefined && reusableFrom(input.previous, source),
        ...(before.versionOf !== undefined ? { versionOf: before.versionOf } : {}),
        ...(before.hasVersions ? { hasVersions: true } : {}),
      };
    },
    versionsBefore,
  );
  const reusable = (source: SourceFile) =>
    !families.has(source.file) && reusableFrom(input.previous, source) ? input.previous?.get(source.file) : undefined;
  const results: { source: SourceFile; result?: TranscriptResult; reused?: IngestedFile }[] = sorted.map((source) => {
    const reused = reusable(source);
    return reused ? { source, reused } : { source, result: ingestOne(source, registry) };
  });
  const candidatesOf = (r: (typeof results)[number]) => r.reused?.candidates ?? r.result?.candidates ?? [];
  // Titles and shows are the archive's choice: a show is spelled as all its transcripts write it.
  const names = nameTranscripts(
    results.flatMap((r) => {
      const naming = r.reused?.naming ?? (r.result?.transcript ? r.result.naming : undefined);
      return naming ? [{ key: r.source.file, naming }] : [];
    }),
  );
  rules = withTags(
    rules,
    results.flatMap((r) => r.reused?.tags ?? r.result?.tags ?? []),
    results.flatMap(candidatesOf),
  );
  // A version reused from the last run counts every speaker its parse found, as a parse would.
  const speakersOf = (r: (typeof results)[number]) =>
    r.reused?.parsedSpeakers ?? r.reused?.speakers ?? r.result?.speakers ?? [];
  const everyone = [...registry.speakers, ...results.flatMap(speakersOf)];
  const nameParts = new Set(
    everyone
      .filter((sp) => sp.kind === 'person')
      .flatMap((sp) => foldName(sp.name).split(' '))
      .filter((w) => w.length >= 3),
  );
  // Never topics: who speaks (by any name they go by) and the archive's own shows.
  const notNames = new Set(
    [
      ...everyone
        .filter((sp) => sp.kind !== 'role')
        .flatMap((sp) => [sp.name, ...sp.aliases, ...(sp.shortName ? [sp.shortName] : [])].map(foldName)),
      ...everyone.filter((sp) => sp.kind === 'person').flatMap((sp) => nicknamesOf(sp.name)),
      ...[...names.values()].flatMap((n) => (n.show ? [foldName(n.show)] : [])),
    ].filter((k) => k !== ''),
  );
  // Nor, on its own transcripts, the event and the folders a transcript is filed under.
  const ownNames = (r: (typeof results)[number]): Set<string> =>
    sourceNames(r.source.file, names.get(r.source.file)?.show, (r.reused?.naming ?? r.result?.naming)?.event);
  const selected = selectTopics(
    results
      .filter((r) => r.reused || r.result?.transcript)
      .map((r) => {
        const own = ownNames(r);
        return candidatesOf(r).filter((c) => !own.has(c.key));
      }),
    rules,
    { nameParts, names: notNames },
  );

  // A transcript reused from the last run is filed under the topics of that run. When the choice
  // changed, parse again those a change can touch: the ones filed under a topic that went or changed,
  // and the ones whose text holds a term of a topic that came or changed. The others are filed alike.
  const before = readTopicsKey(input.previousTopics);
  // A topic that only changed its name files every transcript as before (see renamedTopics).
  const renamed = renamedTopics(before.selected, selected);
  const renamedFrom = new Map([...renamed].map(([from, to]) => [to, from]));
  // Per topic, the terms that came (a parse for the transcripts that hold one) and whether any term
  // went or the topic went (a parse for the transcripts filed under it).
  const chosen = new Set(selected.map((t) => t.slug));
  const gone = new Set([...before.selected.keys()].filter((slug) => !chosen.has(slug) && !renamed.has(slug)));
  const newTerms: string[] = [];
  for (const t of selected) {
    const prev = before.selected.get(renamedFrom.get(t.slug) ?? t.slug);
    const same = prev && prev.entity === (t.entity ?? false);
    const had = new Set(same ? prev.terms : []);
    newTerms.push(...t.terms.filter((term) => !had.has(term)));
    if (prev && (!same || prev.terms.some((term) => !t.terms.includes(term)))) gone.add(t.slug);
  }
  const mentions = termFinder(newTerms);
  const keptVocabulary = (r: (typeof results)[number]): string | undefined =>
    r.reused?.vocabulary ?? input.previousVocabulary?.(r.source.file);
  const touched = new Set(
    results.filter(
      (r) =>
        r.reused &&
        (!before.valid ||
          r.reused.filed.some((slug) => gone.has(slug)) ||
          // Its page names a renamed topic: written again under the new name.
          r.reused.topics.some((slug) => renamed.has(slug)) ||
          mentions(r.source, () => keptVocabulary(r))),
    ),
  );
  // The others filed under a renamed topic take its new slug, as a parse would file them.
  if (renamed.size > 0)
    for (const r of results)
      if (r.reused && !touched.has(r) && r.reused.filed.some((slug) => renamed.has(slug)))
        r.reused = withRenamed(r.reused, renamed);
  back = yield { topics: selected, reparse: [...touched].map((r) => withKnown(r.source, r.reused, keptVocabulary(r))) };
  const fromWorkers = back?.filings ?? new Map<string, Filing>();
  // A filing made elsewhere stands for the very transcript it was made from (the worker's parse).
  const madeElsewhere = (r: (typeof results)[number]): Filing | undefined =>
    r.result !== undefined && r.result === parsedElsewhere(r.source.file) ? fromWorkers.get(r.source.file) : undefined;
  let filer: ((turns: readonly Turn[]) => Filing) | undefined;
  /** How each parsed transcript is filed under every selected topic, before background topics are taken out. */
  const filings = new Map<(typeof results)[number], Filing>();
  const filed = (r: (typeof results)[number]): TranscriptTopic[] => filings.get(r)?.filed ?? [];
  const parse = (r: (typeof results)[number]) => {
    if (r.reused) {
      r.result = ingestOne(withKnown(r.source, r.reused, keptVocabulary(r)), registry);
      delete r.reused;
    }
    const t = r.result?.transcript;
    if (t && !filings.has(r)) {
      filer ??= transcriptFiler(selected);
      filings.set(r, madeElsewhere(r) ?? filer(t.turns));
    }
  };
  const evidenceOf = (r: (typeof results)[number]): IngestedFile['evidence'] =>
    r.reused?.evidence ??
    Object.fromEntries(
      filed(r).map((tt) => [tt.slug, { turns: tt.matches.length, ...filings.get(r)?.uses.get(tt.slug) }]),
    );
  /**
   * What a language version's own parse gave the archive-wide steps (its speakers, topic
   * candidates, filing, names): kept with it, so a run that reuses its family sees what a parse would.
   */
  const asParsed = (r: (typeof results)[number]): Partial<IngestedFile> => {
    const named = names.get(r.source.file);
    return {
      parsedSpeakers: r.result?.speakers ?? [],
      filed: filed(r).map((tt) => tt.slug),
      evidence: evidenceOf(r),
      candidates: r.result?.candidates ?? [],
      ...(r.result?.tags ? { tags: r.result.tags } : {}),
      ...(r.result?.vocabulary ? { vocabulary: r.result.vocabulary } : {}),
      ...(r.result?.naming ? { naming: r.result.naming } : {}),
      ...(named ? { named } : {}),
    };
  };
  for (const r of results) if (!r.reused || touched.has(r)) parse(r);

  // Background, not a subject: an extracted topic filed on more than MAX_SHARE of the transcripts,
  // counted on the filing itself (every mention in full; the choice above saw only each one's sample);
  // or one the filing shows is no subject (spread thin, a place in passing, a common word: notSubject).
  const mentionsOf = new Map<string, Mention[]>();
  for (const r of results) {
    const turns = r.reused?.turns ?? r.result?.transcript?.turns.length ?? 0;
    for (const [slug, e] of Object.entries(evidenceOf(r))) {
      const list = mentionsOf.get(slug) ?? [];
      list.push({ ...e, of: turns });
      mentionsOf.set(slug, list);
    }
  }
  const n = results.filter((r) => r.reused || r.result?.transcript).length;
  const background = new Set(
    selected
      .filter(
        (t) =>
          t.origin === 'extracted' &&
          ((n >= 10 && (mentionsOf.get(t.slug)?.length ?? 0) > MAX_SHARE * n) ||
            notSubject(t, mentionsOf.get(t.slug) ?? [], n) !== undefined),
      )
      .map((t) => t.slug),
  );
  // A reused transcript under a topic that became background, or stopped being it, is written again.
  const wasBackground = new Set([...before.background].map((slug) => renamed.get(slug) ?? slug));
  const flipped = new Set(
    [...background, ...wasBackground].filter((slug) => background.has(slug) !== wasBackground.has(slug)),
  );
  for (const r of results) if ((r.reused?.filed ?? []).some((slug) => flipped.has(slug))) parse(r);
  // A reused transcript whose title, show or number changed (a new episode of its show, a title now shared) too.
  for (const r of results)
    if (r.reused && JSON.stringify(r.reused.named) !== JSON.stringify(names.get(r.source.file))) parse(r);
  const topics = selected.filter((t) => !background.has(t.slug));
  const bySlug = new Map(selected.map((t) => [t.slug, t]));
  const topicsKey = JSON.stringify({
    selected: selected.map((t) => [t.slug, { terms: t.terms, entity: t.entity ?? false }]),
    background: [...background].sort(),
  });

  // Language versions: each is parsed with its original, and joins its record instead of taking a slug.
  const byFile = new Map(results.map((r) => [r.source.file, r]));
  const grouping = versionOriginals(
    results.map((r) => r.source.file),
    new Map(results.flatMap((r) => (r.result?.translationOf ? [[r.source.file, r.result.translationOf]] : []))),
    new Map(
      results.flatMap((r) => {
        const slug = r.reused?.versionOf === undefined ? (r.reused?.slug ?? r.result?.transcript?.slug) : undefined;
        return slug ? [[r.source.file, slug]] : [];
      }),
    ),
    new Map(results.flatMap((r) => (r.reused?.versionOf ? [[r.source.file, r.reused.versionOf]] : []))),
  );
  problems.push(...grouping.problems);
  // A family with a file parsed (changed, new, or filed again) is parsed whole; the others are reused whole.
  const pairs = [...grouping.originals].flatMap(([file, originalFile]) => {
    const r = byFile.get(file);
    const o = byFile.get(originalFile);
    return r && o ? [{ r, o }] : [];
  });
  const parsedFamily = new Set(pairs.filter(({ r, o }) => !r.reused || !o.reused).map(({ o }) => o));
  const translationsOf = new Map<(typeof results)[number], (typeof results)[number][]>();
  const reusedVersionsOf = new Map<(typeof results)[number], (typeof results)[number][]>();
  for (const { r, o } of pairs) {
    if (!parsedFamily.has(o)) {
      reusedVersionsOf.set(o, [...(reusedVersionsOf.get(o) ?? []), r]);
      continue;
    }
    parse(r);
    parse(o);
    if (!r.result?.transcript || !o.result?.transcript) continue;
    translationsOf.set(o, [...(translationsOf.get(o) ?? []), r]);
  }
  const isVersion = new Set([...translationsOf.values(), ...reusedVersionsOf.values()].flat());

  // Two files that want one slug: the first (in file order) keeps it, the other is refused.
  const owner = new Map<string, string>();
  const files: FileReport[] = [];
  const transcripts: Transcript[] = [];
  const ingested = new Map<string, IngestedFile>();
  const speakers = new Map<string, Speaker>(registry.speakers.map((s) => [s.slug, s]));
  for (const r of results) {
    const { source, reused } = r;
    if (isVersion.has(r)) continue;
    if (reused && !owner.has(reused.slug)) {
      owner.set(reused.slug, source.file);
      // A family reused whole: its versions come with it, in the order a parse adds them.
      const versions = reusedVersionsOf.get(r) ?? [];
      for (const s of reused.speakers) mergeSpeaker(speakers, s);
      for (const v of versions) {
        const version = v.reused as IngestedFile;
        for (const s of version.speakers) mergeSpeaker(speakers, s);
        files.push(version.report);
        ingested.set(v.source.file, version);
      }
      ingested.set(source.file, reused);
      files.push(reused.report);
      continue;
    }
    // A reused file whose slug was taken by a file earlier in order is parsed again to report it.
    if (reused) parse(r);
    const result = r.result as TranscriptResult;
    const t = result.transcript;
    if (t) {
      const first = owner.get(t.slug);
      if (first) {
        result.problems.push(
          problem('duplicate-slug', source.file, `the slug \`${t.slug}\` is already used by \`${first}\``),
        );
        delete result.transcript;
      } else {
        owner.set(t.slug, source.file);
        nameOne(t, names.get(source.file));
        const own = ownNames(r);
        const said = new Set(filings.get(r)?.discussed);
        t.topics = filed(r).filter((tt) => {
          const topic = bySlug.get(tt.slug);
          return !background.has(tt.slug) && topic !== undefined && !own.has(foldName(topic.name)) && said.has(tt.slug);
        });
        transcripts.push(t);
        for (const s of result.speakers) mergeSpeaker(speakers, s);
      }
    }
    const report = reportOf(source.file, result, registry);
    const named = names.get(source.file);
    const translations = result.transcript ? (translationsOf.get(r) ?? []) : [];
    if (result.transcript && translations.length > 0) {
      const joined = joinVersions(result.transcript, translations, registry, speakers);
      report.mismatches = joined.mismatches.filter((m) => m.file === source.file);
      for (const v of joined.versions) {
        files.push(v.report);
        const own = byFile.get(v.source.file);
        if (v.ingested && own) ingested.set(v.report.file, { ...v.ingested, ...asParsed(own), hash: v.source.hash });
      }
    }
    if (result.transcript) {
      ingested.set(source.file, {
        ...(translations.length > 0 ? { hasVersions: true } : {}),
        hash: source.hash,
        slug: result.transcript.slug,
        speakers: result.speakers,
        topics: result.transcript.topics.map((tt) => tt.slug),
        filed: filed(r).map((tt) => tt.slug),
        evidence: evidenceOf(r),
        candidates: result.candidates ?? [],
        ...(result.tags ? { tags: result.tags } : {}),
        ...(result.vocabulary ? { vocabulary: result.vocabulary } : {}),
        ...(result.naming ? { naming: result.naming } : {}),
        ...(named ? { named } : {}),
        turns: result.transcript.turns.length,
        words: result.transcript.words,
        report,
      });
    }
    files.push(report);
  }

  const used = new Set([...ingested.values()].flatMap((f) => f.topics));
  const pinned = new Set(rules.topics.filter((r) => r.pin).map((r) => r.name));
  const heard = new Set([...ingested.values()].flatMap((f) => f.speakers.map((s) => s.slug)));
  return {
    transcripts,
    // Registry entries nobody spoke as yet have no page: a speaker page lists turns.
    speakers: [...speakers.values()].filter((s) => heard.has(s.slug)).sort((a, b) => a.slug.localeCompare(b.slug)),
    topics: topics.filter((topic) => used.has(topic.slug) || pinned.has(topic.name)),
    files,
    problems,
    bios: registry.bios,
    ingested,
    topicsKey,
  };
}

/** The last run's choice of topics, from {@link Archive.topicsKey}; `valid: false` when there is none to trust. */
function readTopicsKey(key: string | undefined): {
  valid: boolean;
  selected: Map<string, { terms: string[]; entity: boolean }>;
  background: Set<string>;
} {
  try {
    const parsed = JSON.parse(key ?? '') as {
      selected: [string, { terms: string[]; entity: boolean }][];
      background: string[];
    };
    if (!Array.isArray(parsed.selected) || !Array.isArray(parsed.background)) throw new Error('old shape');
    if (!parsed.selected.every(([, t]) => Array.isArray(t?.terms))) throw new Error('old shape');
    return { valid: true, selected: new Map(parsed.selected), background: new Set(parsed.background) };
  } catch {
    return { valid: false, selected: new Map(), background: new Set() };
  }
}

/**
 * Old slug → new slug of each topic of the last run that is gone while a new
 * one has its very terms: another of them is now its name (`Mobile phones`
 * for `Mobile phone`, the plural now found first). The matcher files by the
 * set of terms alone, so each transcript is filed under it as before.
 */
function renamedTopics(
  before: ReadonlyMap<string, { terms: string[]; entity: boolean }>,
  selected: readonly Topic[],
): Map<string, string> {
  const termsKey = (terms: readonly string[], entity: boolean): string => JSON.stringify([entity, [...terms].sort()]);
  const came = new Map<string, string>();
  for (const t of selected) if (!before.has(t.slug)) came.set(termsKey(t.terms, t.entity ?? false), t.slug);
  const chosen = new Set(selected.map((t) => t.slug));
  const renamed = new Map<string, string>();
  for (const [slug, t] of before) {
    const key = termsKey(t.terms, t.entity);
    const to = came.get(key);
    if (chosen.has(slug) || to === undefined) continue;
    renamed.set(slug, to);
    came.delete(key);
  }
  return renamed;
}

/**
 * A reused transcript's filing with renamed topics' new slugs, in the order
 * the matcher gives (most turns first, then by slug).
 */
function withRenamed(file: IngestedFile, renamed: ReadonlyMap<string, string>): IngestedFile {
  const evidence = Object.entries(file.evidence).map(([slug, e]) => [renamed.get(slug) ?? slug, e] as const);
  evidence.sort(([a, ea], [b, eb]) => eb.turns - ea.turns || a.localeCompare(b));
  const filed = file.filed.map((slug) => renamed.get(slug) ?? slug);
  const order = new Map(evidence.map(([slug], i) => [slug, i]));
  filed.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { ...file, filed, evidence: Object.fromEntries(evidence) };
}

/**
 * Whether a source file's text holds any of `terms`, compared as the matcher
 * compares (whole words, case and punctuation aside): from the transcript's
 * vocabulary filter when the last run kept one (asked for only when there are
 * terms to look for; no read of the file then; a term
 * whose words are all "maybe" there counts as held), else on the raw file. A
 * conservative test either way: a false "held" only costs a parse.
 */
function termFinder(terms: readonly string[]): (source: SourceFile, vocabulary: () => string | undefined) => boolean {
  const folded = terms.map((t) => foldWords(t)).filter((words) => words.length > 0);
  const needles = [...new Set(folded.map((words) => ` ${words.join(' ')} `))];
  if (needles.length === 0) return () => false;
  return (source, keptVocabulary) => {
    const vocabulary = keptVocabulary();
    if (vocabulary !== undefined) return folded.some(vocabularyTest(vocabulary));
    const decoded = decodeText(source.bytes, source.file);
    if ('problem' in decoded) return true;
    const text = ` ${foldWords(decoded.text).join(' ')} `;
    return needles.some((needle) => text.includes(needle));
  };
}

/**
 * Tags from transcripts' metadata (`tags: [transaction-pinning]`) as curated
 * topics: `Transaction pinning`, matched on `transaction pinning` in any
 * transcript's turns. A lower-case tag takes the spelling the transcripts use
 * for a name (`bitcoin-core` → `Bitcoin Core`, `rbf` → `RBF`) when they name it.
 * A rule of `topics.yaml` with the same slug wins.
 */
export function withTags(
  rules: TopicRulesFile,
  tags: readonly string[],
  candidates: readonly Candidate[] = [],
): TopicRulesFile {
  const slugs = new Set(rules.topics.map((r) => r.slug ?? nameSlug(r.name)));
  const spelled = new Map<string, Candidate>();
  for (const c of candidates) {
    if (!c.entity) continue;
    const slug = nameSlug(c.display);
    const known = spelled.get(slug);
    if (!known || c.count > known.count) spelled.set(slug, c);
  }
  const added: TopicRulesFile['topics'] = [];
  for (const tag of [...new Set(tags.map((t) => t.trim()))].sort()) {
    const spaced = tag.replace(/[-_]+/g, ' ').trim();
    if (spaced === '') continue;
    const lower = spaced === spaced.toLowerCase();
    const name = lower
      ? (spelled.get(nameSlug(spaced))?.display ?? spaced.charAt(0).toUpperCase() + spaced.slice(1))
      : spaced;
    const slug = nameSlug(name);
    if (slugs.has(slug)) continue;
    slugs.add(slug);
    added.push({ name, terms: [spaced], pin: false });
  }
  return added.length === 0 ? rules : { ...rules, topics: [...rules.topics, ...added] };
}

/** The speaker registry from `speakers.yaml`, or the empty one (with the file's problems) when it has none or is invalid. */
export function registryOf(file?: { file: string; text: string }): { registry: Registry; problems: Problem[] } {
  if (!file) return { registry: EMPTY_REGISTRY, problems: [] };
  const parsed = parseYamlWith(RegistryFileSchema, file.text, file.file, 'invalid-speakers');
  if ('problems' in parsed) return { registry: EMPTY_REGISTRY, problems: parsed.problems };
  const { clashes, ...registry } = buildRegistry(parsed.value.speakers, parsed.value.strict);
  const problems = clashes.map((c) =>
    problem(
      'name-clash',
      file.file,
      `entries \`${c.first}\` and \`${c.second}\` both claim ${c.what}: the first keeps it, \`${c.second}\` does not get it`,
    ),
  );
  return { registry, problems };
}

/**
 * Topic rules that give two topics one slug (`Telecom Fraud` and
 * `telecom-fraud`): the first keeps it, the later one is dropped with an
 * error naming both, instead of the topic being listed twice.
 */
export function distinctRules(rules: TopicRulesFile, file: string): { rules: TopicRulesFile; problems: Problem[] } {
  const bySlug = new Map<string, string>();
  const problems: Problem[] = [];
  const topics = rules.topics.filter((rule) => {
    const slug = rule.slug ?? nameSlug(rule.name);
    const first = bySlug.get(slug);
    if (first === undefined) {
      bySlug.set(slug, rule.name);
      return true;
    }
    problems.push(
      problem(
        'name-clash',
        file,
        `topics \`${first}\` and \`${rule.name}\` both have the slug \`${slug}\`: the first keeps it, \`${rule.name}\` is dropped`,
      ),
    );
    return false;
  });
  return { rules: { ...rules, topics }, problems };
}

/** Whether a source can be taken from an earlier run's {@link IngestedFile} instead of being parsed. */
export function reusableFrom(previous: ReadonlyMap<string, IngestedFile> | undefined, source: SourceFile): boolean {
  return previous?.get(source.file)?.hash === source.hash;
}

/** One source file through the transcript pipeline: its transcript, or the problems that stopped it. */
export function parseSource(source: SourceFile, registry: Registry): TranscriptResult {
  if (source.unread) return { speakers: [], problems: [source.unread], unsure: [] };
  if (source.bytes.length > MAX_TRANSCRIPT_BYTES) {
    const message = tooLargeMessage(source.bytes.length, MAX_TRANSCRIPT_BYTES);
    return { speakers: [], problems: [problem('file-too-large', source.file, message)], unsure: [] };
  }
  let meta = {};
  if (source.meta) {
    const parsed = parseYamlWith(TranscriptMetaSchema, source.meta.text, source.meta.file, 'invalid-metadata', FIELDS);
    if ('problems' in parsed) return { speakers: [], problems: parsed.problems, unsure: [] };
    meta = parsed.value;
  }
  const decoded = decodeText(source.bytes, source.file);
  if ('problem' in decoded) return { speakers: [], problems: [decoded.problem], unsure: [] };
  const { known } = source;
  const result = ingestTranscript({
    file: source.file,
    text: decoded.text,
    meta,
    hash: source.hash,
    registry,
    ...(known ? { candidates: known.candidates } : {}),
  });
  if (result.transcript) result.vocabulary = known?.vocabulary ?? vocabularyOf(result.transcript.turns);
  return result;
}

/** `source` with what its last parse found when it is reused from that run (`reused`, of the same bytes). */
function withKnown(source: SourceFile, reused: IngestedFile | undefined, vocabulary: string | undefined): SourceFile {
  if (!reused || reused.hash !== source.hash) return source;
  return { ...source, known: { candidates: reused.candidates, ...(vocabulary ? { vocabulary } : {}) } };
}

/**
 * The names a transcript's own source goes by, folded: its show, its event,
 * and each folder it is filed in that is not a date (`bitcoin-core-dev-tech`
 * as `bitcoin core dev tech` and `bitcoincoredevtech`).
 */
export function sourceNames(file: string, show?: string, event?: string): Set<string> {
  const folders = file
    .split('/')
    .slice(0, -1)
    .filter((f) => !/^\d{4}(?:[-_.]\d{1,2})*$/.test(f));
  const spaced = folders.map((f) => foldName(f.replace(/[-_.]+/g, ' ')));
  return new Set(
    [
      ...spaced,
      ...spaced.map((f) => f.replaceAll(' ', '')),
      ...[show, event].flatMap((n) => (n ? [foldName(n)] : [])),
    ].filter((k) => k !== ''),
  );
}

/** Gives a transcript the title, show and number the archive chose for it. */
function nameOne(t: Transcript, named: Named | undefined): void {
  if (!named) return;
  t.title = named.title;
  if (named.show) t.show = named.show;
  else delete t.show;
  if (named.number !== undefined) t.number = named.number;
  else delete t.number;
}

type VersionResult = { source: SourceFile; result?: TranscriptResult };

/**
 * Stores the language versions in their original's record (in place), and
 * returns each version file's report and what a later run needs of it. Only
 * the speakers a version's turns still name after alignment get a page.
 */
function joinVersions(
  original: Transcript,
  translations: readonly VersionResult[],
  registry: Registry,
  speakers: Map<string, Speaker>,
): {
  mismatches: VersionMismatch[];
  versions: { source: SourceFile; report: FileReport; ingested?: Omit<IngestedFile, 'hash'> }[];
} {
  const parsed = translations.flatMap((r) => (r.result?.transcript ? [r.result.transcript] : []));
  const attached = attachVersions(original, parsed);
  Object.assign(original, attached.transcript);
  const versions = translations.map(({ source, result }) => {
    const r = result as TranscriptResult;
    const refused = attached.problems.filter((p) => p.file === source.file);
    r.problems.push(...refused);
    const version = original.versions.find((v) => v.source.file === source.file);
    const named = new Set(version?.participants.map((p) => p.speaker) ?? []);
    const own = r.speakers.filter((s) => named.has(s.slug));
    for (const s of own) mergeSpeaker(speakers, s);
    const report: FileReport = {
      ...reportOf(source.file, r, registry),
      versionOf: original.source.file,
      mismatches: attached.mismatches.filter((m) => m.file === source.file),
    };
    if (!version) {
      const { slug: _refused, ...unbuilt } = report;
      return { source, report: unbuilt };
    }
    report.slug = original.slug;
    report.speakers = version.participants.length;
    return {
      source,
      report,
      ingested: {
        slug: original.slug,
        versionOf: original.source.file,
        speakers: own,
        topics: [],
        filed: [],
        evidence: {},
        candidates: [],
        turns: version.turns.length,
        words: version.words,
        report,
      },
    };
  });
  return { mismatches: attached.mismatches, versions };
}

function mergeSpeaker(into: Map<string, Speaker>, speaker: Speaker): void {
  const known = into.get(speaker.slug);
  if (!known) {
    into.set(speaker.slug, { ...speaker, aliases: [...speaker.aliases] });
    return;
  }
  for (const alias of speaker.aliases) if (!known.aliases.includes(alias)) known.aliases.push(alias);
}

function reportOf(file: string, result: TranscriptResult, registry: Registry): FileReport {
  const t = result.transcript;
  const unresolved =
    registry.speakers.length === 0 || !t
      ? []
      : [...(result.resolutions ?? [])]
          .filter(([, how]) => how === 'unresolved')
          .map(([label]) => ({ label, turns: t.turns.filter((turn) => turn.label === label).length }));
  if (registry.strict) {
    for (const u of unresolved) {
      const line = t?.turns.find((turn) => turn.label === u.label)?.line;
      result.problems.push(
        problem('unresolved-speaker', file, `the label \`${u.label}\` matches no one in the registry`, line),
      );
    }
  }
  return {
    file,
    ...(result.format ? { format: result.format } : {}),
    ...(t ? { slug: t.slug } : {}),
    turns: t?.turns.length ?? 0,
    speakers: t?.participants.length ?? 0,
    words: t?.words ?? 0,
    annotations: t ? countAnnotations(t) : 0,
    problems: result.problems,
    unsure: result.unsure,
    unresolved,
  };
}

function countAnnotations(t: Transcript): number {
  return t.turns.reduce(
    (n, turn) => n + turn.paragraphs.reduce((m, p) => m + splitAnnotations(p).filter((s) => s.annotation).length, 0),
    0,
  );
}
