/**
 * The benchmark's figures as JSON-ready records, and as the short text table
 * it prints. Pure.
 */

import type { FolderSize } from './folder-size-fs.ts';
import type { RankingFigures } from './measure-ranking-fs.ts';
import type { SearchFigures, Transfer } from './measure-search-fs.ts';
import type { BuildRun } from './run-build-fs.ts';
import type { PeerRun } from './starlight-peer-fs.ts';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

export interface PageSize {
  slug: string;
  bytes: number;
  gzip: number;
}

/** Everything measured on one corpus. */
export interface SizeResult {
  corpus: string;
  transcripts: number;
  inputMB: number;
  full: BuildRun;
  /** The site the cold build published. */
  site?: FolderSize;
  /** The same transcripts built by stock Starlight with Pagefind, right after the cold build. */
  peer?: PeerRun;
  noChange: BuildRun & { rewrittenFiles: number };
  addOne: BuildRun;
  editOne: BuildRun;
  search?: SearchFigures;
  ranking?: RankingFigures;
  pages: { seed?: PageSize; largest?: PageSize };
}

/** Search measured on a site built before (`--site DIR`), without building. */
export interface SiteResult {
  site: string;
  search: SearchFigures;
  ranking: RankingFigures;
}

export interface BenchResult {
  date: string;
  machine: Machine;
  commit: string;
  sizes: SizeResult[];
  site?: SiteResult;
}

const MB = 1024 * 1024;

/** issue 19's targets at 1,000 transcripts: at most half the peer's wall time, a site at most 4x its text. */
export const PEER_RATIO_TARGET = 0.5;
export const SITE_TEXT_TARGET = 4;

/** The side-by-side figures: ours against the peer's, and our site against its source text. */
export interface Comparison {
  /** Our cold build's wall time over the peer's (undefined when the peer failed). */
  wallRatio?: number;
  /** The same for CPU time, which a loaded machine disturbs less. */
  cpuRatio?: number;
  /** Our published site's bytes over the corpus's bytes. */
  siteOverText?: number;
}

export function comparison(size: SizeResult): Comparison {
  const out: Comparison = {};
  if (size.peer?.ok && size.peer.wallMs > 0) out.wallRatio = size.full.wallMs / size.peer.wallMs;
  if (size.peer?.ok && size.peer.cpuMs > 0) out.cpuRatio = size.full.cpuMs / size.peer.cpuMs;
  if (size.site && size.inputMB > 0) out.siteOverText = size.site.bytes / (size.inputMB * MB);
  return out;
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
function mb(bytes: number): string {
  return bytes >= 1024 * MB ? `${(bytes / 1024 / MB).toFixed(2)} GB` : `${(bytes / MB).toFixed(0)} MB`;
}
function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}
function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
}

function buildRows(label: string, run: BuildRun): string[][] {
  const rows: string[][] = [];
  for (const st of run.stages.filter((x) => x.name !== 'publish')) {
    const rate = st.name === 'ingest' ? `${((st.inputBytes ?? 0) / MB / (st.wallMs / 1000)).toFixed(1)} MB/s` : '';
    rows.push([
      `  ${label} ${st.name}`,
      s(st.wallMs),
      s(st.cpuMs),
      mb(st.peakRss),
      mb(st.bytes),
      String(st.files),
      `${(st.pages / (st.wallMs / 1000)).toFixed(0)}/s`,
      rate,
    ]);
  }
  const site = run.stages.find((x) => x.name === 'site');
  rows.push([
    `  ${label} total${run.ok ? '' : ' (FAILED)'}`,
    s(run.wallMs),
    s(run.cpuMs),
    mb(run.peakRss),
    '',
    '',
    site ? `${(site.pages / (run.wallMs / 1000)).toFixed(0)}/s` : '',
    '',
  ]);
  return rows;
}

function transfer(t: Transfer): string {
  const parts = Object.entries(t.byKind ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([kind, bytes]) => `${kind} ${kb(bytes)}`);
  const split = parts.length > 0 ? `; ${parts.join(', ')}` : '';
  return `${kb(t.served)} served (${kb(t.raw)} raw, ${kb(t.gzip)} gzip, ${t.requests} requests${split})`;
}

/** The short table `npm run bench` prints. */
export function formatTable(result: BenchResult): string[] {
  const m = result.machine;
  const lines = [
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB.toFixed(0)} GiB, Node ${m.node}, ${m.platform}; commit ${result.commit}`,
  ];
  const widths = [24, 8, 8, 9, 9, 7, 9, 10];
  for (const size of result.sizes) {
    lines.push('', `${size.transcripts} transcripts (${size.inputMB.toFixed(0)} MB input) from ${size.corpus}`);
    lines.push(row(['  build', 'wall', 'cpu', 'peak RSS', 'output', 'files', 'pages/s', 'ingest'], widths));
    for (const r of buildRows('full', size.full)) lines.push(row(r, widths));
    lines.push(
      `${row(
        ['  no change', s(size.noChange.wallMs), s(size.noChange.cpuMs), mb(size.noChange.peakRss), '', '', '', ''],
        widths,
      )}  ${size.noChange.rewrittenFiles} output files rewritten`,
    );
    lines.push(...peerLines(size));
    lines.push(row(['  add one', s(size.addOne.wallMs), s(size.addOne.cpuMs), mb(size.addOne.peakRss)], widths));
    lines.push(row(['  edit one', s(size.editOne.wallMs), s(size.editOne.cpuMs), mb(size.editOne.peakRss)], widths));
    if (size.pages.seed) lines.push(`  seed page ${kb(size.pages.seed.bytes)} (${kb(size.pages.seed.gzip)} gzip)`);
    if (size.pages.largest)
      lines.push(
        `  largest page ${size.pages.largest.slug}: ${kb(size.pages.largest.bytes)} (${kb(size.pages.largest.gzip)} gzip)`,
      );
    if (size.search) lines.push(...searchLines(size.search));
    if (size.ranking) lines.push(...rankingLines(size.ranking));
  }
  if (result.site) {
    lines.push(
      '',
      `Search on ${result.site.site}`,
      ...searchLines(result.site.search),
      ...rankingLines(result.site.ranking),
    );
  }
  return lines;
}

/** The cold build beside the Starlight peer's, and the two ratios against their targets. */
export function peerLines(size: SizeResult): string[] {
  const c = comparison(size);
  const lines: string[] = [];
  const widths = [24, 8, 8, 9, 9, 7];
  const site = size.site;
  const sitePages = size.full.stages.find((x) => x.name === 'site')?.pages;
  if (site || size.peer) {
    lines.push(row(['  cold, side by side', 'wall', 'cpu', 'peak RSS', 'output', 'pages'], widths));
    lines.push(
      row(
        [
          '  this project',
          s(size.full.wallMs),
          s(size.full.cpuMs),
          mb(size.full.peakRss),
          site ? mb(site.bytes) : '',
          String(sitePages ?? ''),
        ],
        widths,
      ),
    );
  }
  const p = size.peer;
  if (p) {
    lines.push(
      row(
        [`  Starlight${p.ok ? '' : ' (FAILED)'}`, s(p.wallMs), s(p.cpuMs), mb(p.peakRss), mb(p.bytes), String(p.pages)],
        widths,
      ),
    );
    lines.push(`  peer: ${p.name}, ${p.setup}; search index ${mb(p.searchBytes)}`);
  }
  if (c.wallRatio !== undefined)
    lines.push(
      `  wall time ours / Starlight: ${c.wallRatio.toFixed(2)} (target <= ${PEER_RATIO_TARGET})${c.cpuRatio === undefined ? '' : `; CPU time ${c.cpuRatio.toFixed(2)}`}`,
    );
  if (c.siteOverText !== undefined)
    lines.push(`  our site / source text: ${c.siteOverText.toFixed(1)}x (target <= ${SITE_TEXT_TARGET}x)`);
  return lines;
}

function searchLines(search: SearchFigures): string[] {
  return [
    `  search page load: ${transfer(search.pageLoad)}`,
    ...search.queries.map(
      (q, i) =>
        `  ${i === 0 ? 'first' : 'later'} query "${q.query}": ${q.ms.toFixed(0)} ms, ${q.hits} hits, ${transfer(q.transfer)}`,
    ),
  ];
}

/** Mean reciprocal rank of the shipped ranking, per class, then each query's rank. */
export function rankingLines(ranking: RankingFigures): string[] {
  const lines = [
    '  judged queries: mean reciprocal rank (known items / phrases), Chinese recall; then per class (shipped)',
  ];
  const { shipped } = ranking;
  const zh = shipped.recallZh === undefined ? '' : `, recall zh ${(shipped.recallZh * 100).toFixed(0)}%`;
  lines.push(
    `    ${'shipped'.padEnd(34)} MRR ${shipped.mrr.toFixed(3)} (${shipped.mrrKnownItem.toFixed(3)} / ${shipped.mrrPhrase.toFixed(3)})${zh}`,
  );
  for (const c of shipped.classes) {
    const p10 = c.precisionAt10 === undefined ? 'precision@10 -' : `precision@10 ${c.precisionAt10.toFixed(3)}`;
    const none = c.saidNone === undefined ? '' : `, no hit and said so ${(c.saidNone * 100).toFixed(0)}%`;
    lines.push(`    ${`${c.kind} (${c.queries})`.padEnd(34)} MRR ${c.mrr.toFixed(3)}, ${p10}${none}`);
  }
  const ranks = shipped.queries.map(
    (q) => `${q.query} ${q.rank ?? '-'}${q.recall === undefined ? '' : ` (${(q.recall * 100).toFixed(0)}%)`}`,
  );
  lines.push(`    ranks (shipped): ${ranks.join('; ')}`);
  if (ranking.skipped.length > 0) lines.push(`    not in this corpus: ${ranking.skipped.join('; ')}`);
  return lines;
}
