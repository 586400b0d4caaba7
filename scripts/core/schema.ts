/**
 * One zod schema per entity. The ingest validates what it writes with these,
 * and `src/content.config.ts` validates what Astro reads with the very same
 * objects, so the two sides cannot drift apart. Types are derived, never
 * written twice.
 */
import { z } from 'zod';
import {
  canonicalLanguage,
  cleanLine,
  cleanText,
  isCalendarDate,
  MAX_LANGUAGE_TAG,
  shownValue,
} from './metadata-shapes.ts';

/** A URL path segment: lower-case letters, digits and single hyphens. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a slug: lower-case letters, digits and hyphens');

/** The longest slug a metadata file may give: with `.mdx` and an index folder, well within a file name's 255 bytes. */
export const MAX_SLUG = 200;

/** The longest web address accepted in metadata. */
export const MAX_URL = 2048;

/**
 * An address a reader can follow: `http:` or `https:` only, no white space or
 * control characters, at most {@link MAX_URL} characters. A `javascript:`,
 * `data:` or `vbscript:` URL in metadata would otherwise become a link that
 * runs code when clicked.
 */
export const WebUrlSchema = z
  .string()
  .max(MAX_URL, `expected a web address of at most ${MAX_URL} characters`)
  .regex(/^[^\s\p{Cc}]*$/u, 'expected a web address without spaces or control characters')
  .pipe(
    z.url({
      protocol: /^https?$/,
      error: 'expected a web address starting with http:// or https://',
    }),
  );

/**
 * Where a recording is: a web address, or a path relative to the archive's
 * `mediaBase` (`town-hall.mp3`, `2024/town-hall.mp3`) for recordings
 * published beside the site. A relative path names no scheme
 * (`javascript:`), no root or other host (`/etc/x`, `//host/x`: where the
 * recordings are is `mediaBase`'s to say) and no parent folder (`../x`).
 */
export const MediaRefSchema = z.union(
  [
    WebUrlSchema,
    z
      .string()
      .max(MAX_URL)
      .regex(
        /^(?![a-z][a-z0-9+.-]*:)(?!\/)(?!(?:.*\/)?\.\.(?:\/|$))[^\s\p{Cc}\\?#]+$/iu,
        'expected a web address (http:// or https://) or a relative path such as `town-hall.mp3`',
      ),
  ],
  { error: 'expected a web address (http:// or https://) or a relative path such as `town-hall.mp3`' },
);

/**
 * A calendar date as written in metadata: `YYYY-MM-DD`, or `YYYY-MM`, or
 * `YYYY`, and a real one (`2024-02-30` and `0000-00-00` are refused).
 */
export const DateSchema = z.string().refine(isCalendarDate, {
  error: (issue) =>
    /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(String(issue.input))
      ? `${shownValue(String(issue.input))} is not a date of the calendar (month 01-12, a day the month has)`
      : 'expected a date as YYYY-MM-DD (or YYYY-MM, or YYYY)',
});

/**
 * A BCP 47 language tag (`en`, `pt-BR`, `zh-Hans`), canonicalised with
 * `Intl.getCanonicalLocales`; at most {@link MAX_LANGUAGE_TAG} characters.
 * It names the search index's files, so only a well-formed tag gets through.
 */
export const LanguageSchema = z.string().transform((value, ctx) => {
  const tag = canonicalLanguage(value);
  if (tag !== undefined) return tag;
  ctx.addIssue({
    code: 'custom',
    input: value,
    message:
      value.trim().length > MAX_LANGUAGE_TAG
        ? `${shownValue(value)} is too long for a language tag (${value.trim().length} characters; at most ${MAX_LANGUAGE_TAG})`
        : `${shownValue(value)} is not a BCP 47 language tag such as \`en\`, \`pt-BR\` or \`zh-Hans\``,
  });
  return z.NEVER;
});

/** A string cleaned by `clean`, then not empty and at most `max` characters. */
const cleaned = (clean: (text: string) => string, max = Number.POSITIVE_INFINITY) =>
  z
    .string()
    .transform(clean)
    .pipe(z.string().min(1, 'expected some text').max(max, `expected at most ${max} characters`));

/**
 * Display text of one line, as shown in names and titles: bidi controls
 * removed (they can make one name look like another), control characters and
 * line breaks made spaces (see `cleanLine`); not empty after that.
 */
export const LineSchema = cleaned(cleanLine);

/** {@link LineSchema} with a length limit, for values a maintainer writes in metadata. */
const lineUpTo = (max: number) => cleaned(cleanLine, max);

/** Display text of several lines (a summary): bidi and control characters removed (see `cleanText`). */
const textUpTo = (max: number) => cleaned(cleanText, max);

/** Limits for values written in metadata files, in characters. */
export const METADATA_LIMITS = { name: 200, title: 1000, summary: 10_000 } as const;

/** Who a speaker is: a person, an organisation (a media outlet, a ministry), or a generic role. */
export const SpeakerKindSchema = z.enum(['person', 'organisation', 'role']);

/**
 * The input shapes the ingest can read: a label alone on a line (the seed),
 * inline labels at the start of a paragraph (`Name: text`, `THE PRESIDENT. text`),
 * Markdown transcripts, WebVTT and SRT subtitles, and diarized speech-to-text JSON.
 */
export const FormatSchema = z.enum(['label-lines', 'inline-labels', 'markdown', 'webvtt', 'srt', 'diarized-json']);
export type Format = z.infer<typeof FormatSchema>;

/** A role someone held, and when: "Spokesperson, 2023-03 to 2025-01". */
export const RoleSchema = z
  .object({
    title: lineUpTo(METADATA_LIMITS.name),
    /** First month or day in the role (inclusive); open when absent. */
    from: DateSchema.optional(),
    /** Last month or day in the role (inclusive); open when absent. */
    to: DateSchema.optional(),
  })
  .strict();
export type Role = z.infer<typeof RoleSchema>;

/** A speaker entity: one page at `/speakers/<slug>/`. */
export const SpeakerSchema = z.object({
  slug: SlugSchema,
  /** The canonical name, as first written in a transcript or as the registry gives it. */
  name: LineSchema,
  kind: SpeakerKindSchema,
  /** A short name such as `CCTV` for `China Central Television (CCTV)`. */
  shortName: LineSchema.optional(),
  /**
   * A person's family name as written in `name`, for citations (`Qi` in `Qi
   * Yanjun`, `van Dijk` in `Ada van Dijk`). Absent: the last word of the name.
   */
  familyName: LineSchema.optional(),
  /** Other spellings that resolve to this speaker. */
  aliases: z.array(LineSchema).default([]),
  /** Where the speaker comes from: `registry` (curated in speakers.yaml) or `inferred` from a label. */
  source: z.enum(['registry', 'inferred']).default('inferred'),
  affiliation: LineSchema.optional(),
  roles: z.array(RoleSchema).default([]),
  links: z.array(WebUrlSchema).default([]),
  /** A generic label (`Q`, `Speaker 0`) is a role in one transcript only: that transcript's slug. */
  transcript: SlugSchema.optional(),
});
export type Speaker = z.infer<typeof SpeakerSchema>;

/** One person, organisation or role in the curated registry, `seeds/speakers.yaml`. */
export const RegistryEntrySchema = z
  .object({
    name: lineUpTo(METADATA_LIMITS.name),
    slug: SlugSchema.max(MAX_SLUG).optional(),
    kind: SpeakerKindSchema.default('person'),
    shortName: lineUpTo(METADATA_LIMITS.name).optional(),
    /** A person's family name as written in `name` (`Qi` in `Qi Yanjun`), for citations. */
    familyName: lineUpTo(METADATA_LIMITS.name).optional(),
    aliases: z.array(lineUpTo(METADATA_LIMITS.name)).default([]),
    affiliation: lineUpTo(METADATA_LIMITS.title).optional(),
    roles: z.array(RoleSchema).default([]),
    links: z.array(WebUrlSchema).default([]),
    /** A short biography in MDX, shown on the speaker's page. */
    bio: z.string().min(1).optional(),
  })
  .strict();
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>;

/** The whole `speakers.yaml`. With `strict: true`, `--strict` fails on labels that resolve to nobody. */
export const RegistryFileSchema = z
  .object({ strict: z.boolean().default(false), speakers: z.array(RegistryEntrySchema).default([]) })
  .strict();

/** One turn: a speaker holding the floor for one or more paragraphs. */
export const TurnSchema = z.object({
  /** Stable within its transcript; the fragment in `/transcripts/<slug>/#<id>`. */
  id: z.string().regex(/^t\d+$/),
  /** Slug of the speaker this turn resolved to. */
  speaker: SlugSchema,
  /** The speaker label exactly as written in the source. */
  label: z.string(),
  paragraphs: z.array(z.string().min(1)).min(1),
  /** 1-based line of the label (or of the first paragraph) in the source file. */
  line: z.number().int().positive(),
  /** Where the turn starts in the recording, in seconds, when the source says. */
  start: z.number().nonnegative().optional(),
  /** A short hash of the turn's text: a citation that carries it can tell if the passage changed since. */
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{8}$/)
    .optional(),
  /** Earlier published versions of this passage, oldest first, kept when a correction changed it. */
  earlier: z.array(z.object({ fingerprint: z.string(), paragraphs: z.array(z.string()) })).default([]),
});
export type Turn = z.infer<typeof TurnSchema>;

/** A heading inside a transcript: a section with its own anchor, standing before a turn. */
export const SectionSchema = z.object({
  id: z.string().regex(/^s\d+$/),
  title: z.string().min(1),
  /** The turn the section opens; `null` for a heading after the last turn. */
  turn: z.string().nullable(),
  /** Where the section starts in the recording, in seconds (a `Break` or `Jingle` with its time). */
  start: z.number().nonnegative().optional(),
});
export type Section = z.infer<typeof SectionSchema>;

/** Why a topic was assigned to a turn: the terms found in it. */
export const TopicMatchSchema = z.object({
  turn: z.string(),
  terms: z.array(z.string()).min(1),
});

/** A topic filed on a transcript, with the evidence for it. */
export const TranscriptTopicSchema = z.object({
  slug: SlugSchema,
  matches: z.array(TopicMatchSchema).min(1),
});
export type TranscriptTopic = z.infer<typeof TranscriptTopicSchema>;

/**
 * A part of a press conference: a question with the answers that follow it, a
 * moderator's turn, opening statements, or remarks after the moderator.
 */
export const ExchangeSchema = z.object({
  id: z.string().regex(/^e\d+$/),
  kind: z.enum(['opening', 'exchange', 'moderator', 'remarks']),
  /** The turns of this part, in order. */
  turns: z.array(z.string()).min(1),
  /** For an exchange: the question turn, and who asked and who answered. */
  question: z.string().optional(),
  askedBy: SlugSchema.optional(),
  answeredBy: z.array(SlugSchema).default([]),
});
export type Exchange = z.infer<typeof ExchangeSchema>;

/** A participant of one transcript: which speaker, under which labels, how much they said. */
export const ParticipantSchema = z.object({
  speaker: SlugSchema,
  labels: z.array(z.string()).min(1),
  turns: z.number().int().nonnegative(),
  words: z.number().int().nonnegative(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

/** The fields of one transcript in one language (see {@link TranscriptSchema}). */
const TranscriptFields = z.object({
  slug: SlugSchema,
  title: LineSchema,
  /** Where the title came from: given in metadata, or derived by the ingest. */
  titleSource: z.enum(['metadata', 'derived']),
  date: DateSchema.optional(),
  /** The show or series it is an episode of: named by the metadata, or the shared start of its folder's file names. */
  show: LineSchema.optional(),
  /** Its episode number within {@link show}, when its file name is the show's name and a number. */
  number: z.number().int().nonnegative().optional(),
  event: LineSchema.optional(),
  location: LineSchema.optional(),
  sourceUrl: WebUrlSchema.optional(),
  /** BCP 47 language tag of the text, canonical (`zh-Hans`). */
  language: LanguageSchema.default('en'),
  summary: z.string().transform(cleanText).optional(),
  /** Who transcribed it (front matter `transcript_by:`), credited on the page and in citations. */
  transcriber: LineSchema.optional(),
  /**
   * The recording, for the player and "play from here" links with each turn's
   * start time: as the metadata gives it (relative ones resolve against the
   * archive's `mediaBase` when the site is built, see `resolveMedia`).
   */
  media: MediaRefSchema.optional(),
  /** How paragraphs are written: literal text, or Markdown (links and emphasis kept). */
  textFormat: z.enum(['plain', 'markdown']).default('plain'),
  source: z.object({
    /** Path of the source file, relative to the seeds folder. */
    file: z.string(),
    format: FormatSchema,
    /** SHA-256 of the source bytes and its metadata, for change detection. */
    hash: z.string(),
  }),
  participants: z.array(ParticipantSchema),
  /** Text before the first speaker label, if any: kept, shown, not attributed. */
  preamble: z.array(z.string()).default([]),
  turns: z.array(TurnSchema),
  sections: z.array(SectionSchema).default([]),
  exchanges: z.array(ExchangeSchema).default([]),
  /**
   * Turn ids published before and gone from this version: merged into another
   * turn (`movedTo`), moved to turn `movedTo` of another transcript
   * (`transcript`, when a transcript was split), or removed (placed after
   * `after`). Their anchors still land.
   */
  retiredTurns: z
    .array(
      z.object({
        id: z.string(),
        movedTo: z.string().optional(),
        transcript: SlugSchema.optional(),
        after: z.string().nullable(),
      }),
    )
    .default([]),
  /** When this archive first published the transcript, and last corrected it (not when it was spoken). */
  published: DateSchema.optional(),
  updated: DateSchema.optional(),
  /** Section and exchange anchors published before and gone now: they land at the top. */
  retiredAnchors: z.array(z.string()).default([]),
  topics: z.array(TranscriptTopicSchema).default([]),
  /** Credits such as "Translated and edited by …": shown in the footer, not spoken. */
  credits: z.array(z.string()).default([]),
  /** Notes such as a translation disclaimer: shown in the footer, not spoken. */
  notes: z.array(z.string()).default([]),
  words: z.number().int().nonnegative(),
});

/**
 * Another language version of a transcript (`talk.zh.md` beside `talk.md`,
 * or a file whose metadata says `translationOf:`): its own text, speakers
 * and closing notes, with turn ids of its own. Which turn translates which is
 * derived by `alignVersions` (scripts/core/versions/align-versions.ts), not stored.
 * Its page is `/transcripts/<slug>/<language>/`.
 */
export const TranscriptVersionSchema = TranscriptFields.pick({
  language: true,
  title: true,
  titleSource: true,
  transcriber: true,
  textFormat: true,
  source: true,
  participants: true,
  preamble: true,
  turns: true,
  sections: true,
  retiredTurns: true,
  credits: true,
  notes: true,
  words: true,
});
export type TranscriptVersion = z.infer<typeof TranscriptVersionSchema>;

/**
 * A transcript entity: one page at `/transcripts/<slug>/` for the original
 * (or default) language, and one per other language version.
 */
export const TranscriptSchema = TranscriptFields.extend({
  /**
   * The language whose text is authoritative where versions differ: from
   * metadata `prevails:`, or a closing note that says so ("… the Chinese
   * version is deemed to prevail").
   */
  prevails: LanguageSchema.optional(),
  /** The other language versions, in language order; the record's own text is the original's. */
  versions: z.array(TranscriptVersionSchema).default([]),
});
export type Transcript = z.infer<typeof TranscriptSchema>;

/**
 * A transcript without its text: what lists, cards and cache keys show of
 * it (the outline's part besides its turns). No turns, no preamble, and of
 * each topic only its slug, not the turns it matched: nearly all of a
 * record's bytes, read from the record file by the pages that need them.
 */
export const TranscriptCardSchema = TranscriptSchema.omit({ turns: true, preamble: true }).extend({
  topics: z.array(TranscriptTopicSchema.pick({ slug: true })).default([]),
  versions: z.array(TranscriptVersionSchema.pick({ language: true, title: true })).default([]),
});
export type TranscriptCard = z.infer<typeof TranscriptCardSchema>;

/**
 * A transcript as Astro's data store holds it: what its routes need, its slug
 * and its versions' languages. The pages read the rest from the archive
 * index's outlines (`TranscriptOutlineSchema`, kept apart from the store) or
 * from the record file. Astro serializes the store whenever an entry changes
 * and bundles it into the build as one string, which Node then compiles: at
 * 10,000 transcripts the cards made it 20 MB, a few seconds of every build.
 */
export const TranscriptEntrySchema = TranscriptSchema.pick({ slug: true }).extend({
  versions: z.array(TranscriptVersionSchema.pick({ language: true })).default([]),
});
export type TranscriptEntry = z.infer<typeof TranscriptEntrySchema>;

/** A turn as lists and cache keys need it: who spoke and where, and a digest of its text instead of the text. */
export const TurnOutlineSchema = TurnSchema.pick({ id: true, speaker: true, label: true }).extend({
  /** SHA-1 (base64) of the turn's paragraphs as JSON: equal digests, equal text. */
  digest: z.string(),
});
export type TurnOutline = z.infer<typeof TurnOutlineSchema>;

/**
 * A transcript as the site's archive index holds it: the card, each turn's
 * outline and the topics' matches. At 10,000 transcripts the index of whole
 * records was most of a one-transcript rebuild's reading; pages that show
 * text read the whole record of the transcripts they show.
 */
export const TranscriptOutlineSchema = TranscriptCardSchema.extend({
  turns: z.array(TurnOutlineSchema),
  topics: z.array(TranscriptTopicSchema).default([]),
});
export type TranscriptOutline = z.infer<typeof TranscriptOutlineSchema>;

/** A topic entity: one page at `/topics/<slug>/`. */
export const TopicSchema = z.object({
  slug: SlugSchema,
  name: LineSchema,
  description: z.string().optional(),
  /** Where the topic came from: the curated rules file, or automatic extraction. */
  origin: z.enum(['rules', 'extracted']),
  /** The terms that mark it in text. */
  terms: z.array(z.string().min(1)).min(1),
  /** An extracted name (`Interpol`): its terms match only with their capitals. */
  entity: z.boolean().optional(),
});
export type Topic = z.infer<typeof TopicSchema>;

/** Metadata a maintainer can give beside a transcript, in `<name>.yaml`. */
export const TranscriptMetaSchema = z
  .object({
    title: lineUpTo(METADATA_LIMITS.title),
    date: z
      .union([
        z.date().transform((d) => (Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10))),
        // YAML reads `date: 2024` as a number.
        z
          .number()
          .int()
          .transform((year) => String(year).padStart(4, '0')),
        z.string(),
      ])
      .pipe(DateSchema),
    /** The show or series it is an episode of (front matter `show:`, `podcast:`). */
    show: lineUpTo(METADATA_LIMITS.title),
    event: lineUpTo(METADATA_LIMITS.title),
    location: lineUpTo(METADATA_LIMITS.title),
    source: WebUrlSchema,
    language: LanguageSchema,
    slug: SlugSchema.max(MAX_SLUG, `expected a slug of at most ${MAX_SLUG} characters`),
    summary: textUpTo(METADATA_LIMITS.summary),
    /** Who transcribed the recording; front matter `transcript_by:`. */
    transcriber: lineUpTo(METADATA_LIMITS.name),
    media: MediaRefSchema,
    /** The people heard; with one name, a transcript without labels is theirs. */
    speakers: z.array(lineUpTo(METADATA_LIMITS.name)),
    tags: z.array(lineUpTo(METADATA_LIMITS.name)),
    /** Forces a format instead of detecting it. */
    format: FormatSchema,
    /**
     * This file is another language version of that one: its file name
     * (relative to this file's folder or to the seeds folder) or its slug.
     */
    translationOf: lineUpTo(METADATA_LIMITS.name),
    /** The same as `translationOf:`. */
    original: lineUpTo(METADATA_LIMITS.name),
    /** Who translated this text (front matter `translation_by:`): credited with the closing credits. */
    translator: lineUpTo(METADATA_LIMITS.name),
    /** The language version that is authoritative where versions differ (`prevails: zh`). */
    prevails: LanguageSchema,
  })
  .partial()
  .strict();
export type TranscriptMeta = z.infer<typeof TranscriptMetaSchema>;

/** One rule of `topics.yaml`. */
export const TopicRuleSchema = z
  .object({
    name: lineUpTo(METADATA_LIMITS.name),
    slug: SlugSchema.max(MAX_SLUG).optional(),
    description: textUpTo(METADATA_LIMITS.summary).optional(),
    /**
     * Words or phrases that mark the topic; the name itself is always one. An
     * extracted phrase equal to a term is merged into this topic, so a term also
     * renames (`U.N.` under `United Nations`) and merges (`telecommunications fraud`).
     */
    terms: z.array(z.string().min(1)).default([]),
    /** Keep the topic's page even when no turn mentions it. */
    pin: z.boolean().default(false),
  })
  .strict();
export type TopicRule = z.infer<typeof TopicRuleSchema>;

/** The whole `topics.yaml` file: curated topics, and phrases never to file as topics. */
export const TopicRulesFileSchema = z
  .object({
    topics: z.array(TopicRuleSchema).default([]),
    /** Extracted phrases to drop (`public security authorities`). */
    block: z.array(z.string().min(1)).default([]),
    /** Turn automatic extraction off, keeping only the curated topics. */
    extract: z.boolean().default(true),
  })
  .strict();
export type TopicRulesFile = z.infer<typeof TopicRulesFileSchema>;
