/**
 * A seeds folder of hostile and broken input, written into a temporary folder
 * at test time (the big files are never committed), with the outcome each
 * file must have: a page whose text is the source's, verbatim, or an error
 * that names the file (and the line, where there is one).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { toDiarizedJson, toLabelLines, toMarkdown, turnsArb } from './arbitraries.ts';

export type Outcome =
  | { file: string; page: string; format: 'plain' | 'markdown' }
  /** `reported`: the file the error names, when it is not the transcript (its metadata file). */
  | { file: string; error: string; line?: number; reported?: string }
  /** Not a regular file, or not text: listed as skipped with this reason, never parsed. */
  | { file: string; skipped: string };

/** Markup in a transcript's title and summary: text on every page and feed, never elements. */
export const FEED_TITLE = '<script>window.__pwned=20</script> ]]> & "quoted"';
export const FEED_SUMMARY = '<img src=x onerror=window.__pwned=19> ]]><![CDATA[ &amp;';

/** Seed of the generated sample that goes through the real build. */
export const FUZZ_BUILD_SEED = 20261126;
export const FUZZ_BUILD_COUNT = 24;

const utf16 = (text: string, le: boolean): Buffer => {
  const body = Buffer.from(text, 'utf16le');
  if (!le) body.swap16();
  return Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
};

/** Writes the hostile seeds into `dir` and returns what must become of each file. */
export function writeHostileSeeds(dir: string): Outcome[] {
  const outcomes: Outcome[] = [];
  const put = (file: string, content: string | Uint8Array) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  };
  const page = (file: string, content: string | Uint8Array, slug: string, format: 'plain' | 'markdown' = 'plain') => {
    put(file, content);
    outcomes.push({ file, page: slug, format });
  };
  /** A file that is not text: skipped and listed with the line of its first NUL byte, never parsed. */
  const binary = (file: string, content: string | Uint8Array, line: number) => {
    put(file, content);
    outcomes.push({ file, skipped: `not text: a NUL byte on line ${line} (a binary file)` });
  };
  const error = (file: string, content: string | Uint8Array, code: string, line?: number, reported?: string) => {
    put(file, content);
    outcomes.push({
      file,
      error: code,
      ...(line === undefined ? {} : { line }),
      ...(reported === undefined ? {} : { reported }),
    });
  };

  page(
    'jsx-and-mdx.txt',
    [
      'Anna Berg:',
      '{props.secret} and {`template`} and {/* a comment */}',
      '<Component/> <Turn speaker="x">inside</Turn> <>fragment</>',
      "import x from 'y'",
      'export const a = 1; export default function () {}',
      'Second Speaker:',
      '{{double}} }{ <!-- not a comment --> &amp; &lt;b&gt; &#x41;',
    ].join('\n'),
    'jsx-and-mdx',
  );
  page(
    'html-and-script.txt',
    [
      'Anna Berg:',
      '<script>window.__pwned = 1</script>',
      '<img src=x onerror="window.__pwned = 2"> <svg onload="window.__pwned = 3">',
      '</p></section></article><iframe src="javascript:window.__pwned=4"></iframe>',
      '<a href="javascript:window.__pwned=5">click me</a> <style>body{display:none}</style>',
      "\"><script>window.__pwned = 6</script> ' onmouseover='window.__pwned=7",
    ].join('\n'),
    'html-and-script',
  );
  page(
    'markdown-in-plain-text.txt',
    [
      'Anna Berg:',
      '[click](javascript:window.__pwned=8) and ![pixel](https://evil.example/pixel.png)',
      '**not bold** _not italic_ `not code` <https://example.org/not-a-link>',
      '# not a heading',
      '> not a quote',
      '1. not a list',
    ].join('\n'),
    'markdown-in-plain-text',
  );
  page(
    'links.md',
    [
      '---',
      'title: Links in a Markdown transcript',
      '---',
      '',
      '**Anna Berg:** A [javascript link](javascript:window.__pwned=9), a [mixed-case one](JaVaScRiPt:window.__pwned=10),',
      'an [entity one](&#106;avascript:window.__pwned=11), a [data one](data:text/html,hi), an autolink',
      '<javascript:window.__pwned=12>, a [reference][evil], a [relative one](/elsewhere/page/) and a',
      '[good one](https://example.org/talk).',
      '',
      '[evil]: javascript:window.__pwned=13',
      '',
      '**Bo Chen:** An image ![tracking pixel](https://evil.example/pixel.png) and a',
      '[![logo](https://evil.example/logo.png)](https://example.org/) and raw <img src=x onerror=window.__pwned=14>.',
    ].join('\n'),
    'links',
    'markdown',
  );
  error('big-transcript.txt', bigTranscript(50 * 1024 * 1024), 'file-too-large');
  page('one-line.txt', oneLine(1024 * 1024), 'one-line');
  error('empty.txt', '', 'empty-file', 1);
  error('whitespace.txt', ' \n\t\n   \r\n\u00a0\n', 'empty-file', 1);
  binary(
    'binary.txt',
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    3,
  );
  error(
    'invalid-utf8.txt',
    Buffer.concat([Buffer.from('Anna Berg:\nFine here.\nBroken '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\n')]),
    'invalid-encoding',
    3,
  );
  page('utf16-le.txt', utf16('Zoë Ångström:\nGrüße aus Köln, 王毅 said “hello”.\n', true), 'utf16-le');
  page('utf16-be.txt', utf16('Zoë Ångström:\nA second file, big-endian.\n', false), 'utf16-be');
  error('utf16-no-bom.txt', utf16('Anna Berg:\nNo byte order mark here.\n', true).subarray(2), 'invalid-encoding', 1);
  binary('nul-bytes.txt', 'Anna Berg:\nFirst line.\nA NUL \u0000 here.\n', 3);
  page(
    'every-line-a-colon.txt',
    'Anna Berg:\nFirst point:\nSecond point:\nWhat about this:\nBo Chen:\nAnd then:\nNothing else:\n',
    'every-line-a-colon',
  );
  page('same-slug.txt', 'Anna Berg:\nI came first.\n', 'same-slug');
  error('same/slug.txt', 'Anna Berg:\nI want the same address.\n', 'duplicate-slug');
  put('bad-metadata.yaml', 'title: [unclosed\ndate: 2024-01-01\n');
  error('bad-metadata.txt', 'Anna Berg:\nMy metadata is broken.\n', 'invalid-metadata', 2, 'bad-metadata.yaml');
  put('javascript-source.yaml', "title: A source that runs code\nsource: 'javascript:window.__pwned=15'\n");
  error(
    'javascript-source.txt',
    'Anna Berg:\nMy source link is hostile.\n',
    'invalid-metadata',
    2,
    'javascript-source.yaml',
  );
  page(
    'bad-front-matter.md',
    '---\ntitle: [unclosed\nspeakers: {\n---\n\n**Anna Berg:** The front matter above is broken.\n',
    'bad-front-matter',
    'markdown',
  );
  page(
    'punctuation-labels.txt',
    '?!:\nOnly punctuation above.\n...:\nDots above.\nꓐ:\nA letter that transliterates to nothing.\nAnna Berg:\nA real one.\n',
    'punctuation-labels',
  );
  page('thousands-of-speakers.txt', thousandsOfSpeakers(2000), 'thousands-of-speakers');
  page(
    'subtitles.vtt',
    'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Anna Berg><script>window.__pwned=16</script> {props.x}\n\n00:00:05.000 --> 00:00:08.000\n<v Bo Chen>A &lt;b&gt; tag and <b>real bold</b> cue markup.\n',
    'subtitles',
  );
  page(
    'subtitles-srt.srt',
    '1\n00:00:01,000 --> 00:00:04,000\nANNA BERG: <img src=x onerror=window.__pwned=17> {x}\n\n2\n00:00:05,000 --> 00:00:08,000\nBO CHEN: export const b = 2\n',
    'subtitles-srt',
  );
  page(
    'diarized.json',
    JSON.stringify({
      segments: [
        { speaker: '</script><script>window.__pwned=18</script>', start: 0, end: 2, text: '{props.y} <Turn/>' },
        { speaker: 'SPEAKER_01', start: 2, end: 4, text: "import z from 'z'" },
      ],
    }),
    'diarized',
  );
  error('broken.json', '{"segments": [{"speaker": "A", "text": "unterminated', 'invalid-json', 1);

  // Metadata that would write outside the site, break the search index, or publish an impossible date.
  put('language-traversal.yaml', 'title: Escape\nlanguage: "../../../../../../../elsewhere/x"\n');
  error(
    'language-traversal.txt',
    'Anna Berg:\nMy language is a path.\n',
    'invalid-metadata',
    2,
    'language-traversal.yaml',
  );
  put('language-overlong.yaml', `language: ${'x'.repeat(40)}\n`);
  error(
    'language-overlong.txt',
    'Anna Berg:\nMy language is too long.\n',
    'invalid-metadata',
    1,
    'language-overlong.yaml',
  );
  put('impossible-date.yaml', 'title: A day that never was\ndate: 2024-02-30\n');
  error(
    'impossible-date.txt',
    'Anna Berg:\nOn the thirtieth of February.\n',
    'invalid-metadata',
    2,
    'impossible-date.yaml',
  );
  put('misnamed-key.yaml', 'title: Misnamed\nsourceUrl: https://example.org/\n');
  error('misnamed-key.txt', 'Anna Berg:\nMy source key is misspelt.\n', 'invalid-metadata', 2, 'misnamed-key.yaml');
  const bomb = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  ];
  put('alias-bomb.yaml', `${bomb.join('\n')}\n`);
  error('alias-bomb.txt', 'Anna Berg:\nMy metadata is a billion laughs.\n', 'invalid-metadata', 2, 'alias-bomb.yaml');
  // Markup in metadata: shown as text on the page and in the feeds.
  put('feed-markup.yaml', `title: ${JSON.stringify(FEED_TITLE)}\nsummary: ${JSON.stringify(FEED_SUMMARY)}\n`);
  page('feed-markup.txt', 'Anna Berg:\nMy title and summary are markup.\n', 'feed-markup');
  // A speaker name that a bidi override would display as another name, and times that are not times.
  page(
    'bidi-and-times.json',
    JSON.stringify([
      { speaker: '\u202Enujnay iq\u202C', start: 'NaN', end: 1, text: 'A name written backwards.' },
      { speaker: 'SPEAKER_01', start: -5, end: 2, text: 'A time before the start.' },
    ]),
    'bidi-and-times',
  );
  // Past 2 GiB (sparse: no disk used): a whole read would throw; it is refused by its size.
  put('sparse-3gb.txt', '');
  truncateSync(join(dir, 'sparse-3gb.txt'), 3 * 1024 ** 3);
  outcomes.push({ file: 'sparse-3gb.txt', error: 'file-too-large' });
  // Not regular files: listed as skipped, never opened (a FIFO would block a read forever).
  execFileSync('mkfifo', [join(dir, 'named-pipe.txt')]);
  outcomes.push({ file: 'named-pipe.txt', skipped: 'a named pipe (FIFO), not a regular file: not opened' });
  symlinkSync('/etc/passwd', join(dir, 'linked.txt'));
  outcomes.push({
    file: 'linked.txt',
    skipped: 'a symbolic link: not followed; put the file itself in the seeds folder',
  });
  put('.hidden.txt', 'Anna Berg:\nHidden.\n');
  outcomes.push({ file: '.hidden.txt', skipped: 'a hidden file (its name starts with a dot): not read' });

  // A sample of the fuzz generator through the real build, in three formats.
  const samples = fc.sample(turnsArb, { seed: FUZZ_BUILD_SEED, numRuns: FUZZ_BUILD_COUNT });
  samples.forEach((turns, i) => {
    const n = String(i + 1).padStart(2, '0');
    const kind = i % 3;
    if (kind === 0) page(`fuzz/fuzz-${n}.txt`, toLabelLines(turns), `fuzz-fuzz-${n}`);
    else if (kind === 1) page(`fuzz/fuzz-${n}.md`, toMarkdown(turns), `fuzz-fuzz-${n}`, 'markdown');
    else page(`fuzz/fuzz-${n}.json`, toDiarizedJson(turns), `fuzz-fuzz-${n}`);
  });
  return outcomes;
}

/** A transcript of about `bytes` bytes: one speaker, many numbered paragraphs. */
function bigTranscript(bytes: number): Buffer {
  const line = (i: number) => `Paragraph ${i} of a very long hearing, with many words in it.\n`;
  const parts: string[] = ['Anna Berg:\n'];
  let size = parts[0]?.length ?? 0;
  for (let i = 0; size < bytes; i++) {
    const l = line(i);
    parts.push(l);
    size += l.length;
  }
  return Buffer.from(parts.join(''));
}

/** One line of `bytes` bytes and no newline: distinct words, so a lost one shows. */
function oneLine(bytes: number): string {
  const words: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const w = `w${i.toString(36)}`;
    words.push(w);
    size += w.length + 1;
  }
  return words.join(' ');
}

function thousandsOfSpeakers(n: number): string {
  return Array.from({ length: n }, (_, i) => `Speaker Number ${i + 1}:\nWord number ${i + 1} was said here.\n`).join(
    '',
  );
}
