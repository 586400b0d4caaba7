/**
 * Interrupted and concurrent builds, with the real build script on a small
 * seeds folder: a build killed during the Astro or the Pagefind stage leaves
 * the published site and the content folder usable, and the next build takes
 * over its stale lock and publishes a correct site; a signal stops a build
 * cleanly; two builds into one folder never interleave, and two into
 * different folders both finish; an ingest killed at any point leaves a
 * content folder whose every transcript finds its speakers. Astro, started
 * with the ingest, stops with the build however the build ends.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkSite } from '../../scripts/check-site.ts';
import { TranscriptSchema } from '../../scripts/core/schema.ts';
import { cacheKey } from '../../scripts/lib/build-cache-fs.ts';
import { ROOT } from '../../scripts/lib/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'archive-interrupted-'));
const seeds = join(dir, 'seeds');
const content = join(dir, 'content');
const out = join(dir, 'site');
const cache = join(dir, 'cache');
for (const f of [
  'seed-press-conference.txt',
  '2024-09-05-weekly-briefing.txt',
  '2024-09-05-weekly-briefing.yaml',
  'topics.yaml',
]) {
  cpSync(join('tests/fixtures/archive', f), join(seeds, f));
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Build {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  done: Promise<number | null>;
}

/** Starts the build script in its own process group, so a test can kill the whole tree. */
function startBuild(args: string[], env: Record<string, string> = { ARCHIVE_CACHE_DIR: cache }): Build {
  const child = spawn(process.execPath, ['scripts/build.ts', ...args], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    detached: true,
  });
  const build: Build = { child, stdout: '', stderr: '', done: Promise.resolve(null) };
  child.stdout?.on('data', (c: Buffer) => {
    build.stdout += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    build.stderr += c.toString();
  });
  build.done = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  return build;
}

const defaults = () => ['--seeds', seeds, '--content', content, '--out', out];

async function until(check: () => boolean, what: string, ms = 240_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** Every file of a folder with a hash of its bytes: equal snapshots mean nothing changed. */
function snapshot(folder: string): Record<string, string> {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();
  return Object.fromEntries(
    files
      .filter((f) => !f.includes('node_modules'))
      .flatMap((f) => {
        try {
          return [
            [
              f,
              createHash('sha256')
                .update(readFileSync(join(folder, f)))
                .digest('hex'),
            ],
          ];
        } catch {
          return []; // a folder
        }
      }),
  );
}

/** A site is usable: its pages exist, its links resolve, its search index is there. */
async function expectUsableSite(folder: string): Promise<void> {
  expect(existsSync(join(folder, 'index.html'))).toBe(true);
  expect(existsSync(join(folder, 'pagefind/pagefind.js'))).toBe(true);
  expect((await checkSite(folder)).problems).toEqual([]);
}

/** A content folder is whole: every transcript parses and finds its speakers and topics. */
function expectWholeContent(folder: string): void {
  const names = existsSync(join(folder, 'transcripts')) ? readdirSync(join(folder, 'transcripts')) : [];
  for (const name of names.filter((n) => n.endsWith('.mdx'))) {
    const text = readFileSync(join(folder, 'transcripts', name), 'utf8');
    const fm = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1];
    const t = TranscriptSchema.parse(parseYaml(fm ?? ''));
    for (const p of t.participants)
      expect(existsSync(join(folder, 'speakers', `${p.speaker}.mdx`)), p.speaker).toBe(true);
    for (const topic of t.topics)
      expect(existsSync(join(folder, 'topics', `${topic.slug}.mdx`)), topic.slug).toBe(true);
  }
}

/** The process ids whose parent is `pid` (from `/proc`). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .filter((n) => {
      try {
        // `pid (name) state ppid …`: the name may hold spaces and parentheses, so read after its last `)`.
        const stat = readFileSync(`/proc/${n}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The build's child process whose command line holds `mark`, once it runs. */
async function childNamed(b: Build, mark: string): Promise<number> {
  let found: number | undefined;
  await until(() => {
    found = childrenOf(b.child.pid as number).find((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(mark);
      } catch {
        return false;
      }
    });
    return found !== undefined;
  }, `the process of ${mark}`);
  return found as number;
}

/** The build's ingest process, once it runs. */
const ingestChild = (b: Build): Promise<number> => childNamed(b, '--ingest-child');
/** The build's `astro build`, started with the ingest (it waits for the content). */
const astroChild = (b: Build): Promise<number> => childNamed(b, 'astro.mjs');

const killTree = (b: Build) => {
  if (b.child.pid) process.kill(-b.child.pid, 'SIGKILL');
};

describe('a build killed half way', () => {
  let published: Record<string, string>;

  test('a first build publishes a good site', async () => {
    const b = startBuild(defaults());
    expect(await b.done, b.stderr).toBe(0);
    await expectUsableSite(out);
    published = snapshot(out);
  }, 480_000);

  test.each([
    ['the Astro stage', 'astro'],
    ['the Pagefind stage', 'pagefind'],
  ])(
    'killed during %s: the published site is untouched and the next build takes over the stale lock',
    async (_name, stage) => {
      writeFileSync(join(seeds, `added-${stage}.txt`), 'Anna Berg:\nA transcript added before the kill.\n');
      const killed = startBuild(defaults());
      if (stage === 'astro') {
        // This build holds the project's Astro stage from its start: Astro loads while the ingest runs.
        const lock = join(ROOT, '.astro/build-stage.lock');
        await until(
          () => existsSync(lock) && readFileSync(lock, 'utf8') === String(killed.child.pid),
          'the Astro stage',
        );
        await until(() => killed.stdout.includes('Site (Astro), in the background'), 'the Astro stage to run');
        await new Promise((done) => setTimeout(done, 300));
        // Astro has not finished: it runs beside the data and search stages (memory allows).
        expect(killed.stdout).toContain('Site (Astro), in the background');
        expect(killed.stdout).not.toContain('(in the background, done)');
      } else {
        await until(() => killed.stdout.includes('Search index (passage index, Pagefind)'), 'the search stage');
      }
      killTree(killed);
      await killed.done;
      // The kill left its lock and its staging folder; the site and the content are whole.
      expect(existsSync(`${out}.build-lock`)).toBe(true);
      expect(snapshot(out)).toEqual(published);
      expectWholeContent(content);

      const next = startBuild(defaults());
      expect(await next.done, next.stderr).toBe(0);
      expect(next.stdout).toContain(`Took over the lock of build process ${killed.child.pid}`);
      // Nothing left beside the site once the replaced one, removed in the background, is gone.
      await until(() => readdirSync(dir).every((f) => !f.startsWith('site.')), "the replaced site's removal", 60_000);
      await expectUsableSite(out);
      expect(existsSync(join(out, `transcripts/added-${stage}/index.html`))).toBe(true);
      published = snapshot(out);
    },
    480_000,
  );

  test('SIGTERM stops a build cleanly: a plain message, no lock, no staging folder, the site unchanged', async () => {
    writeFileSync(join(seeds, 'added-sigterm.txt'), 'Anna Berg:\nAdded before SIGTERM.\n');
    const b = startBuild(defaults());
    await until(() => b.stdout.includes('Site (Astro)'), 'the Astro stage');
    b.child.kill('SIGTERM');
    expect(await b.done).toBe(143);
    expect(b.stderr).toContain('Build interrupted (SIGTERM): nothing was published');
    expect(b.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(dir).filter((f) => f.startsWith('site.'))).toEqual([]);
    expect(snapshot(out)).toEqual(published);
  }, 480_000);

  test('the ingest runs in a child process: SIGTERM during it stops both cleanly; a build killed outright takes its ingest and its Astro with it', async () => {
    writeFileSync(join(seeds, 'added-ingest.txt'), 'Anna Berg:\nAdded before the ingest was stopped.\n');
    const term = startBuild(defaults());
    const ingest = await ingestChild(term);
    term.child.kill('SIGTERM');
    expect(await term.done).toBe(143);
    expect(term.stderr).toContain('Build interrupted (SIGTERM): nothing was published');
    expect(term.stderr).not.toContain('the build failed');
    await until(() => !alive(ingest), 'the ingest process to stop', 30_000);
    expect(snapshot(out)).toEqual(published);

    const killed = startBuild(defaults());
    const orphan = await ingestChild(killed);
    process.kill(killed.child.pid as number, 'SIGKILL'); // the build alone, not its process group
    await killed.done;
    await until(() => !alive(orphan), 'the ingest process to stop', 30_000);
    // It stopped before it wrote anything: it was still loading when its build went away.
    expect(existsSync(join(content, 'transcripts/added-ingest.mdx'))).toBe(false);
    expect(snapshot(out)).toEqual(published);
    expectWholeContent(content);

    // Astro, started with the ingest (it may be waiting for another build's Astro stage first): SIGTERM stops it too.
    const termLater = startBuild(defaults());
    const astro = await astroChild(termLater);
    termLater.child.kill('SIGTERM');
    expect(await termLater.done).toBe(143);
    await until(() => !alive(astro), 'the Astro process to stop', 30_000);
    expect(snapshot(out)).toEqual(published);
    // Killed outright, the build closes Astro's input, and Astro stops at the content it waits for.
    const killedLater = startBuild(defaults());
    const orphanAstro = await astroChild(killedLater);
    process.kill(killedLater.child.pid as number, 'SIGKILL');
    await killedLater.done;
    await until(() => !alive(orphanAstro), 'the Astro process to stop', 60_000);
    expect(snapshot(out)).toEqual(published);
    expectWholeContent(content);
    const next = startBuild(defaults());
    expect(await next.done, next.stderr).toBe(0);
    expect(existsSync(join(out, 'transcripts/added-ingest/index.html'))).toBe(true);
    published = snapshot(out);
  }, 480_000);

  test('a site left aside by a build killed between the two renames of publishing is put back', async () => {
    const aside = `${out}.old-4194999`; // above Linux's largest process id: never running
    cpSync(out, aside, { recursive: true });
    rmSync(out, { recursive: true });
    // A strict build on broken input (not UTF-8) stops after the ingest, so what it finds is what stays.
    // (A binary file would not do: it is skipped, not an error.)
    writeFileSync(join(seeds, 'broken.txt'), new Uint8Array([0x41, 0x0a, 0xff]));
    const b = startBuild(['--strict', ...defaults()]);
    expect(await b.done).toBe(1);
    expect(b.stdout).toContain('restored the published site from site.old-4194999');
    expect(snapshot(out)).toEqual(published);
    rmSync(join(seeds, 'broken.txt'));
  }, 480_000);
});

describe('builds at the same time', () => {
  test('two builds into one folder: the second is refused naming the first, the first publishes', async () => {
    const first = startBuild(defaults());
    await until(() => existsSync(`${out}.build-lock`), 'the first lock');
    const second = startBuild(defaults());
    expect(await second.done).toBe(1);
    expect(second.stderr).toContain(
      `${out}: error another build (process ${first.child.pid}) is writing to this folder`,
    );
    expect(await first.done, first.stderr).toBe(0);
    await expectUsableSite(out);
  }, 480_000);

  test('two builds into different folders at once both publish a correct site', async () => {
    const other = join(dir, 'other-site');
    const a = startBuild(defaults());
    const b = startBuild(['--seeds', seeds, '--content', join(dir, 'other-content'), '--out', other], {
      ARCHIVE_CACHE_DIR: join(dir, 'other-cache'),
    });
    expect([await a.done, await b.done]).toEqual([0, 0]);
    await expectUsableSite(out);
    await expectUsableSite(other);
  }, 480_000);

  test("a build with another content folder does not reuse the first one's cached entries", async () => {
    // The default cache is one per content folder (scripts/build.ts); a shared one served deleted paths.
    const first = join(dir, 'content-a');
    const second = join(dir, 'content-b');
    const cacheOf = (c: string) => join(ROOT, 'node_modules/.astro', `content-${cacheKey(c)}`);
    try {
      const a = startBuild(['--seeds', seeds, '--content', first, '--out', join(dir, 'site-a')], {});
      expect(await a.done, a.stderr).toBe(0);
      rmSync(first, { recursive: true });
      const b = startBuild(['--seeds', seeds, '--content', second, '--out', join(dir, 'site-b')], {});
      expect(await b.done, b.stderr).toBe(0);
      await expectUsableSite(join(dir, 'site-b'));
    } finally {
      for (const c of [first, second]) rmSync(cacheOf(c), { recursive: true, force: true });
    }
  }, 480_000);
});

describe('an ingest killed at any point', () => {
  test('leaves every transcript in the content folder with its speakers, and a rerun writes what a clean run writes', async () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    cpSync(join(seeds, 'topics.yaml'), join(many, 'topics.yaml'));
    /** 200 files of five speakers each; each round renames every speaker, so every file is rewritten. */
    const writeRound = (round: number) => {
      for (let i = 0; i < 200; i++) {
        const body = Array.from({ length: 5 }, (_, k) => `Round${round} ${i} ${k}:\nLine ${k} of file ${i}.\n`).join(
          '',
        );
        writeFileSync(join(many, `t${String(i).padStart(3, '0')}.txt`), body);
      }
    };
    const killedContent = join(dir, 'killed-content');
    const count = () =>
      ['speakers', 'transcripts'].reduce((n, f) => {
        try {
          return n + readdirSync(join(killedContent, f)).length;
        } catch {
          return n;
        }
      }, 0);
    let kills = 0;
    // Kill points: early among the speakers, late among them, among the transcripts, near the end.
    for (const [round, threshold] of [10, 500, 1050, 1150].entries()) {
      writeRound(round);
      const child = spawn(process.execPath, ['scripts/ingest.ts', '--seeds', many, '--content', killedContent], {
        stdio: 'ignore',
      });
      const closed = new Promise((resolve) => child.on('close', resolve));
      const start = count();
      await until(() => count() >= start + threshold || child.exitCode !== null, 'files to appear', 180_000);
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        kills++;
      }
      await closed;
      expectWholeContent(killedContent);
    }
    console.log(`Ingest kills: ${kills} of 4 runs killed mid-write, content whole after each`);
    expect(kills).toBeGreaterThanOrEqual(2);
    const rerun = spawn(process.execPath, ['scripts/ingest.ts', '--seeds', many, '--content', killedContent]);
    await new Promise((resolve) => rerun.on('close', resolve));
    const clean = join(dir, 'clean-content');
    const fresh = spawn(process.execPath, ['scripts/ingest.ts', '--seeds', many, '--content', clean]);
    await new Promise((resolve) => fresh.on('close', resolve));
    expect(snapshot(killedContent)).toEqual(snapshot(clean));
  }, 480_000);
});
