/**
 * Every input format through the real build (tests/fixtures/archive): turns,
 * speakers, sections, annotations, start times and languages on the page.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { describe, expect, inject, test } from 'vitest';
import { ingestArchive } from '../../scripts/core/ingest-archive.ts';
import { markdownToHtml } from '../../scripts/core/render-paragraph.ts';
import { wordsOf } from '../../scripts/core/text.ts';
import { readSeeds } from '../../scripts/ingest/read-seeds-fs.ts';
import { json, one, page, turnSection, visibleText } from '../helpers/site.ts';

const { site } = inject('fixtureBuild');
const archive = ingestArchive(await readSeeds('tests/fixtures/archive'));
const bySlug = new Map(archive.transcripts.map((t) => [t.slug, t]));

test('each format family is in the fixture build', () => {
  const formats = new Set(archive.transcripts.map((t) => t.source.format));
  for (const f of ['label-lines', 'markdown', 'webvtt', 'srt', 'diarized-json']) expect(formats).toContain(f);
});

describe.each(archive.transcripts.map((t) => [t.slug, t.source.format] as const))('%s (%s)', (slug) => {
  const t = bySlug.get(slug);
  const doc = page(site, `/transcripts/${slug}/`);

  test('has one turn section per turn, in order, each with its speaker', () => {
    const headings = doc.querySelectorAll('section.turn h3');
    expect(headings.map((h) => h.id)).toEqual(t?.turns.map((turn) => turn.id));
    const names = new Map(archive.speakers.map((s) => [s.slug, s.name]));
    expect(headings.map((h) => visibleText(h))).toEqual(t?.turns.map((turn) => names.get(turn.speaker)));
  });

  test('every spoken word of every turn is on the page, in its turn', () => {
    // Markdown's spoken text is what it renders to: link text is speech, a link's URL is not.
    const spoken = (p: string) => (t?.textFormat === 'markdown' ? parse(markdownToHtml(p)).textContent : p);
    for (const turn of t?.turns ?? []) {
      const body = one(turnSection(doc, turn.id), '.turn-body');
      const onPage = wordsOf(body.structuredText).map((w) => w.toLowerCase());
      const said = wordsOf(turn.paragraphs.map(spoken).join(' ')).map((w) => w.toLowerCase());
      expect(onPage, turn.id).toEqual(said);
    }
  });

  test('sections have anchors on the page', () => {
    for (const s of t?.sections ?? []) expect(doc.getElementById(s.id)?.textContent).toBe(s.title);
  });

  test('the page carries the transcript’s language', () => {
    expect(one(doc, 'article').getAttribute('lang')).toBe(t?.language);
  });
});

describe('format details on the page', () => {
  test('WebVTT: a voice’s consecutive cues are one turn, with its start time as a play link', () => {
    const doc = page(site, '/transcripts/interview/');
    const first = one(doc, 'section.turn');
    expect(visibleText(one(first, 'h3'))).toBe('Anna Berg');
    expect(visibleText(one(first, '.turn-body'))).toContain(
      'Good morning, and welcome to the weekly briefing. Our first guest',
    );
    expect(one(first, 'a.turn-time').getAttribute('href')).toBe('https://example.org/interview.mp4#t=1');
  });

  test('Markdown: links and emphasis are kept, `**Break:**` is a section, timestamps are turn times', () => {
    const doc = page(site, '/transcripts/changelog-news-4/');
    expect(
      doc.querySelector('.turn-body a[href="https://www.learnui.design/blog/spice-up-designs.html"]'),
    ).not.toBeNull();
    expect(doc.querySelectorAll('h2.section-heading').map((h) => h.textContent)).toContain('Break');
    const opReturn = page(site, '/transcripts/op-return/');
    expect(visibleText(one(opReturn, 'section.turn .turn-time'))).toBe('Play from 0:19');
    expect(visibleText(one(opReturn, '#outline .outline-parts'))).toContain('OP_RETURN War');
  });

  test('annotations are shown, marked, and left out of the word count', () => {
    const doc = page(site, '/transcripts/press-conference-zh/');
    expect(doc.querySelector('.annotation')?.textContent).toBe('（笑声）');
    const twin = json<{ speakers: { words: number }[] }>(site, '/transcripts/press-conference-zh.json');
    expect(twin.speakers.length).toBe(3);
  });

  test('SRT and diarized JSON name their speakers', () => {
    const srt = json<{ speakers: { name: string }[] }>(site, '/transcripts/hearing.json');
    expect(srt.speakers.length).toBeGreaterThanOrEqual(2);
    const meeting = json<{ turns: { speaker: string }[] }>(site, '/transcripts/meeting.json');
    expect(new Set(meeting.turns.map((t) => t.speaker)).size).toBeGreaterThanOrEqual(2);
  });

  test('the WebVTT header fields are not mistaken for speech', () => {
    const html = readFileSync(`${site}/transcripts/interview/index.html`, 'utf8');
    expect(html).not.toContain('Captions corrected by hand');
  });
});
