/**
 * Recordings: where a `media:` address resolves (`mediaBase`, `--media-base`),
 * what the page plays and what it only links to, the Content-Security-Policy
 * that lets exactly that recording load, and times in citations and twins.
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, mediaBaseFor, parseArchiveConfig } from '../../scripts/core/archive-config.ts';
import { cite, turnTarget } from '../../scripts/core/cite.ts';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, headerPolicy } from '../../scripts/core/csp.ts';
import { MediaRefSchema, TranscriptMetaSchema, TranscriptSchema } from '../../scripts/core/schema.ts';
import { transcriptToText } from '../../scripts/core/to-data.ts';
import { transcriptToManifestEntry, transcriptToTwin } from '../../scripts/core/to-twin.ts';
import { mediaAt, mediaKind, mediaSource, playerSources, resolveMedia } from '../../scripts/core/urls.ts';
import { parseCli } from '../../scripts/lib/cli.ts';

describe('a relative media: address resolves against mediaBase', () => {
  test.each([
    ['town-hall.mp3', 'https://media.example.org/briefings/', 'https://media.example.org/briefings/town-hall.mp3'],
    ['town-hall.mp3', 'https://media.example.org/briefings', 'https://media.example.org/briefings/town-hall.mp3'],
    ['2024/town hall.mp3', 'https://media.example.org/', 'https://media.example.org/2024/town%20hall.mp3'],
    ['town-hall.mp3', '/media/', '/media/town-hall.mp3'],
    ['town-hall.mp3', '/archive/', '/archive/town-hall.mp3'],
    [
      '/recordings/town-hall.mp3',
      'https://media.example.org/briefings/',
      'https://media.example.org/recordings/town-hall.mp3',
    ],
    ['town-hall.mp3', undefined, '/town-hall.mp3'],
  ])('%s against %s is %s', (media, base, resolved) => {
    expect(resolveMedia(media, base)).toBe(resolved);
  });

  test('a web address stays as it is, whatever the base', () => {
    expect(resolveMedia('https://cdn.example.net/a.mp3', '/media/')).toBe('https://cdn.example.net/a.mp3');
    expect(resolveMedia('http://cdn.example.net/a.mp3', 'https://media.example.org/')).toBe(
      'http://cdn.example.net/a.mp3',
    );
  });

  test('metadata accepts a web address or a relative path, never a scheme, the root, another host or a parent folder', () => {
    for (const ok of ['town-hall.mp3', '2024/03/town-hall.mp3', 'https://example.org/a.mp3']) {
      expect(MediaRefSchema.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of [
      'javascript:alert(1)',
      'data:audio/wav;base64,AAAA',
      '//evil.example/a.mp3',
      '../secret.mp3',
      'a/../../b.mp3',
      'a b.mp3',
      'ftp://example.org/a.mp3',
    ]) {
      expect(MediaRefSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(TranscriptMetaSchema.safeParse({ media: 'town-hall.wav' }).success).toBe(true);
  });

  test('archive.config.yaml: mediaBase, a web address or a path on the site; --media-base wins for one build', () => {
    expect(parseArchiveConfig('mediaBase: https://media.example.org/\n')).toEqual({
      config: { ...DEFAULT_CONFIG, mediaBase: 'https://media.example.org/' },
    });
    expect(parseArchiveConfig('mediaBase: /media/\n')).toEqual({ config: { ...DEFAULT_CONFIG, mediaBase: '/media/' } });
    const bad = parseArchiveConfig('name: A\nmediaBase: javascript:alert(1)\n');
    expect('problems' in bad && bad.problems.map((p) => [p.code, p.line])).toEqual([['invalid-config', 2]]);
    const config = { ...DEFAULT_CONFIG, mediaBase: '/media/' };
    expect(mediaBaseFor(config, 'https://cdn.example.org/')).toBe('https://cdn.example.org/');
    expect(mediaBaseFor(config, undefined)).toBe('/media/');
    expect(mediaBaseFor(DEFAULT_CONFIG, undefined)).toBeUndefined();
  });

  test('--media-base on the command line: checked like the config field', () => {
    const ok = parseCli(['--media-base', 'https://media.example.org/']);
    expect('error' in ok ? ok.error : ok.mediaBase).toBe('https://media.example.org/');
    expect(parseCli([])).not.toHaveProperty('mediaBase');
    const bad = parseCli(['--media-base', 'javascript:alert(1)']);
    expect('error' in bad && bad.error).toMatch(/^--media-base: `javascript:alert\(1\)` is neither a web address/);
  });
});

describe('what the page plays, and the links to a moment', () => {
  test.each([
    ['https://example.org/town-hall.mp3', 'audio'],
    ['/media/town-hall.WAV', 'audio'],
    ['https://example.org/briefing.mp4?v=2', 'video'],
    ['https://example.org/briefing.webm', 'video'],
    ['https://www.youtube.com/watch?v=abc', 'link'],
    ['https://youtu.be/abc', 'link'],
    ['https://vimeo.com/12345', 'link'],
    ['https://player.vimeo.com/video/1.mp4', 'link'],
    ['https://example.org/stream', 'link'],
  ] as const)('%s: %s', (media, kind) => {
    expect(mediaKind(media)).toBe(kind);
  });

  test('a time link: the media fragment for files (a path stays a path), YouTube’s t= parameter', () => {
    expect(mediaAt('https://example.org/a.mp3', 65.7)).toBe('https://example.org/a.mp3#t=65.7');
    expect(mediaAt('https://example.org/a.mp3', 65)).toBe('https://example.org/a.mp3#t=65');
    expect(mediaAt('/media/a.mp3', 723)).toBe('/media/a.mp3#t=723');
    expect(mediaAt('https://www.youtube.com/watch?v=abc', 634.9)).toBe('https://www.youtube.com/watch?v=abc&t=634s');
  });
});

describe('Content-Security-Policy media-src', () => {
  test('a page plays exactly its recording’s origin; one on the site itself is self; a linked one adds nothing', () => {
    expect(mediaSource('https://media.example.org:8443/a/b.mp3')).toBe('https://media.example.org:8443');
    expect(mediaSource('/media/a.mp3')).toBe("'self'");
    expect(playerSources('https://media.example.org/a.mp3')).toEqual(['https://media.example.org']);
    expect(playerSources('https://www.youtube.com/watch?v=abc')).toEqual([]);
    expect(playerSources(undefined)).toEqual([]);
    expect(contentSecurityPolicy(['https://media.example.org'])).toBe(
      `${CONTENT_SECURITY_POLICY}; media-src https://media.example.org`,
    );
    expect(contentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/media-src/);
  });

  test("the host's header allows the union of the archive's origins, once each, in a stable order", () => {
    expect(headerPolicy(['https://b.example', "'self'", 'https://b.example'])).toBe(
      `${CONTENT_SECURITY_POLICY}; media-src 'self' https://b.example; frame-ancestors 'none'`,
    );
  });
});

describe('times in citations', () => {
  const transcript = {
    title: 'Town hall',
    date: '2024-03-14',
    url: 'https://a.example/transcripts/town-hall/',
    archive: 'Archive',
  };
  const turn = turnTarget(transcript, {
    id: 't3',
    url: 'https://a.example/transcripts/town-hall/#t3',
    speaker: { name: 'Lena Ortiz', kind: 'person' },
    quote: 'Questions from the floor, please.',
    at: '12:03',
  });

  test('a turn with a start time is cited "at 12:03", and APA and MLA put the time in the in-text citation', () => {
    expect(cite(turn, 'apa')).toContain('(Ortiz, 2024, 12:03)');
    expect(cite(turn, 'apa')).toContain('Town hall, turn t3 at 12:03 [Transcript]');
    expect(cite(turn, 'mla')).toContain('(Ortiz 12:03)');
    expect(cite(turn, 'chicago-note')).toContain('“Town hall, turn t3 at 12:03,”');
    expect(cite(turn, 'ris')).toContain('TI  - Town hall, turn t3 at 12:03');
  });

  test('without a time, nothing changes', () => {
    const { at: _, ...untimed } = turn;
    expect(cite(untimed, 'apa')).not.toMatch(/ at |12:03/);
  });
});

describe('times in the twins', () => {
  const turns = [
    { id: 't1', speaker: 'anna', label: 'Anna', paragraphs: ['Hello.'], line: 1, start: 65, earlier: [] },
    { id: 't2', speaker: 'ben', label: 'Ben', paragraphs: ['Hi.'], line: 2, earlier: [] },
  ];
  const t = TranscriptSchema.parse({
    slug: 'town-hall',
    title: 'Town hall',
    titleSource: 'metadata',
    media: 'https://media.example.org/town-hall.mp3',
    source: { file: 'town-hall.txt', format: 'inline-labels', hash: 'x' },
    participants: [],
    turns,
    words: 2,
  });

  test('the plain-text twin names the recording and each timed turn’s time', () => {
    const text = transcriptToText(t, new Map());
    expect(text).toContain('Recording: https://media.example.org/town-hall.mp3');
    expect(text).toContain('Anna [t1 at 1:05]:\nHello.');
    expect(text).toContain('Ben [t2]:\nHi.');
  });

  test('the JSON twin gives each turn its start and end; the manifest line names the recording', () => {
    const twin = transcriptToTwin(t, new Map(), new Map());
    expect(twin.turns.map((turn) => [turn.id, turn.start, turn.end])).toEqual([
      ['t1', 65, null],
      ['t2', null, null],
    ]);
    expect(transcriptToManifestEntry(t).media).toBe('https://media.example.org/town-hall.mp3');
  });
});
