/**
 * The build never destroys what it did not make, and never loses the URL
 * history quietly: real builds into output folders that hold other things,
 * through links, with a missing or damaged permalink record, with a broken
 * registry, and with a reader that closes the output early.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'archive-output-'));
const seeds = join(dir, 'seeds');
const content = join(dir, 'content');
const record = join(content, 'permalinks.json');
const STACK = /\n\s+at .+:\d+:\d+/;
const BUILD = 300_000;

mkdirSync(seeds);
cpSync('tests/fixtures/archive/2024-09-05-weekly-briefing.txt', join(seeds, 'briefing.txt'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The build, as a user runs it; `closeEarly` closes its standard output after the first line, as `| head -1` does. */
function build(args: string[], { env = {}, closeEarly = false } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/build.ts', '--seeds', seeds, '--content', content, ...args], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ARCHIVE_CACHE_DIR: join(dir, 'cache'), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (closeEarly) child.stdout.destroy();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function listing(folder: string): string[] {
  return readdirSync(folder, { recursive: true }).map(String).sort();
}

describe('the output folder', () => {
  it(
    'is never the seeds or content folder, nor a folder holding them, nor the home folder',
    async () => {
      const home = join(dir, 'home');
      mkdirSync(home);
      writeFileSync(join(home, 'notes.txt'), 'mine');
      const before = listing(seeds);
      for (const [out, env] of [
        [seeds, {}],
        [dir, {}],
        [join(seeds, 'site'), {}],
        [content, {}],
        [home, { HOME: home }],
      ] as const) {
        const run = await build(['--out', out], { env });
        expect(run.status).toBe(1);
        expect(run.stderr).toContain(`${out}: error [unsafe-output]`);
        expect(run.stderr).not.toMatch(STACK);
        expect(run.stdout).not.toContain('Ingest');
      }
      expect(listing(seeds)).toEqual(before);
      expect(readFileSync(join(home, 'notes.txt'), 'utf8')).toBe('mine');
    },
    BUILD,
  );

  it(
    'is not replaced while it holds files this tool did not publish; with --force it is, through a link, keeping CNAME and .git',
    async () => {
      const webroot = join(dir, 'webroot');
      mkdirSync(join(webroot, '.git'), { recursive: true });
      writeFileSync(join(webroot, '.git', 'HEAD'), 'ref: refs/heads/main\n');
      writeFileSync(join(webroot, 'CNAME'), 'archive.example.org\n');
      writeFileSync(join(webroot, 'index.html'), '<p>my old site</p>');
      const link = join(dir, 'site-link');
      symlinkSync(webroot, link);

      const refused = await build(['--out', link]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`${webroot}: error [foreign-output]`);
      expect(refused.stderr).toContain('--force');
      expect(readFileSync(join(webroot, 'index.html'), 'utf8')).toBe('<p>my old site</p>');

      const forced = await build(['--out', link, '--force']);
      expect(forced.status, forced.stderr).toBe(0);
      expect(forced.stdout).toContain(`publishing to ${webroot}`);
      expect(forced.stdout).toContain('kept CNAME, .git');
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(existsSync(join(webroot, 'transcripts.json'))).toBe(true);
      expect(existsSync(join(webroot, '.transcript-archive'))).toBe(true);
      expect(readFileSync(join(webroot, 'CNAME'), 'utf8')).toBe('archive.example.org\n');
      expect(readFileSync(join(webroot, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
      expect(readFileSync(join(webroot, 'index.html'), 'utf8')).not.toContain('my old site');

      // Now the folder holds the marker: the next build replaces it without --force.
      const again = await build(['--out', link]);
      expect(again.status, again.stderr).toBe(0);
    },
    BUILD,
  );
});

describe('the permalink record', () => {
  const out = join(dir, 'webroot');

  it.each([
    ['missing', undefined, '[missing-record]'],
    ['empty', '', '[damaged-record]'],
    ['only a version', '{"version":1}', '[damaged-record]'],
    ['truncated', 'TRUNCATE', '[damaged-record]'],
  ])('stops the build when it is %s, and publishes nothing', { timeout: BUILD }, async (_, text, code) => {
    const good = readFileSync(record, 'utf8');
    const published = listing(out);
    try {
      if (text === undefined) rmSync(record);
      else writeFileSync(record, text === 'TRUNCATE' ? good.slice(0, good.length / 2) : text);
      const run = await build(['--out', out]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`${record}: error ${code}`);
      expect(run.stderr).toContain('git checkout --');
      expect(run.stderr).not.toMatch(STACK);
      expect(run.stdout).not.toContain('Site (Astro)');
      expect(listing(out)).toEqual(published);
    } finally {
      writeFileSync(record, good);
    }
  });

  it(
    'is not advanced by a build that fails after the ingest',
    async () => {
      const good = JSON.parse(readFileSync(record, 'utf8'));
      // A turn the record says was published, which the new site will not have: the lost-address check stops the build.
      const claimed = structuredClone(good);
      const transcript = Object.values(claimed.transcripts)[0] as { turns: Record<string, unknown> };
      transcript.turns['t999'] = { speaker: 'x', fingerprint: '0', status: 'live', earlier: [] };
      const text = `${JSON.stringify(claimed, null, 2)}\n`;
      writeFileSync(record, text);
      cpSync('tests/fixtures/archive/interview.vtt', join(seeds, 'interview.vtt'));
      try {
        const run = await build(['--out', out]);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('[lost-url]');
        expect(readFileSync(record, 'utf8')).toBe(text);
      } finally {
        rmSync(join(seeds, 'interview.vtt'));
        writeFileSync(record, `${JSON.stringify(good, null, 2)}\n`);
      }
    },
    BUILD,
  );

  it(
    'belongs to its seeds folder: another folder is refused into the same content folder',
    async () => {
      const other = join(dir, 'other-seeds');
      mkdirSync(other);
      cpSync(join(seeds, 'briefing.txt'), join(other, 'briefing.txt'));
      const run = await build(['--seeds', other, '--out', join(dir, 'other-site')]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('[other-archive]');
      expect(run.stderr).toContain('--content');
    },
    BUILD,
  );
});

describe('the archive-wide files and the terminal', () => {
  it(
    'a speakers.yaml that does not parse stops the build unless --lenient; a closed output never stops a publish',
    async () => {
      writeFileSync(join(seeds, 'speakers.yaml'), 'speakers:\n  - name: [unclosed\n');
      const out = join(dir, 'lenient-site');
      try {
        const stopped = await build(['--out', out]);
        expect(stopped.status).toBe(1);
        expect(stopped.stderr).toContain('speakers.yaml');
        expect(stopped.stderr).toContain('pass --lenient');
        expect(stopped.stderr).not.toContain('--strict is set');
        expect(existsSync(out)).toBe(false);

        const lenient = await build(['--out', out, '--lenient'], { closeEarly: true });
        expect(lenient.status, lenient.stderr).toBe(0);
        expect(existsSync(join(out, 'transcripts.json'))).toBe(true);
        expect(existsSync(`${out}.build-lock`)).toBe(false);
      } finally {
        rmSync(join(seeds, 'speakers.yaml'));
      }
    },
    BUILD,
  );

  it('a file given as --seeds is named as a file, not as missing', { timeout: BUILD }, async () => {
    const run = await build(['--seeds', join(seeds, 'briefing.txt'), '--out', join(dir, 'file-site')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--seeds names a file, not a folder');
    expect(run.stderr).not.toContain('does not exist');
  });
});
