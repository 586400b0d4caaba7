/**
 * One zod schema per entity. The ingest validates what it writes with these,
 * and `src/content.config.ts` validates what Astro reads with the very same
 * objects, so the two sides cannot drift apart. Types are derived, never
 * written twice.
 */
import { z } from 'zod';

/** A URL path segment: lower-case letters, digits and single hyphens. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a slug: lower-case letters, digits and hyphens');

/**
 * An address a reader can follow: `http:` or `https:` only. A `javascript:`,
 * `data:` or `vbscript:` URL in metadata would otherwise become a link that
 * runs code when clicked.
 */
export const WebUrlSchema = z.url({
  protocol: /^https?$/,
  error: 'expected a web address starting with http:// or https://',
});

/** A calendar date as written in metadata: `YYYY-MM-DD`, or `YYYY-MM`, or `YYYY`. */
export const DateSchema = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'expected a date as YYYY-MM-DD (or YYYY-MM, or YYYY)');

/** Who a speaker is: a person, an organisation (a media outlet, a ministry), or a generic role. */
export const SpeakerKindSchema = z.enum(['person', 'organisation', 'role']);

/**
 * The input shapes the ingest can read: a label alone on a line (the seed),
 * inline labels at the start of a paragraph (`Name: text`, `THE PRESIDENT. text`),
 * Markdown transcripts, WebVTT and SRT subtitles, and diarized speech-to-text JSON.
 */
export const FormatSchema = z.enum(['label-lines', 'inline-labels', 'markdown', 'webvtt', 'srt', 'diarized-json']);
export type Format = z.infer<typeof FormatSchema>;

/** A speaker entity: one page at `/speakers/<slug>/`. */
export const SpeakerSchema = z.object({
  slug: SlugSchema,
  /** The canonical name, as first written in a transcript or as the registry gives it. */
  name: z.string().min(1),
  kind: SpeakerKindSchema,
  /** A short name such as `CCTV` for `China Central Television (CCTV)`. */
  shortName: z.string().min(1).optional(),
  /** Other spellings that resolve to this speaker. */
  aliases: z.array(z.string().min(1)).default([]),
});
export type Speaker = z.infer<typeof SpeakerSchema>;

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
});
export type Turn = z.infer<typeof TurnSchema>;

/** A heading inside a transcript: a section with its own anchor, standing before a turn. */
export const SectionSchema = z.object({
  id: z.string().regex(/^s\d+$/),
  title: z.string().min(1),
  /** The turn the section opens; `null` for a heading after the last turn. */
  turn: z.string().nullable(),
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

/** A participant of one transcript: which speaker, under which labels, how much they said. */
export const ParticipantSchema = z.object({
  speaker: SlugSchema,
  labels: z.array(z.string()).min(1),
  turns: z.number().int().nonnegative(),
  words: z.number().int().nonnegative(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

/** A transcript entity: one page at `/transcripts/<slug>/`. */
export const TranscriptSchema = z.object({
  slug: SlugSchema,
  title: z.string().min(1),
  /** Where the title came from: given in metadata, or derived by the ingest. */
  titleSource: z.enum(['metadata', 'derived']),
  date: DateSchema.optional(),
  event: z.string().optional(),
  location: z.string().optional(),
  sourceUrl: WebUrlSchema.optional(),
  /** BCP 47 language tag of the text. */
  language: z.string().default('en'),
  summary: z.string().optional(),
  /** The recording, for "play from here" links with each turn's start time. */
  media: WebUrlSchema.optional(),
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
  topics: z.array(TranscriptTopicSchema).default([]),
  /** Credits such as "Translated and edited by …": shown in the footer, not spoken. */
  credits: z.array(z.string()).default([]),
  /** Notes such as a translation disclaimer: shown in the footer, not spoken. */
  notes: z.array(z.string()).default([]),
  words: z.number().int().nonnegative(),
});
export type Transcript = z.infer<typeof TranscriptSchema>;

/** A topic entity: one page at `/topics/<slug>/`. */
export const TopicSchema = z.object({
  slug: SlugSchema,
  name: z.string().min(1),
  description: z.string().optional(),
  /** Where the topic came from: the curated rules file, or automatic extraction. */
  origin: z.enum(['rules', 'extracted']),
  /** The terms that mark it in text. */
  terms: z.array(z.string().min(1)).min(1),
});
export type Topic = z.infer<typeof TopicSchema>;

/** Metadata a maintainer can give beside a transcript, in `<name>.yaml`. */
export const TranscriptMetaSchema = z
  .object({
    title: z.string().min(1),
    date: z.union([DateSchema, z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)),
    event: z.string().min(1),
    location: z.string().min(1),
    source: WebUrlSchema,
    language: z.string().min(2),
    slug: SlugSchema,
    summary: z.string().min(1),
    media: WebUrlSchema,
    /** The people heard; with one name, a transcript without labels is theirs. */
    speakers: z.array(z.string().min(1)),
    tags: z.array(z.string().min(1)),
    /** Forces a format instead of detecting it. */
    format: FormatSchema,
  })
  .partial()
  .strict();
export type TranscriptMeta = z.infer<typeof TranscriptMetaSchema>;

/** One rule of `topics.yaml`. */
export const TopicRuleSchema = z
  .object({
    name: z.string().min(1),
    slug: SlugSchema.optional(),
    description: z.string().min(1).optional(),
    /** Words or phrases that mark the topic; the name itself is always one. */
    terms: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type TopicRule = z.infer<typeof TopicRuleSchema>;

/** The whole `topics.yaml` file. */
export const TopicRulesFileSchema = z.object({ topics: z.array(TopicRuleSchema) }).strict();
