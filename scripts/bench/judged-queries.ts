/**
 * A small judged query set for search quality, drawn from the seed and the
 * shared corpora (paths relative to the unpacked tarballs, as the bench
 * corpora hold them). Each query names the turns that should come first:
 *
 * - `known-item`: a reader remembers a few words of one passage and wants
 *   that turn; it is named by its file and a snippet of its text.
 * - `phrase`: any turn that contains the phrase answers the query.
 * - `no-match`: no turn holds every word (nonsense, words absent from the
 *   corpora, other-language near-misses): the right answer is no hit and a
 *   message that says so. A query some turn does hold is skipped, not scored.
 * - `typo`: a misspelt word no turn says, or only a few (`RARE_TURNS`); the
 *   right answer is the intended word first among "Did you mean" (`correction`).
 * - `speaker`: a speaker's name, which is not text; the right answer is
 *   "Turns by" that speaker first among the suggestions (`speaker`).
 *
 * Chinese queries also measure recall: of all turns holding the query, how
 * many the search lists. The set is judged by hand: each snippet was read in
 * its turn, and the query words are what a reader would type, not the snippet.
 */

export interface JudgedQuery {
  query: string;
  kind: 'known-item' | 'phrase' | 'no-match' | 'typo' | 'speaker';
  /** For known items: the file (relative to the corpora) and text only that turn holds. */
  turn?: { file: string; snippet: string };
  /** For phrase queries: the text a relevant turn holds (the query itself unless given). */
  phrase?: string;
  language?: 'zh';
  /** For typos: the query as meant. */
  correction?: string;
  /** For speaker names: the speaker's name as the archive shows it, and a file they speak in. */
  speaker?: string;
  file?: string;
}

const noMatch = (query: string): JudgedQuery => ({ query, kind: 'no-match' });
const typo = (query: string, correction: string): JudgedQuery => ({ query, kind: 'typo', correction });
const speaker = (query: string, name: string, file: string): JudgedQuery => ({
  query,
  kind: 'speaker',
  speaker: name,
  file,
});

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
  noMatch('xyzzyq'),
  noMatch('qwertyuiop'),
  noMatch('zzkvrq'),
  noMatch('blorptangle'),
  noMatch('fnordquist'),
  noMatch('glarbnox widget'),
  noMatch('vrrrmph'),
  noMatch('plumbusian'),
  noMatch('quokka marsupial'),
  noMatch('zymurgy'),
  noMatch('cassowary'),
  noMatch('sousaphone'),
  noMatch('marmalade tectonics'),
  noMatch('narwhal tusk'),
  noMatch('lightning telecomunicaciones'),
  noMatch('fraude telefónica'),
  noMatch('mempool Schmetterling'),
  noMatch('Kubernetes Quittung'),
  noMatch('bitcoin 电信诈骗'),
  noMatch('javascript borboleta'),
  typo('mempol', 'mempool'),
  typo('lightnig', 'lightning'),
  typo('javscript', 'javascript'),
  typo('kubernets', 'kubernetes'),
  typo('taproto', 'taproot'),
  typo('transacton', 'transaction'),
  typo('blokchain', 'blockchain'),
  typo('compilr', 'compiler'),
  typo('reproducable', 'reproducible'),
  typo('typscript', 'typescript'),
  speaker('Russinovich', 'Mark Russinovich', `${CHANGELOG}/podcast/the-changelog-594.md`),
  speaker('Stacoviak', 'Adam Stacoviak', `${CHANGELOG}/spotlight/spotlight-1.md`),
  speaker('Jerod Santo', 'Jerod Santo', `${CHANGELOG}/jsparty/js-party-300.md`),
  speaker('Coyier', 'Chris Coyier', `${CHANGELOG}/podcast/the-changelog-500.md`),
  speaker('Mat Ryer', 'Mat Ryer', `${CHANGELOG}/gotime/go-time-250.md`),
  speaker('Quincy Larson', 'Quincy Larson', `${CHANGELOG}/backstage/backstage-9.md`),
  speaker('Suz Hinton', 'Suz Hinton', `${CHANGELOG}/friends/changelog--friends-58.md`),
  speaker('Valsorda', 'Filippo Valsorda', `${CHANGELOG}/gotime/go-time-298.md`),
  speaker('Sjors Provoost', 'Sjors Provoost', `${BITCOIN}/bitcoin-explained/op_return.md`),
  speaker('Rob Pike', 'Rob Pike', `${CHANGELOG}/gotime/go-time-100.md`),
];

/** Every file a known-item query needs, so the benchmark corpora always hold them. */
export const JUDGED_FILES: readonly string[] = [
  ...new Set(
    JUDGED_QUERIES.flatMap((q) => {
      const file = q.turn?.file ?? q.file;
      return file && file !== SEED_FILE ? [file] : [];
    }),
  ),
];
