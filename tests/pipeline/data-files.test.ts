/**
 * The data files the build writes from the ingest's records (twins and
 * manifest), not Astro: every transcript's three twins from the pure
 * builders; a rebuild links the unchanged ones from the published site and
 * writes the changed ones; and an incremental build gives the same bytes as
 * a clean one.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TWIN_EXTENSIONS, transcriptTwins } from '../../scripts/core/data-files.ts';
import { SpeakerSchema, TopicSchema, TranscriptSchema } from '../../scripts/core/schema.ts';
import { parseMdxRecord } from '../../scripts/core/to-mdx.ts';
import { runIngest } from '../../scripts/ingest/run-ingest-fs.ts';
import { writeDataFiles } from '../../scripts/lib/data-files-fs.ts';
import { useCacheDir } from '../helpers/cache-dir.ts';

const dir = mkdtempSync(join(tmpdir(), 'data-files-'));
const seeds = join(dir, 'seeds');
const content = join(dir, 'content');
const cacheDir = join(dir, 'build-cache');
useCacheDir(join(dir, 'ingest-cache'));

beforeAll(async () => {
  cpSync('tests/fixtures/archive', seeds, { recursive: true });
  const ingest = await runIngest({ seeds, content, strict: false, report: false, lenient: false, newArchive: false });
  expect(ingest.transcripts).toBeGreaterThan(3);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const slugs = (): string[] =>
  readdirSync(join(content, 'transcripts'))
    .filter((n) => n.endsWith('.mdx'))
    .map((n) => n.slice(0, -'.mdx'.length))
    .sort();

/** Every data file of a site, by path, with its bytes. */
function dataFiles(site: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>([['transcripts.json', readFileSync(join(site, 'transcripts.json'))]]);
  for (const slug of slugs())
    for (const ext of TWIN_EXTENSIONS) {
      const path = join('transcripts', `${slug}.${ext}`);
      files.set(path, readFileSync(join(site, path)));
    }
  return files;
}

const inode = (site: string, path: string): number => statSync(join(site, path)).ino;

/** The bytes of a site's data files, as a walk of the site finds them: the figure the writer tells. */
const bytesOf = (site: string): number => [...dataFiles(site).values()].reduce((sum, b) => sum + b.length, 0);

function records<T>(folder: string, parse: (data: unknown) => T): T[] {
  return readdirSync(join(content, folder))
    .filter((n) => n.endsWith('.mdx'))
    .map((n) => parse(parseMdxRecord(readFileSync(join(content, folder, n), 'utf8'))?.data));
}

describe('data files', () => {
  it('are the pure builders’ bytes, for every transcript, with a manifest of them all', async () => {
    const site = join(dir, 'clean');
    const outcome = await writeDataFiles({ content, site, cacheDir });
    expect(outcome).toEqual({
      transcripts: slugs().length,
      written: slugs().length * 3 + 1,
      linked: 0,
      bytes: bytesOf(site),
    });
    expect(readdirSync(join(site, 'transcripts'))).toHaveLength(slugs().length * 3);
    const speakers = new Map(records('speakers', (d) => SpeakerSchema.parse(d)).map((s) => [s.slug, s]));
    const topics = new Map(records('topics', (d) => TopicSchema.parse(d)).map((t) => [t.slug, t]));
    for (const t of records('transcripts', (d) => TranscriptSchema.parse(d))) {
      const twins = transcriptTwins(t, speakers, topics);
      for (const ext of TWIN_EXTENSIONS)
        expect(readFileSync(join(site, 'transcripts', `${t.slug}.${ext}`), 'utf8')).toBe(twins[ext]);
    }
    const manifest = JSON.parse(readFileSync(join(site, 'transcripts.json'), 'utf8')) as {
      transcripts: { slug: string; date: string | null }[];
    };
    expect(manifest.transcripts.map((t) => t.slug).sort()).toEqual(slugs());
    // Newest first, undated last.
    const dates = manifest.transcripts.map((t) => t.date ?? '');
    expect(dates.filter((d) => d !== '')).toEqual(
      dates
        .filter((d) => d !== '')
        .sort()
        .reverse(),
    );
    expect(dates.slice(dates.indexOf('') === -1 ? dates.length : dates.indexOf('')).every((d) => d === '')).toBe(true);
  });

  it('links every unchanged file on a rebuild, rewrites only what changed, and matches a clean build byte for byte', async () => {
    const first = join(dir, 'clean');
    const second = join(dir, 'second');
    expect(await writeDataFiles({ content, site: second, previous: first, cacheDir })).toEqual({
      transcripts: slugs().length,
      written: 0,
      linked: slugs().length * 3 + 1,
      bytes: bytesOf(second),
    });
    for (const path of dataFiles(second).keys()) expect(inode(second, path)).toBe(inode(first, path));

    // One transcript edited (its record rewritten, as the ingest does): its twins and the manifest are written.
    const [edited, other] = slugs();
    const file = join(content, 'transcripts', `${edited}.mdx`);
    const text = readFileSync(file, 'utf8');
    const { title } = TranscriptSchema.parse(parseMdxRecord(text)?.data);
    writeFileSync(file, text.replace(JSON.stringify(title), JSON.stringify(`${title} (corrected)`)));
    const third = join(dir, 'third');
    const outcome = await writeDataFiles({ content, site: third, previous: second, cacheDir });
    expect(outcome.written).toBe(4);
    expect(outcome.bytes).toBe(bytesOf(third));
    expect(inode(third, `transcripts/${edited}.json`)).not.toBe(inode(second, `transcripts/${edited}.json`));
    expect(inode(third, `transcripts/${other}.json`)).toBe(inode(second, `transcripts/${other}.json`));
    expect(readFileSync(join(third, 'transcripts', `${edited}.txt`), 'utf8')).toContain(`${title} (corrected)`);
    // The published site is untouched.
    expect(readFileSync(join(second, 'transcripts', `${edited}.txt`), 'utf8')).not.toContain('(corrected)');

    const clean = join(dir, 'clean-again');
    await writeDataFiles({ content, site: clean, cacheDir: join(dir, 'fresh-cache') });
    const incremental = dataFiles(third);
    const fromScratch = dataFiles(clean);
    expect([...incremental.keys()]).toEqual([...fromScratch.keys()]);
    for (const [path, bytes] of incremental) expect(bytes.equals(fromScratch.get(path) as Buffer), path).toBe(true);
  });

  it('writes again the twins that show a speaker whose name changed, and only those', async () => {
    const before = join(dir, 'third');
    const speakerFile = readdirSync(join(content, 'speakers')).find((n) => n.endsWith('.mdx')) as string;
    const path = join(content, 'speakers', speakerFile);
    const text = readFileSync(path, 'utf8');
    const speaker = SpeakerSchema.parse(parseMdxRecord(text)?.data);
    writeFileSync(path, text.replace(JSON.stringify(speaker.name), JSON.stringify(`${speaker.name} Renamed`)));
    const site = join(dir, 'renamed');
    const outcome = await writeDataFiles({ content, site, previous: before, cacheDir });
    const twinOf = (slug: string) =>
      JSON.parse(readFileSync(join(site, 'transcripts', `${slug}.json`), 'utf8')) as { speakers: { slug: string }[] };
    const showing = slugs().filter((slug) => twinOf(slug).speakers.some((s) => s.slug === speaker.slug));
    expect(showing.length).toBeGreaterThan(0);
    // The manifest names speakers by slug: it is linked, not written.
    expect(outcome.written).toBe(showing.length * 3);
    expect(inode(site, 'transcripts.json')).toBe(inode(before, 'transcripts.json'));
    for (const slug of showing)
      expect(readFileSync(join(site, 'transcripts', `${slug}.json`), 'utf8')).toContain(`${speaker.name} Renamed`);
  });
});
