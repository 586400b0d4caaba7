/**
 * An ingest that finds nothing changed since the last run (seed files by size
 * and time, rules, options, code, the content folder) reports that run again
 * without parsing or writing; any change makes it run in full.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngestInProcess } from '../../scripts/ingest/ingest-process.ts';
import { runIngest } from '../../scripts/ingest/run-ingest-fs.ts';
import { tallyHere } from '../../scripts/lib/tree-tally-fs.ts';
import { useCacheDir } from '../helpers/cache-dir.ts';

const dir = mkdtempSync(join(tmpdir(), 'ingest-replay-'));
const seeds = join(dir, 'seeds');
const content = join(dir, 'content');
const options = { seeds, content, strict: false, report: false, lenient: false, newArchive: false };
useCacheDir(join(dir, 'cache'));

beforeAll(() => {
  cpSync('tests/fixtures/archive', seeds, { recursive: true });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('ingest replay', () => {
  it('reports the last run again when nothing changed, and runs in full after any change', async () => {
    // The caller is told when a run parses (the build then reads its later stages' kept files ahead).
    let parsed = 0;
    const hooks = { parsing: () => parsed++ };
    const first = await runIngest(options, hooks);
    expect(first.written).toBeGreaterThan(0);
    expect(parsed).toBe(1);

    const again = await runIngest(options, hooks);
    expect(again.written).toBe(0);
    expect(parsed).toBe(1);
    // The content folder as each run left it, listed as the build stamp lists it: the build takes it from there.
    expect(first.content).toEqual(tallyHere(content, { digest: true }));
    expect(again.content).toEqual(first.content);
    expect(again.problems).toEqual(first.problems);
    expect(again.transcripts).toBe(first.transcripts);
    // The first run started the permalink record; the replay does not say so again.
    expect(first.lines[0]).toMatch(/^↳ a new archive: its permalink record starts at /);
    expect(again.lines[0]).toBe(first.lines[1]);
    expect(again.lines.join('\n')).not.toContain('a new archive');
    expect(again.lines).toContain(
      `  ↳ ${first.transcripts} transcripts unchanged since the last run: not parsed again`,
    );
    expect(again.lines.at(-1)).toMatch(/^ {2}↳ content: 0 files written, [\d,]+ unchanged, 0 removed$/);

    // A content file removed by hand: the run is not replayed, and the file comes back.
    const transcripts = join(content, 'transcripts');
    const [gone] = readdirSync(transcripts).filter((n) => n.endsWith('.mdx'));
    rmSync(join(transcripts, gone as string));
    const restored = await runIngest(options, hooks);
    expect(restored.written).toBeGreaterThan(0);
    expect(parsed).toBe(2);
    expect(readdirSync(transcripts)).toContain(gone);

    // A seed file added: parsed and written, and the caller told so once (as soon as the seeds were read).
    writeFileSync(join(seeds, 'added.txt'), 'Anna Berg:\nA new question on telecom fraud.\n\nQi Yanjun:\nThank you.\n');
    const added = await runIngest(options, hooks);
    expect(added.transcripts).toBe(first.transcripts + 1);
    expect(added.written).toBeGreaterThan(0);
    expect(parsed).toBe(3);

    // A seed touched, its bytes the same: parsed (its stamp changed), nothing written.
    utimesSync(join(seeds, 'added.txt'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    const touched = await runIngest(options, hooks);
    expect(parsed).toBe(4);
    expect(touched.written).toBe(0);
    expect(touched.transcripts).toBe(added.transcripts);

    // A file too large to read, then an oversized rules file, added after a replayable run: each is reported.
    await runIngest(options);
    writeFileSync(join(seeds, 'huge.txt'), '');
    truncateSync(join(seeds, 'huge.txt'), 30 * 1024 * 1024);
    expect((await runIngest(options)).problems.join('\n')).toContain('huge.txt: error [file-too-large]');
    expect((await runIngest(options)).problems.join('\n')).toContain('huge.txt: error [file-too-large]');
    writeFileSync(join(seeds, 'topics.yaml'), '');
    truncateSync(join(seeds, 'topics.yaml'), 9 * 1024 * 1024);
    expect((await runIngest(options)).problems.join('\n')).toContain('topics.yaml: error [invalid-topics]');
  });

  it("tells the build, from the ingest's own process, when it parses and when it replays", async () => {
    const content2 = join(dir, 'content-2');
    const twice = { ...options, seeds: join(dir, 'seeds-2'), content: content2 };
    cpSync('tests/fixtures/archive', twice.seeds, { recursive: true });
    let parsed = 0;
    const first = await runIngestInProcess(twice, undefined, () => parsed++);
    expect(first.written).toBeGreaterThan(0);
    expect(parsed).toBe(1);
    const again = await runIngestInProcess(twice, undefined, () => parsed++);
    expect(again.written).toBe(0);
    expect(parsed).toBe(1);
  }, 120_000);
});
