/**
 * Hostile and broken input through the WHOLE pipeline (ingest → astro build →
 * Pagefind → publish), in one real build of one generated seeds folder
 * (tests/helpers/hostile-seeds.ts: JSX, HTML, script, Markdown links, a 50 MB
 * file, a 1 MB line, encodings, NUL bytes, slug clashes, broken metadata,
 * 2,000 speakers, and a sample of the fuzz generator). Each file must end as a
 * page with every word of its source, or as an error naming the file and
 * line; never a crash, a silently dropped file, or anything that runs.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkSite } from '../../scripts/check-site.ts';
import { ingestArchive } from '../../scripts/core/ingest-archive.ts';
import { canonicalLanguage } from '../../scripts/core/metadata-shapes.ts';
import { markdownToHtml } from '../../scripts/core/render-paragraph.ts';
import type { Transcript } from '../../scripts/core/schema.ts';
import { decodeText, wordsOf } from '../../scripts/core/text.ts';
import { lostWords } from '../../scripts/core/word-check.ts';
import { readSeeds } from '../../scripts/ingest/read-seeds-fs.ts';
import { openWatched, serveWithBrowser } from '../helpers/browser.ts';
import {
  FEED_SUMMARY,
  FEED_TITLE,
  FUZZ_BUILD_COUNT,
  type Outcome,
  writeHostileSeeds,
} from '../helpers/hostile-seeds.ts';
import { page, visibleText } from '../helpers/site.ts';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runBuild(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/build.ts', ...args], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ARCHIVE_CACHE_DIR: join(dir, 'cache') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'archive-hostile-'));
const seeds = join(dir, 'seeds');
const site = join(dir, 'site');
const content = join(dir, 'content');
const outcomes: Outcome[] = writeHostileSeeds(seeds);
const pages = outcomes.filter((o): o is Extract<Outcome, { page: string }> => 'page' in o);
const errors = outcomes.filter((o): o is Extract<Outcome, { error: string }> => 'error' in o);
const skipped = outcomes.filter((o): o is Extract<Outcome, { skipped: string }> => 'skipped' in o);
let run: Run;
let strict: Run;
let transcripts: Map<string, Transcript>;

beforeAll(async () => {
  // The strict run stops after the ingest; it runs first so the two never share the content folder.
  strict = await runBuild([
    '--strict',
    '--seeds',
    seeds,
    '--content',
    join(dir, 'strict-content'),
    '--out',
    join(dir, 'strict-site'),
  ]);
  run = await runBuild(['--seeds', seeds, '--content', content, '--out', site]);
  const archive = ingestArchive(await readSeeds(seeds));
  transcripts = new Map(archive.transcripts.map((t) => [t.source.file, t]));
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stack trace line, as Node prints one. */
const STACK = /^\s+at .+[(\s].*:\d+:\d+\)?$/m;

describe('the build over hostile input', () => {
  test('finishes, publishes, passes its own link check, and prints no stack trace', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Site check');
    // The build's check reads what its tables do not vouch for; the test below reads every page.
    expect(run.stdout).toMatch(/✓ [\d,]+ pages \([\d,]+ read; [^)]*\), [\d,]+ internal links .*: none broken/);
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(STACK);
    expect(run.stderr).not.toMatch(/\b(?:TypeError|RangeError|ReferenceError|ZodError)\b/);
    console.log(
      `Hostile build: ${outcomes.length} input files (${outcomes.length - FUZZ_BUILD_COUNT} hostile cases, ${FUZZ_BUILD_COUNT} generated), ${pages.length} pages expected, ${errors.length} errors expected`,
    );
  });

  test('every input file is accounted for: a page, or an error that names it', () => {
    const files = readdirSync(seeds, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(?:txt|md|vtt|srt|json)$/.test(f),
    );
    expect(outcomes.map((o) => o.file).sort()).toEqual(files.sort());
  });

  test('with --strict it stops after the ingest, lists every error, and publishes nothing', () => {
    expect(strict.status).toBe(1);
    expect(strict.stdout).not.toContain('Site (Astro)');
    expect(strict.stderr).toContain('Build stopped: the input has problems (listed above) and --strict is set');
    expect(strict.stderr.match(/: error \[/g)).toHaveLength(errors.length);
    expect(existsSync(join(dir, 'strict-site'))).toBe(false);
    expect(`${strict.stdout}\n${strict.stderr}`).not.toMatch(STACK);
  });
});

describe('broken input: a clear error naming the file and line', () => {
  test.each(errors.map((o) => [o.file, o] as const))('%s', (_file, o) => {
    const where = `${seeds}/${o.reported ?? o.file}${o.line === undefined ? '' : `:${o.line}`}`;
    expect(run.stderr).toContain(`${where}: error [${o.error}]`);
    // The message is followed by what to do.
    const at = run.stderr.indexOf(`${where}: error [${o.error}]`);
    expect(run.stderr.slice(at).split('\n')[1]).toMatch(/^ {2}↳ \S/);
    expect(transcripts.has(o.file)).toBe(false);
  });

  test('a slug clash names both files', () => {
    expect(run.stderr).toContain(
      `${seeds}/same/slug.txt: error [duplicate-slug] the slug \`same-slug\` is already used by \`same-slug.txt\``,
    );
  });
});

describe('hostile metadata and files: nothing written outside the site, nothing read that should not be', () => {
  test('symbolic links, named pipes and hidden files are listed as skipped with the reason', () => {
    for (const o of skipped) expect(run.stdout).toContain(`    ${o.file}: ${o.skipped}`);
  });

  test('a language that is a path writes nothing outside the site; the index files are named by real tags', () => {
    expect(existsSync(join(dir, 'elsewhere'))).toBe(false);
    expect(existsSync('/elsewhere')).toBe(false);
    const languages = readdirSync(join(site, 'pagefind'))
      .map((name) => /^wasm\.(.+)\.pagefind$/.exec(name)?.[1])
      .filter((lang) => lang !== undefined);
    expect(languages.length).toBeGreaterThan(0);
    for (const lang of languages) expect(canonicalLanguage(lang), lang).toBeDefined();
  });

  test('times that are not times are warnings at file:line; the text is on the page', () => {
    expect(run.stderr).toContain(
      `${seeds}/bidi-and-times.json:1: warning [invalid-time] segment 1 has a "start" of \`NaN\``,
    );
    expect(run.stderr).toContain(
      `${seeds}/bidi-and-times.json:1: warning [invalid-time] segment 2 has a "start" of \`-5\``,
    );
    expect(visibleText(page(site, '/transcripts/bidi-and-times/'))).toContain('A time before the start.');
  });

  test('a speaker name with a bidi override is shown without it', () => {
    const doc = page(site, '/transcripts/bidi-and-times/');
    const names = doc.querySelectorAll('section.turn h3').map((h) => h.textContent);
    expect(names.some((n) => n.includes('nujnay iq'))).toBe(true);
    expect(names.join('')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(existsSync(join(site, 'speakers/nujnay-iq/index.html'))).toBe(true);
  });

  test('markup in a title and summary is text in the Atom feed: no element, the characters as written', () => {
    const xml = readFileSync(join(site, 'feed.xml'), 'utf8');
    const entry = xml.split('<entry>').find((e) => e.includes('/transcripts/feed-markup/')) ?? '';
    const construct = (name: string) => {
      const m = new RegExp(`<${name} type="html"><!\\[CDATA\\[([\\s\\S]*?)\\]\\]></${name}>`).exec(entry);
      const html = parse(m?.[1] ?? '');
      return { text: html.textContent, elements: html.querySelectorAll('*').length };
    };
    expect(construct('title')).toEqual({ text: FEED_TITLE, elements: 0 });
    expect(construct('summary').elements).toBe(0);
    expect(construct('summary').text).toContain(FEED_SUMMARY);
  });
});

describe('hostile text: a page with every word of its source', () => {
  test.each(pages.map((o) => [o.file, o] as const))('%s', (file, o) => {
    const t = transcripts.get(file);
    expect(t?.slug).toBe(o.page);
    if (!t) return;
    const doc = page(site, `/transcripts/${o.page}/`);
    // 1. The parse kept every word of the source (text formats; subtitles and JSON carry syntax words).
    if (/\.(?:txt|md)$/.test(file)) {
      const decoded = decodeText(new Uint8Array(readFileSync(join(seeds, file))), file);
      expect('text' in decoded && lostWords(decoded.text, t)).toEqual([]);
    }
    // 2. Every paragraph is on the page, in its turn, in order: verbatim for plain text, as rendered for
    //    Markdown (compared without white space, which HTML folds; Markdown may leave text outside a <p>).
    const bare = (text: string) => text.replace(/\s+/g, '');
    const sections = new Map(doc.querySelectorAll('section.turn').map((el) => [el.querySelector('h3')?.id, el]));
    const turnSection = (id: string) => {
      const section = sections.get(id);
      if (!section) throw new Error(`no turn section for #${id}`);
      return section;
    };
    for (const turn of t.turns) {
      const shown = turnSection(turn.id).querySelector('.turn-body')?.textContent ?? '';
      const expected =
        o.format === 'markdown' ? turn.paragraphs.map((p) => parse(markdownToHtml(p)).textContent) : turn.paragraphs;
      expect(bare(shown), `${file} ${turn.id}`).toBe(bare(expected.join('')));
      if (o.format === 'plain') {
        const paragraphs = turnSection(turn.id).querySelectorAll('.turn-body > p');
        expect(paragraphs.map((p) => p.textContent)).toEqual(turn.paragraphs);
      }
    }
    // 3. Every word of every label is shown with its turn, and the preamble above the turns.
    const words = (text: string) => wordsOf(text).map((w) => w.toLowerCase());
    const lacking = (expected: string, shown: string) => words(expected).filter((w) => !words(shown).includes(w));
    for (const turn of t.turns) {
      const section = turnSection(turn.id);
      const shown = [section.querySelector('h3'), section.querySelector('.turn-label')].map(
        (el) => el?.textContent ?? '',
      );
      expect(lacking(turn.label, shown.join(' ')), `${file} ${turn.id}`).toEqual([]);
    }
    const preamble = doc.querySelectorAll('.preamble > *').map((el) => el.textContent);
    expect(lacking(t.preamble.join(' '), preamble.join(' '))).toEqual([]);
  });

  test('2,000 speakers in one file make 2,000 speaker pages, each linked from the transcript', () => {
    const doc = page(site, '/transcripts/thousands-of-speakers/');
    expect(doc.querySelectorAll('section.turn')).toHaveLength(2000);
    expect(existsSync(join(site, 'speakers/speaker-number-2000/index.html'))).toBe(true);
  });

  test('a 1 MB line is one paragraph, whole', () => {
    const source = readFileSync(join(seeds, 'one-line.txt'), 'utf8');
    const doc = page(site, '/transcripts/one-line/');
    expect(doc.querySelectorAll('.turn-body p').map((p) => p.textContent)).toEqual([source]);
  });
});

describe('nothing from the input runs, loads or links to code', () => {
  const transcriptPages = () => pages.map((o) => `/transcripts/${o.page}/`);

  test('no script, handler, image, frame, style or code URL in any transcript page', () => {
    for (const path of transcriptPages()) {
      const html = readFileSync(join(site, path, 'index.html'), 'utf8');
      const doc = parse(html);
      // The page's own module and JSON data blocks, and its build-time charts, are the archive's, not the input's.
      const ours = (el: {
        tagName: string;
        getAttribute(n: string): string | undefined;
        closest(s: string): unknown;
      }) =>
        (el.tagName === 'SCRIPT' &&
          (/^\/(?:_astro\/|theme\.js$)/.test(el.getAttribute('src') ?? '') ||
            /^application\/(?:ld\+)?json$/.test(el.getAttribute('type') ?? ''))) ||
        (el.tagName === 'svg'.toUpperCase() && el.closest('figure.chart') !== null);
      const found = doc.querySelectorAll('script, img, iframe, svg, style, object, embed').filter((el) => !ours(el));
      expect(found, path).toHaveLength(0);
      for (const el of doc.querySelectorAll('*')) {
        for (const [name, value] of Object.entries(el.attributes)) {
          expect(/^on/i.test(name), `${path}: ${name}`).toBe(false);
          if (name === 'href' || name === 'src') expect(value, path).not.toMatch(/^\s*(?:javascript|data|vbscript):/i);
        }
      }
    }
  });

  test('the Markdown transcript keeps its good link, turns its image into a link, and neutralises the rest', () => {
    const doc = page(site, '/transcripts/links/');
    const hrefs = doc.querySelectorAll('.turn-body a').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://example.org/talk', 'https://evil.example/pixel.png', 'https://example.org/']);
    expect(visibleText(doc)).toContain('a relative one');
  });

  test('the site check finds no broken link and no code URL anywhere in the build', async () => {
    const report = await checkSite(site);
    expect(report.problems).toEqual([]);
    expect(report.pages).toBeGreaterThan(2000);
  });

  test('every transcript page and a sample of speaker pages are valid HTML', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const sample = [...transcriptPages(), ...['1', '2', '1000', '2000'].map((n) => `/speakers/speaker-number-${n}/`)];
    const messages: string[] = [];
    for (const path of sample) {
      const report = await validator.validateFile(join(site, path, 'index.html'));
      for (const m of report.results.flatMap((r) => r.messages))
        messages.push(`${path}:${m.line} ${m.ruleId} ${m.message}`);
    }
    expect(messages).toEqual([]);
  });

  describe('in Chromium', () => {
    const served = serveWithBrowser(site);

    test('no hostile page runs anything, opens a dialog, breaks the policy or calls another host', async () => {
      const { page: tab, watch } = await openWatched(served.browser, `${served.server.url}/`);
      const dialogs: string[] = [];
      tab.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const failures: string[] = [];
      for (const path of transcriptPages()) {
        for (const list of Object.values(watch)) list.length = 0;
        await tab.goto(`${served.server.url}${path}`, { waitUntil: 'load' });
        const pwned = await tab.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
        if (pwned !== undefined) failures.push(`${path}: window.__pwned = ${String(pwned)}`);
        for (const v of [...watch.violations, ...watch.errors]) failures.push(`${path}: ${v}`);
        for (const url of watch.requests.filter((u) => !u.startsWith(`${served.server.url}/`)))
          failures.push(`${path}: ${url}`);
      }
      expect(failures).toEqual([]);
      expect(dialogs).toEqual([]);
      await tab.close();
    }, 120_000);
  });
});
