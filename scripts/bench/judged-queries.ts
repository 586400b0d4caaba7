/**
 * A small judged query set for search quality, drawn from the seed and the
 * shared corpora (paths relative to the unpacked tarballs, as the bench
 * corpora hold them). Each query names the turns that should come first:
 *
 * - `known-item`: a reader remembers a few words of one passage and wants
 *   that turn; it is named by its file and a snippet of its text.
 * - `phrase`: any turn that contains the phrase answers the query.
 *
 * Chinese queries also measure recall: of all turns holding the query, how
 * many the search lists. The set is judged by hand: each snippet was read in
 * its turn, and the query words are what a reader would type, not the snippet.
 */

export interface JudgedQuery {
  query: string;
  kind: 'known-item' | 'phrase';
  /** For known items: the file (relative to the corpora) and text only that turn holds. */
  turn?: { file: string; snippet: string };
  /** For phrase queries: the text a relevant turn holds (the query itself unless given). */
  phrase?: string;
  language?: 'zh';
}

export const SEED_FILE = '000_b208c8174473c045.txt';
const CHANGELOG = 'changelog-transcripts';
const BITCOIN = 'bitcoin-transcripts';

export const JUDGED_QUERIES: readonly JudgedQuery[] = [
  { query: 'Bai Suocheng ringleaders', kind: 'known-item', turn: { file: SEED_FILE, snippet: 'Bai Suocheng' } },
  {
    query: 'Interpol high-pressure stance',
    kind: 'known-item',
    turn: { file: SEED_FILE, snippet: 'maintain a high-pressure stance' },
  },
  {
    query: 'first Go compiler compiled to C',
    kind: 'known-item',
    turn: { file: `${CHANGELOG}/gotime/go-time-100.md`, snippet: 'the first one was compiling to C code' },
  },
  {
    query: 'browsers opt in to play sound',
    kind: 'known-item',
    turn: { file: `${CHANGELOG}/jsparty/js-party-150.md`, snippet: 'opt in for the sound' },
  },
  {
    query: 'Geoffrey Hinton AI winter',
    kind: 'known-item',
    turn: { file: `${CHANGELOG}/practicalai/practical-ai-50.md`, snippet: 'coming out of this AI winter' },
  },
  {
    query: 'looked at the Kubernetes manifest',
    kind: 'known-item',
    turn: { file: `${CHANGELOG}/shipit/ship-it-30.md`, snippet: 'I looked at the manifest' },
  },
  {
    query: 'lightning keys hot rather than cold',
    kind: 'known-item',
    turn: {
      file: `${BITCOIN}/stephan-livera-podcast/2019-03-14-christian-decker-channel-factories.md`,
      snippet: 'keeping the keys hot rather than cold',
    },
  },
  {
    query: 'home hub name squatting',
    kind: 'known-item',
    turn: {
      file: `${BITCOIN}/stephan-livera-podcast/2019-03-14-christian-decker-channel-factories.md`,
      snippet: 'Name squatting',
    },
  },
  {
    query: 'internet providers filter traffic by port',
    kind: 'known-item',
    turn: { file: `${BITCOIN}/bitcoin-explained/bitcoin-core-v23.md`, snippet: 'filter the internet traffic' },
  },
  {
    query: 'mempool ignore RBF fee bumps',
    kind: 'known-item',
    turn: { file: `${BITCOIN}/bitcoin-explained/bitcoin-core-v23.md`, snippet: 'ignore those RBF fee bumps' },
  },
  {
    query: 'definitions of acciaccatura',
    kind: 'known-item',
    turn: { file: `${CHANGELOG}/friends/changelog--friends-116.md`, snippet: 'Six definitions of acciaccatura' },
  },
  {
    query: 'Windows Media Player catchy',
    kind: 'known-item',
    turn: { file: `${CHANGELOG}/podcast/the-changelog-291.md`, snippet: 'Windows Media Player' },
  },
  {
    query: 'Gophers Say Family Fortunes',
    kind: 'known-item',
    turn: { file: `${CHANGELOG}/gotime/go-time-200.md`, snippet: 'Family Fortunes' },
  },
  { query: '"telecom fraud"', kind: 'phrase', phrase: 'telecom fraud' },
  { query: 'channel factories', kind: 'phrase' },
  { query: 'reproducible builds', kind: 'phrase' },
  { query: 'static site generator', kind: 'phrase' },
  { query: 'proof of reserves', kind: 'phrase' },
  { query: '累加器', kind: 'phrase', language: 'zh' },
  { query: '手续费', kind: 'phrase', language: 'zh' },
  { query: '默克尔', kind: 'phrase', language: 'zh' },
  { query: '闪电网络', kind: 'phrase', language: 'zh' },
  { query: '隐私', kind: 'phrase', language: 'zh' },
];

/** Every file a known-item query needs, so the benchmark corpora always hold them. */
export const JUDGED_FILES: readonly string[] = [
  ...new Set(JUDGED_QUERIES.flatMap((q) => (q.turn && q.turn.file !== SEED_FILE ? [q.turn.file] : []))),
];
