/** Hand-made turns and topics for the topic tests. */
import type { Topic, Turn } from '../../scripts/core/schema.ts';

/** A turn of `speaker` (also its label) saying `paragraphs`. */
export const turnOf = (id: string, speaker: string, ...paragraphs: string[]): Turn => ({
  id,
  speaker,
  label: speaker,
  paragraphs,
  line: 1,
  fingerprint: id,
  earlier: [],
});

/** An extracted topic named `display`, matched by that one term; a name (`entity`) unless said otherwise. */
export const extractedTopic = (display: string, entity: boolean | undefined = true): Topic => ({
  slug: display.toLowerCase().replace(/[^a-z]+/g, '-'),
  name: display,
  origin: 'extracted',
  terms: [display],
  entity,
});
