/**
 * The built fixture site's front page, "About this archive", Markdown markup,
 * topic excerpts and chart links: what a reader sees in the HTML.
 */
import { describe, expect, inject, test } from 'vitest';
import { exists, one, page, visibleText } from '../helpers/site.ts';

const { site } = inject('fixtureBuild');

describe('the front page', () => {
  const home = page(site, '/');

  test('says what the collection holds: figures, date span, most heard, busiest topics', () => {
    const text = visibleText(one(home, 'main'));
    expect(text).toMatch(/From 30 January 2020 to 5 September 2024/);
    expect(visibleText(one(home, '#voices-h').parentNode as never)).toContain('Sjors Provoost');
    const voices = home.querySelectorAll('section[aria-labelledby="voices-h"] li a').map((a) => visibleText(a));
    for (const generic of ['Q', 'A', 'Speaker 1']) expect(voices).not.toContain(generic);
    const topics = home.querySelectorAll('section[aria-labelledby="topics-h"] li a').map((a) => visibleText(a));
    expect(topics.length).toBeGreaterThan(3);
    // The search example is the busiest topics' names, not a fixed phrase.
    expect(one(home, '#home-q').getAttribute('placeholder')).toBe(`e.g. ${topics.slice(0, 2).join(' or ')}`);
    expect(one(home, 'a[href="/about/"]')).toBeTruthy();
  });

  test('every page names a favicon that exists', () => {
    expect(home.querySelectorAll('link[rel="icon"]').map((l) => l.getAttribute('href'))).toEqual([
      '/favicon.svg',
      '/favicon.ico',
    ]);
    expect(exists(site, '/favicon.svg') && exists(site, '/favicon.ico')).toBe(true);
  });
});

test('"About this archive" renders seeds/about.md, its HTML as text, and it is no transcript', () => {
  const about = page(site, '/about/');
  expect(visibleText(one(about, 'h1'))).toBe('About the fixture archive');
  expect(one(about, '.prose a[href="/transcripts/seed-press-conference/"]')).toBeTruthy();
  expect(visibleText(one(about, '.prose'))).toContain('<script>window.__aboutRan = true</script> stays text.');
  expect(about.querySelectorAll('script').some((s) => s.textContent.includes('__aboutRan'))).toBe(false);
  expect(exists(site, '/transcripts/about/')).toBe(false);
});

test('markup from a Markdown source is rendered on the page and stripped in titles, headings and excerpts', () => {
  const doc = page(site, '/transcripts/markup/');
  expect(visibleText(one(doc, 'h1'))).toBe('Workshop on OP_CHECKTEMPLATEVERIFY');
  expect(visibleText(one(doc, 'title'))).toMatch(/^Workshop on OP_CHECKTEMPLATEVERIFY/);
  expect(visibleText(one(doc, 'h2.section-heading'))).toBe('Why OP_CHECKTEMPLATEVERIFY');
  const turn = doc.querySelectorAll('section.turn').find((s) => visibleText(one(s, 'h3')) === 'Andrew Poelstra');
  const body = one(turn ?? doc, '.turn-body');
  expect(body.querySelector('sup')?.textContent).toBe('u');
  expect(body.querySelector('sub')?.textContent).toBe('N');
  expect(body.querySelector('code.math')?.textContent).toBe('A_0 = g');
  expect(visibleText(body)).toContain('costs $5 and $10');
  const listing = visibleText(one(page(site, '/speakers/andrew-poelstra/'), '.turn-refs'));
  expect(listing).toContain('starts at A_0 = g and the proof is A = g^u with Z_N');
  expect(visibleText(one(page(site, '/transcripts/'), 'main'))).not.toContain('\\_');
});

test("a topic's excerpts show and mark the words that filed them, and their links carry the highlight", () => {
  const doc = page(site, '/topics/telecom-fraud/');
  const items = doc.querySelectorAll('.turn-refs > li');
  expect(items.length).toBeGreaterThan(1);
  for (const li of items) {
    const marks = li.querySelectorAll('blockquote mark').map((m) => visibleText(m).toLowerCase().replace(/\W+/g, ' '));
    expect(marks.length, visibleText(li)).toBeGreaterThan(0);
    for (const m of marks) expect(m).toBe('telecom fraud');
    expect(li.querySelector('.card-meta a')?.getAttribute('href')).toMatch(/\?highlight=Telecom%20fraud#t\d+$/);
  }
});

test('chart bars on speaker and topic pages link to that speaker’s turns on that topic', () => {
  const speaker = page(site, '/speakers/qi-yanjun/');
  const bars = speaker.querySelectorAll('svg.chart-wide a.chart-link');
  expect(bars.length).toBeGreaterThan(0);
  for (const a of bars) {
    const url = new URL(a.getAttribute('href') ?? '', 'https://x/');
    expect(url.pathname).toBe('/search/');
    expect(url.searchParams.get('speaker')).toBe('Qi Yanjun');
    expect(url.searchParams.get('topic')).toBeTruthy();
    expect(a.querySelector('title')?.textContent).toMatch(/^.+: \d+ turns?$/);
  }
  const topic = page(site, '/topics/telecom-fraud/');
  const first = topic.querySelector('svg.chart-wide a.chart-link')?.getAttribute('href') ?? '';
  expect(new URL(first, 'https://x/').searchParams.get('topic')).toBe('Telecom fraud');
});

test('a turn carries only what reading needs: its permanent link is `#id`, nothing repeats the page or the heading', () => {
  const doc = page(site, '/transcripts/seed-press-conference/');
  const turns = doc.querySelectorAll('section.turn');
  expect(turns.length).toBeGreaterThan(3);
  for (const turn of turns) {
    const heading = one(turn, '.turn-head > h3');
    const link = one(turn, '.turn-head > a.turn-link');
    // The page's address is the browser's to add; the "#" is drawn by CSS; the heading names the speaker.
    expect(link.getAttribute('href')).toBe(`#${heading.id}`);
    expect(link.innerHTML).toBe(heading.id);
    expect(heading.hasAttribute('class')).toBe(false);
    expect(turn.querySelectorAll('.visually-hidden')).toHaveLength(0);
  }
  // The copy buttons of the page's citations are the script's to add, not hidden markup.
  expect(doc.querySelectorAll('.cite-block button')).toHaveLength(0);
});
