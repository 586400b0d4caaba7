/**
 * The fixture archive built by the real pipeline (tests/helpers/global-setup.ts):
 * pages, anchors, twins and the search index exist and agree with each other,
 * every spoken word reaches its page, and hostile text comes out verbatim.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { ingestArchive } from '../../scripts/core/ingest-archive.ts';
import { mediaKind } from '../../scripts/core/urls.ts';
import { readSeeds } from '../../scripts/ingest/read-seeds-fs.ts';
import type { Twin as SearchTwin } from '../../src/lib/search-record.ts';
import { searchPages } from '../../src/lib/search-versions.ts';
import { exists, json, one, page, turnSection, visibleText } from '../helpers/site.ts';

const { site, stdout, stderr } = inject('fixtureBuild');
const archive = ingestArchive(await readSeeds('tests/fixtures/archive'));

interface Twin {
  schemaVersion: number;
  slug: string;
  title: string;
  date: string | null;
  url: string;
  speakers: { slug: string; name: string; kind: string }[];
  turns: { id: string; speaker: string; label: string; paragraphs: string[] }[];
  topics: { slug: string; name: string; turns: string[] }[];
  credits: string[];
  notes: string[];
}
interface Manifest {
  schemaVersion: number;
  transcripts: { slug: string; url: string; json: string; turns: number }[];
}

describe('the build report', () => {
  test('names each stage and the broken file at file:line, and still builds the others', () => {
    for (const stage of ['Ingest', 'Site (Astro)', 'Search index (passage index, Pagefind)', 'Site check', 'Publish'])
      expect(stdout).toContain(stage);
    expect(stdout).toMatch(/Built in \d+\.\d s \(ingest/);
    // Issue 17.1: a binary file is skipped, named in the skipped list with the reason, not parsed.
    expect(stdout).toContain('broken-binary.txt: not text: a NUL byte on line 2 (a binary file)');
    expect(stdout).not.toContain('file not built');
    expect(stderr).not.toContain('[binary-file]');
  });

  test("runs Astro with the project's incremental-build patch applied (npm install fails when it does not apply)", () => {
    expect(stdout).not.toContain('patch is not applied');
  });
});

describe('pages', () => {
  test.each(['/', '/transcripts/', '/speakers/', '/topics/', '/search/', '/404.html'])('%s exists', (path) => {
    expect(exists(site, path.endsWith('/') ? `${path}index.html` : path)).toBe(true);
  });

  test('every transcript, speaker and topic has its page', () => {
    for (const t of archive.transcripts) expect(exists(site, `/transcripts/${t.slug}/index.html`)).toBe(true);
    for (const s of archive.speakers) expect(exists(site, `/speakers/${s.slug}/index.html`)).toBe(true);
    for (const t of archive.topics) expect(exists(site, `/topics/${t.slug}/index.html`)).toBe(true);
  });

  test('the A–Z pages list every speaker and every topic exactly once, and the indexes link to them', () => {
    const linked = (index: string, prefix: string) => {
      const letters = page(site, index)
        .querySelectorAll(`nav a[href^="${prefix}by-name/"]`)
        .map((a) => a.getAttribute('href') ?? '');
      expect(letters.length).toBeGreaterThan(0);
      return letters.flatMap((letter) =>
        page(site, letter)
          .querySelectorAll('main .card-title')
          .map((a) => a.getAttribute('href')),
      );
    };
    const speakers = linked('/speakers/', '/speakers/');
    // A generic label (`Moderator`, `记者`) is a role in one transcript: its page is linked from there, not listed.
    const listed = archive.speakers.filter((s) => s.transcript === undefined);
    expect(speakers.sort()).toEqual(listed.map((s) => `/speakers/${s.slug}/`).sort());
    const topics = linked('/topics/', '/topics/');
    expect(topics.sort()).toEqual(archive.topics.map((t) => `/topics/${t.slug}/`).sort());
  });

  test('pages run only bundled modules and one head script file; data blocks are not code', () => {
    const scripts = (path: string) =>
      page(site, path)
        .querySelectorAll('script')
        .map((el) =>
          el.getAttribute('src')
            ? `${el.getAttribute('type') ?? 'classic'} file`
            : (el.getAttribute('type') ?? 'inline'),
        )
        .sort();
    expect(scripts('/')).toEqual(['classic file', 'module file']);
    expect(scripts('/speakers/qi-yanjun/')).toEqual(['classic file', 'module file']);
    expect(scripts('/search/')).toEqual(['classic file', 'module file', 'module file']);
    expect(scripts('/transcripts/seed-press-conference/')).toEqual([
      'application/json',
      'application/ld+json',
      'classic file',
      'module file',
      'module file',
    ]);
  });
});

describe('the seed transcript page', () => {
  const doc = page(site, '/transcripts/seed-press-conference/');
  const turns = doc.querySelectorAll('section.turn');

  test('has one section per turn, each with a stable id on its speaker heading and a link to itself', () => {
    expect(turns.map((s) => s.querySelector('h3')?.id)).toEqual(['t1', 't2', 't3', 't4']);
    for (const s of turns) {
      const id = s.querySelector('h3')?.id ?? '';
      // `#t2` on its own page: the browser makes it the page's address plus the anchor.
      expect(s.querySelector('a.turn-link')?.getAttribute('href')).toBe(`#${id}`);
    }
  });

  test("names each turn's speaker, whose page the participants list links to", () => {
    expect(turns.map((s) => s.getAttribute('data-speaker'))).toEqual([
      'china-central-television-cctv',
      'qi-yanjun',
      'shou-xiaoli',
      'qi-yanjun',
    ]);
    expect(doc.querySelectorAll('.participants li > a:first-child').map((a) => a.getAttribute('href'))).toEqual([
      '/speakers/china-central-television-cctv/',
      '/speakers/qi-yanjun/',
      '/speakers/shou-xiaoli/',
    ]);
  });

  test('shows the credits and the note in the footer, outside every turn', () => {
    const closing = one(doc, 'footer.closing');
    expect(visibleText(closing)).toContain('Translated and edited by Liu Sitong');
    expect(visibleText(closing)).toContain('the Chinese version is deemed to prevail');
    for (const s of turns) expect(visibleText(s)).not.toContain('Translated and edited');
  });
});

describe('every word survives', () => {
  const plain = archive.transcripts.filter((t) => t.textFormat === 'plain');
  test.each(plain.map((t) => [t.slug, t] as const))(
    '%s: each paragraph is on the page verbatim, in its turn',
    (slug, t) => {
      const doc = page(site, `/transcripts/${slug}/`);
      for (const turn of t.turns) {
        const paragraphs = turnSection(doc, turn.id)
          .querySelectorAll('.turn-body p')
          .map((p) => p.textContent);
        expect(paragraphs).toEqual(turn.paragraphs);
      }
    },
  );
});

describe('hostile text is data', () => {
  const doc = page(site, '/transcripts/hostile/');
  const html = readFileSync(join(site, 'transcripts/hostile/index.html'), 'utf8');

  test('JSX, HTML, imports and Markdown come out exactly as written, line for line', () => {
    const source = readFileSync('tests/fixtures/archive/hostile.txt', 'utf8').trimEnd().split('\n');
    const spoken = source.filter((line) => !/^(Hostile|Second) Speaker:$/.test(line));
    expect(spoken).toHaveLength(10);
    expect(doc.querySelectorAll('.turn-body p').map((p) => p.textContent)).toEqual(spoken);
  });

  test('the title and the MDX summary from metadata are printed verbatim', () => {
    expect(visibleText(one(doc, 'h1'))).toBe('Hostile <script>window.__pwned = 3</script> {title}');
    expect(doc.querySelector('.summary p')?.textContent).toBe(
      "A summary with {braces}, <b>tags</b> and\nimport x from 'y'",
    );
  });

  test('no element, handler or link from the text reaches the page', () => {
    // Only the page's own module and its data blocks (JSON, never executed) are scripts.
    const scripts = doc.querySelectorAll('script');
    // Every script with code is a file of the site's own; the inline ones are data blocks.
    for (const el of scripts.filter((e) => e.getAttribute('src')))
      expect(el.getAttribute('src')).toMatch(/^\/(?:_astro\/|theme\.js$)/);
    const inline = scripts.filter((el) => !el.getAttribute('src'));
    expect(inline.map((el) => el.getAttribute('type')).sort()).toEqual(['application/json', 'application/ld+json']);
    for (const data of inline) {
      expect(data.innerHTML).not.toMatch(/<\/script|<!--/i);
      expect(() => JSON.parse(data.innerHTML)).not.toThrow();
    }
    expect(doc.querySelectorAll('[onerror], img, style, turn, strong, code')).toHaveLength(0);
    expect(doc.querySelectorAll('a[href^="javascript:"]')).toHaveLength(0);
    expect(doc.querySelectorAll('article h1')).toHaveLength(1);
    expect(html).not.toContain('<Turn');
  });
});

describe('data twins', () => {
  const manifest = json<Manifest>(site, '/transcripts.json');

  test('the manifest lists every transcript with its page and twin', () => {
    expect(manifest.schemaVersion).toBe(3);
    expect(manifest.transcripts.map((t) => t.slug).sort()).toEqual(archive.transcripts.map((t) => t.slug).sort());
    for (const entry of manifest.transcripts) {
      expect(exists(site, `${entry.url}index.html`)).toBe(true);
      expect(exists(site, entry.json)).toBe(true);
    }
  });

  test('each twin agrees with its page: the same turns, ids, speakers and paragraphs', () => {
    for (const entry of manifest.transcripts) {
      const twin = json<Twin>(site, entry.json);
      const doc = page(site, entry.url);
      expect(twin.turns.map((t) => t.id)).toEqual(doc.querySelectorAll('section.turn h3').map((h) => h.id));
      expect(twin.turns).toHaveLength(entry.turns);
      expect(twin.url).toBe(entry.url);
      for (const turn of twin.turns) {
        // Schema 3: a turn's address is the transcript's and its id, not repeated in each turn.
        expect(turn).not.toHaveProperty('url');
        expect(twin.speakers.map((s) => s.slug)).toContain(turn.speaker);
      }
    }
  });

  test('the seed twin carries title, speakers with kinds, raw labels, topics and credits', () => {
    const twin = json<Twin>(site, '/transcripts/seed-press-conference.json');
    expect(twin.date).toBeNull();
    expect(twin.speakers.map((s) => [s.slug, s.kind])).toEqual([
      ['china-central-television-cctv', 'organisation'],
      ['qi-yanjun', 'person'],
      ['shou-xiaoli', 'person'],
    ]);
    expect(twin.turns.map((t) => t.label)).toEqual([
      'China Central Television (CCTV)',
      'Qi Yanjun',
      'Shou Xiaoli',
      'Qi Yanjun',
    ]);
    expect(twin.topics.find((t) => t.slug === 'telecom-fraud')?.turns).toEqual(['t2']);
    expect(twin.credits).toHaveLength(1);
    expect(twin.notes).toHaveLength(1);
  });

  test('metadata reaches the twin: title, date, slug and source', () => {
    const twin = json<Twin & { sourceUrl: string; event: string }>(
      site,
      '/transcripts/weekly-briefing-2024-09-05.json',
    );
    expect([twin.title, twin.date, twin.sourceUrl, twin.event]).toEqual([
      'Weekly briefing on cross-border cooperation',
      '2024-09-05',
      'https://example.org/briefings/2024-09-05',
      'Weekly press briefing',
    ]);
  });
});

describe('speaker and topic pages', () => {
  test('a speaker page lists every turn of that speaker, each linking to its place', () => {
    const links = page(site, '/speakers/qi-yanjun/')
      .querySelectorAll('.turn-refs > li > .card-meta > a:first-child')
      .map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/transcripts/seed-press-conference/#t2', '/transcripts/seed-press-conference/#t4']);
  });

  test('a topic page lists its turns with the terms that filed them', () => {
    const doc = page(site, '/topics/telecom-fraud/');
    const links = doc
      .querySelectorAll('.turn-refs > li > .card-meta > a:first-child')
      .map((a) => a.getAttribute('href'));
    // Each link carries the terms, so the transcript marks them on arrival.
    expect(links).toContain('/transcripts/seed-press-conference/?highlight=Telecom%20fraud#t2');
    expect(visibleText(one(doc, '.evidence'))).toContain('Telecom fraud');
  });

  test('every internal link and #anchor on every page resolves', () => {
    const pages = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    // Each target page parsed once, however many links point into it.
    const ids = new Map<string, Set<string>>();
    const idsOf = (path: string): Set<string> => {
      let found = ids.get(path);
      if (!found) {
        found = new Set(
          page(site, path)
            .querySelectorAll('[id]')
            .map((el) => el.id),
        );
        ids.set(path, found);
      }
      return found;
    };
    let checked = 0;
    for (const file of pages) {
      const doc = page(site, `/${file}`.replace(/index\.html$/, ''));
      for (const a of doc.querySelectorAll('a[href^="/"]')) {
        const [address = '', anchor] = (a.getAttribute('href') ?? '').split('#');
        const path = address.split('?')[0] ?? '';
        const target = path.endsWith('/') ? `${path}index.html` : path;
        // A recording beside the site is published by its owner, not by the build (see check-links.ts).
        if (!exists(site, target) && mediaKind(path) !== 'link') continue;
        expect(exists(site, target), `${file} → ${path}`).toBe(true);
        if (anchor) expect(idsOf(path).has(anchor), `${file} → ${path}#${anchor}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('the search index', () => {
  test('Pagefind wrote its index, with a page per transcript and language version, or per part of a long one', () => {
    expect(exists(site, '/pagefind/pagefind.js')).toBe(true);
    const entry = json<{ languages: Record<string, { page_count: number }> }>(site, '/pagefind/pagefind-entry.json');
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    const twins = archive.transcripts.map((t) => json<SearchTwin>(site, `/transcripts/${t.slug}.json`));
    expect(pages).toBe(twins.reduce((n, twin) => n + searchPages(twin).length, 0));
    // The long Markdown transcript is indexed in parts; the others are one page a language.
    expect(pages).toBeGreaterThan(archive.transcripts.reduce((n, t) => n + 1 + t.versions.length, 0));
  });
});

describe('speakers, outlets and exchanges', () => {
  test('the transcript lists its exchanges in its outline, each with an anchor', () => {
    const doc = page(site, '/transcripts/seed-press-conference/');
    const toc = one(doc, '#outline')
      .querySelectorAll('a[data-outline-part]')
      .map((a) => [a.getAttribute('href'), a.textContent]);
    expect(toc).toEqual([
      ['#e1', 'Question 1 · China Central Television'],
      ['#e2', 'Moderator'],
      ['#e3', 'Remarks'],
    ]);
    for (const [id] of toc) expect(doc.getElementById((id ?? '').slice(1))).not.toBeNull();
  });

  test('an outlet’s page lists the questions it asked, with the answer’s first lines', () => {
    const doc = page(site, '/speakers/china-central-television-cctv/');
    expect(visibleText(one(doc, '#questions-h'))).toBe('Questions asked (1)');
    const answer = one(doc, '.answer');
    expect(visibleText(answer)).toMatch(/^Qi Yanjun answered: Thank you for your question\./);
    expect(one(answer, 'a').getAttribute('href')).toBe('/transcripts/seed-press-conference/#t2');
  });

  test('a speaker page shows, for each answer, the question it answered', () => {
    const doc = page(site, '/speakers/qi-yanjun/');
    expect(visibleText(one(doc, '.turn-refs .evidence'))).toMatch(
      /^Answering China Central Television: “According to the resolution/,
    );
  });

  test('registry details reach the speaker page: roles with dates, affiliation, MDX bio', () => {
    const doc = page(site, '/speakers/jane-doe/');
    expect(visibleText(one(doc, '.lede'))).toContain('Person, Ministry of Examples');
    expect(visibleText(one(doc, '#roles-h + ul'))).toBe('Spokesperson · March 2023 to January 2025');
    expect(one(doc, '.bio em').textContent).toBe('example');
    expect(one(doc, '.bio a').getAttribute('href')).toBe('https://example.org/briefings');
  });

  test('charts are inline SVG images with a text alternative, and the figures as a table', () => {
    const doc = page(site, '/transcripts/seed-press-conference/');
    // One drawing for wide screens and one for narrow ones; CSS shows one of them.
    const drawings = one(doc, 'figure.chart').querySelectorAll('svg');
    expect(drawings.map((svg) => svg.getAttribute('class'))).toEqual(['chart-wide', 'chart-narrow']);
    for (const svg of drawings) {
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')).toMatch(/^Speaking share by speaker: Qi Yanjun: 560 words \(87%\)/);
      expect(svg.querySelectorAll('rect')).toHaveLength(3);
    }
    expect(one(doc, 'figure.chart table').querySelectorAll('tbody tr')).toHaveLength(3);
  });

  test('a topic page shows who spoke about it, and why each turn is filed there', () => {
    const doc = page(site, '/topics/telecom-fraud/');
    expect(doc.querySelectorAll('figure.chart figcaption').map((f) => f.textContent)).toContain('Turns by speaker');
    expect(visibleText(one(doc, '.evidence'))).toMatch(/^Filed here for: “?Telecom fraud/);
  });
});
