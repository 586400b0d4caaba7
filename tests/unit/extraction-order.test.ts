/**
 * A transcript's topic candidates depend on its text alone, not on the texts
 * read before it in the same process. Unpatched, wink-nlp keeps the words of
 * every text it reads and tokenizes later texts by them (`Bob's` one token
 * after it met `Bob's.`, two before), so a worker's earlier files changed a
 * transcript's candidates, and a clean and an incremental ingest of the same
 * seeds chose different topics (seen at 10,000 transcripts).
 */
import { expect, test } from 'vitest';
import { extractCandidates } from '../../scripts/core/extract-phrases.ts';

const TEXT = [
  "We don't know whether it's Alice or Bob's funds. Alice asked, and Bob's answer was the channel.",
  "Bob's keys sign the funding transaction. Alice or Bob's node closes the channel.",
];

test('the candidates of a text are the same whatever was read before it', () => {
  const first = extractCandidates(TEXT, new Set());
  // Texts that teach the tagger the possessive as one word, as other transcripts do.
  extractCandidates(["Bob's.", "(Bob's)", "Bob's, and Alice's."], new Set());
  const after = extractCandidates(TEXT, new Set());
  expect(after).toEqual(first);
  expect(first.find((c) => c.key === 'bob')?.count).toBeGreaterThan(0);
});
