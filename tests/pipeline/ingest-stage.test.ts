/**
 * The ingest stage against a published site (`scripts/stages/ingest.ts`):
 * it lists the published site for the build stamp while the ingest runs,
 * calls that listing off once the ingest says it parses, and lists again
 * when the ingest then wrote nothing; its figures are the content folder as
 * the ingest listed it. Whichever way the listing went, a seed touched but
 * not changed leaves the build up to date, and a changed one does not.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStamp } from '../../scripts/lib/build-stamp-fs.ts';
import { parseCli } from '../../scripts/lib/cli.ts';
import { type BuildContext, countFiles, siteStamp } from '../../scripts/stages/context.ts';
import { ingestStage } from '../../scripts/stages/ingest.ts';
import { useCacheDir } from '../helpers/cache-dir.ts';

const dir = mkdtempSync(join(tmpdir(), 'ingest-stage-'));
const seeds = join(dir, 'seeds');
const content = join(dir, 'content');
const out = join(dir, 'site');
const cache = join(dir, 'cache');
useCacheDir(cache);

beforeAll(() => {
  cpSync('tests/fixtures/archive', seeds, { recursive: true });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A build's context, as `scripts/build.ts` makes it, whether the ingest said
 * it parses, and the processes it was to put first (each still running then).
 */
function context(): { ctx: BuildContext; parsed: () => boolean; first: { pid?: number; running: boolean }[] } {
  const options = parseCli(['--seeds', seeds, '--content', content, '--out', out]);
  if ('error' in options) throw new Error(options.error);
  const parsing = Promise.withResolvers<void>();
  let told = false;
  const first: { pid?: number; running: boolean }[] = [];
  const ctx: BuildContext = {
    options,
    build: {},
    staging: `${out}.tmp-test`,
    cache,
    log: () => undefined,
    track: () => undefined,
    putFirst: (child) => {
      first.push({ ...(child.pid === undefined ? {} : { pid: child.pid }), running: child.exitCode === null });
    },
    onStop: () => undefined,
    setPublishing: () => undefined,
    ingestParsing: parsing.promise,
    markIngestParsing: () => {
      told = true;
      parsing.resolve();
    },
  };
  return { ctx, parsed: () => told, first };
}

describe('the ingest stage', () => {
  it('is up to date after a seed is touched, not after it is changed, and counts the content as the ingest left it', async () => {
    const first = context();
    const built = await ingestStage.run(first.ctx);
    expect(built.ok).toBe(true);
    expect(built.figures.notes?.['written']).toBeGreaterThan(0);
    expect(built.done).toBeFalsy();
    // The ingest's own process, while it ran, was put before what runs beside it.
    expect(first.first).toEqual([{ pid: expect.any(Number), running: true }]);
    // The published site as a build would leave it, with its stamp kept.
    mkdirSync(join(out, 'transcripts'), { recursive: true });
    for (let i = 0; i < 2000; i++) writeFileSync(join(out, 'transcripts', `${i}.html`), `<p>${i}</p>`);
    await writeStamp(cache, out, (await siteStamp(first.ctx)).stamp);

    const again = context();
    const replayed = await ingestStage.run(again.ctx);
    expect(again.parsed()).toBe(false);
    expect(replayed.done).toBe(true);
    expect(replayed.lines.join('\n')).toContain('up to date: nothing changed since the last build');

    const seed = join(seeds, 'seed-press-conference.txt');
    utimesSync(seed, new Date(2001, 0, 1), new Date(2001, 0, 1));
    const touched = context();
    const reparsed = await ingestStage.run(touched.ctx);
    expect(touched.parsed()).toBe(true);
    expect(reparsed.figures.notes?.['written']).toBe(0);
    expect(reparsed.done).toBe(true);
    const { files, bytes } = await countFiles(content);
    expect(reparsed.figures).toMatchObject({ files, bytes });
    // The ingest said it parses before the listing got anywhere: the listing is called off, and made again.
    utimesSync(seed, new Date(2002, 0, 1), new Date(2002, 0, 1));
    const early = context();
    early.ctx.markIngestParsing();
    const relisted = await ingestStage.run(early.ctx);
    expect(relisted.figures.notes?.['written']).toBe(0);
    expect(relisted.done).toBe(true);

    writeFileSync(seed, `${readFileSync(seed, 'utf8')}\nQi Yanjun:\nOne more word on telecom fraud.\n`);
    const changed = context();
    const written = await ingestStage.run(changed.ctx);
    expect(changed.parsed()).toBe(true);
    expect(written.figures.notes?.['written']).toBeGreaterThan(0);
    expect(written.done).toBeFalsy();
  });
});
