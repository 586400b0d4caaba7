/**
 * The benchmark's curated topics: subjects that recur in the bench corpora,
 * added to the seed's topics file so topic pages are as long as a real
 * archive's. Pure.
 */
import { isSeq, parseDocument } from 'yaml';

/** Topics that recur in the corpora, so topic pages are as long as a real archive's. */
const BENCH_TOPICS = [
  { name: 'Lightning Network', terms: ['lightning channels', 'payment channels'] },
  { name: 'Open source', terms: ['open-source', 'maintainers'] },
  { name: 'JavaScript', terms: ['typescript', 'node.js'] },
  { name: 'Privacy', terms: ['coinjoin', 'surveillance'] },
];

/**
 * The seed's topics file with the bench topics added to its `topics` list.
 * Edited as a YAML document: text appended after the file's last key (`block:`)
 * would not be part of the list, and made the whole file invalid.
 */
export function withBenchTopics(text: string): string {
  const doc = parseDocument(text);
  const topics = doc.get('topics');
  if (!isSeq(topics)) throw new Error('the seed topics file has no `topics` list');
  for (const topic of BENCH_TOPICS) topics.add(doc.createNode(topic));
  return String(doc);
}
