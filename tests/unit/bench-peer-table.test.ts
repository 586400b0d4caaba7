/**
 * The benchmark's side-by-side lines: our cold build against the Starlight
 * peer's, the wall-time ratio and the site-to-text ratio against issue 19's
 * targets, and nothing claimed for a peer that failed or was skipped.
 */
import { describe, expect, test } from 'vitest';
import { comparison, peerLines, type SizeResult } from '../../scripts/bench/format-table.ts';
import type { BuildRun } from '../../scripts/bench/run-build-fs.ts';
import type { PeerRun } from '../../scripts/bench/starlight-peer-fs.ts';

const MB = 1024 * 1024;

function run(wallMs: number, cpuMs: number): BuildRun {
  return { ok: true, wallMs, cpuMs, peakRss: 2 * 1024 * MB, stages: [], output: '', removedMs: 0 };
}

function size(peer?: Partial<PeerRun>): SizeResult {
  const full = run(60_000, 90_000);
  full.stages.push({
    name: 'site',
    start: 0,
    end: 1,
    wallMs: 1,
    cpuMs: 1,
    bytes: 0,
    files: 0,
    pages: 2274,
    peakRss: 0,
  });
  return {
    corpus: '1000 transcripts',
    transcripts: 1000,
    inputMB: 60,
    full,
    site: { files: 5000, bytes: 300 * MB },
    ...(peer
      ? {
          peer: {
            ok: true,
            name: 'Starlight 0.42.4 + Pagefind 1.6.0',
            setup: 'stock',
            transcripts: 1000,
            sourceBytes: 60 * MB,
            prepareMs: 100,
            wallMs: 80_000,
            cpuMs: 120_000,
            peakRss: 3.6 * 1024 * MB,
            pages: 1001,
            files: 3000,
            bytes: 279 * MB,
            searchBytes: 20 * MB,
            ...peer,
          },
        }
      : {}),
    noChange: { ...run(1000, 1000), rewrittenFiles: 0 },
    addOne: run(1, 1),
    editOne: run(1, 1),
    pages: {},
  };
}

describe('comparison', () => {
  test('ours over the peer, and our site over the source text', () => {
    expect(comparison(size({}))).toEqual({ wallRatio: 0.75, cpuRatio: 0.75, siteOverText: 5 });
  });

  test('no ratio against a peer that failed or did not run', () => {
    expect(comparison(size({ ok: false }))).toEqual({ siteOverText: 5 });
    expect(comparison(size())).toEqual({ siteOverText: 5 });
  });
});

describe('peerLines', () => {
  test('both builds side by side, then the ratios against their targets', () => {
    const lines = peerLines(size({}));
    expect(lines[1]).toMatch(/^ {2}this project +60\.0 s +90\.0 s +2\.00 GB +300 MB +2274$/);
    expect(lines[2]).toMatch(/^ {2}Starlight +80\.0 s +120\.0 s +3\.60 GB +279 MB +1001$/);
    expect(lines).toContain('  wall time ours / Starlight: 0.75 (target <= 0.5); CPU time 0.75');
    expect(lines).toContain('  our site / source text: 5.0x (target <= 4x)');
  });

  test('a failed peer is marked and gives no ratio', () => {
    const lines = peerLines(size({ ok: false }));
    expect(lines.some((l) => l.startsWith('  Starlight (FAILED)'))).toBe(true);
    expect(lines.some((l) => l.includes('ours / Starlight'))).toBe(false);
  });
});
