/**
 * Metadata is input too: every value that reaches a path, a URL, a feed or a
 * page's chrome has a strict shape. Each field is tried with path traversal,
 * overlong and control-character values, in a sidecar file (strict: refused
 * at file:line) and in Markdown front matter (lenient: the field is dropped
 * with a warning at its line); what gets through is contained and clean.
 */
import { relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { containedPath } from '../../scripts/core/contained-path.ts';
import { frontMatterToMeta } from '../../scripts/core/front-matter.ts';
import { ingestArchive, type SourceFile } from '../../scripts/core/ingest-archive.ts';
import { canonicalLanguage, cleanLine, isCalendarDate, MAX_LANGUAGE_TAG } from '../../scripts/core/metadata-shapes.ts';
import { parseYamlWith } from '../../scripts/core/parse-yaml.ts';
import {
  METADATA_LIMITS,
  RegistryFileSchema,
  TopicRulesFileSchema,
  type Transcript,
  TranscriptMetaSchema,
} from '../../scripts/core/schema.ts';
import { unsafeLanguage } from '../../scripts/search/build-search-index-fs.ts';

const TEXT = 'Anna Berg:\nHello there.\n';
const source = (file: string, text: string, meta?: string): SourceFile => ({
  file,
  bytes: new TextEncoder().encode(text),
  hash: file,
  ...(meta === undefined ? {} : { meta: { file: file.replace(/\.[a-z]+$/, '.yaml'), text: meta } }),
});

/** The values a careless or hostile metadata file may hold, by kind. */
const HOSTILE = {
  traversal: '../../../../../../../elsewhere/x',
  absolute: '/etc/passwd',
  overlong: 'a'.repeat(20_000),
  control: 'en\u0000\u001b[31m\r\nx',
  bidi: '\u202Enujnay iq',
} as const;

/** The fields whose value reaches a path or a URL: each hostile value is refused outright. */
const PATH_FIELDS = ['language', 'slug', 'date', 'source', 'media'] as const;
/** The fields shown as text: a hostile value is refused when overlong, else comes out clean. */
const TEXT_FIELDS = ['title', 'event', 'location', 'summary'] as const satisfies readonly (keyof Transcript)[];

const yamlLine = (key: string, value: string) => `${key}: ${JSON.stringify(value)}\n`;

/** Every place a transcript's metadata could put a file: each must stay inside its folder. */
function assertContained(t: Transcript): void {
  const root = resolve('/tmp/site');
  for (const path of [resolve(root, 'transcripts', t.slug), resolve(root, 'pagefind', `wasm.${t.language}.pagefind`)]) {
    const rel = relative(root, path);
    expect(rel.startsWith('..') || rel.includes('\0'), path).toBe(false);
  }
  expect(t.language).toMatch(new RegExp(`^[A-Za-z0-9-]{2,${MAX_LANGUAGE_TAG}}$`));
  for (const text of [t.title, t.event ?? '', t.location ?? '', ...t.turns.map((turn) => turn.label)])
    expect(text).not.toMatch(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u);
}

describe('a sidecar metadata file: each field with traversal, overlong and control-character values', () => {
  const cases = PATH_FIELDS.flatMap((field) =>
    Object.entries(HOSTILE).map(([kind, value]) => [field, kind, value] as const),
  );
  test.each(cases)('%s with a %s value is refused at its line, and the file is not built', (field, _kind, value) => {
    const meta = `title: Fine\n${yamlLine(field, value)}`;
    const archive = ingestArchive({ sources: [source('talk.txt', TEXT, meta)] });
    expect(archive.transcripts).toEqual([]);
    const problems = archive.files.flatMap((f) => f.problems);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'invalid-metadata', file: 'talk.yaml', line: 2, severity: 'error' });
    expect(problems[0]?.message).toMatch(new RegExp(`^${field}: `));
    // The bad value is shown escaped, cut short: never a terminal escape or a 20,000-character line.
    expect(problems[0]?.message).not.toMatch(/[\p{Cc}\u202E]/u);
    expect(problems[0]?.message.length).toBeLessThan(300);
  });

  const textCases = TEXT_FIELDS.flatMap((field) =>
    Object.entries(HOSTILE).map(([kind, value]) => [field, kind, value]),
  );
  test.each(textCases)('%s with a %s value is refused when overlong, else cleaned', (field, kind, value) => {
    const archive = ingestArchive({ sources: [source('talk.txt', TEXT, yamlLine(field, value))] });
    if (kind === 'overlong') {
      const limit = field === 'summary' ? METADATA_LIMITS.summary : METADATA_LIMITS.title;
      expect(archive.files.flatMap((f) => f.problems)).toMatchObject([
        {
          code: 'invalid-metadata',
          file: 'talk.yaml',
          line: 1,
          message: `${field}: expected at most ${limit} characters`,
        },
      ]);
      return;
    }
    const [t] = archive.transcripts;
    expect(t).toBeDefined();
    if (!t) return;
    assertContained(t);
    // A summary keeps its line breaks; every other control character is gone.
    const shown = t[field as (typeof TEXT_FIELDS)[number]] ?? '';
    expect(shown).not.toMatch(/[^\P{Cc}\t\n\r]|[\u202A-\u202E\u2066-\u2069]/u);
    if (field !== 'summary') expect(shown).not.toMatch(/[\p{Cc}]/u);
  });

  test('speaker names and tags: bidi controls that would spoof a name are removed', () => {
    const meta = `speakers: ["\\u202Enujnay iq"]\ntags: ["\\u2066x\\u2069"]\n`;
    const parsed = parseYamlWith(TranscriptMetaSchema, meta, 'm.yaml', 'invalid-metadata');
    expect(parsed).toEqual({ value: { speakers: ['nujnay iq'], tags: ['x'] } });
  });

  test('a label with a bidi override is shown without it, and keeps its words', () => {
    const json = JSON.stringify([{ speaker: '\u202Enujnay iq\u202C', start: 0, text: 'Hello.' }]);
    const archive = ingestArchive({ sources: [source('talk.json', json)] });
    expect(archive.transcripts[0]?.turns.map((t) => t.label)).toEqual(['nujnay iq']);
    expect(archive.speakers.map((s) => s.name)).toEqual(['nujnay iq']);
  });
});

describe('language tags', () => {
  test('canonical BCP 47; the POSIX underscore is read as a hyphen', () => {
    expect(canonicalLanguage('EN-us')).toBe('en-US');
    expect(canonicalLanguage('zh_hans_cn')).toBe('zh-Hans-CN');
    expect(canonicalLanguage(' de ')).toBe('de');
  });

  test.each(['../x', 'en/../../x', 'en US', 'x', 'en-', '', 'a'.repeat(36), `en-${'x'.repeat(40)}`, 'en\u0000'])(
    '`%s` is refused',
    (tag) => {
      expect(canonicalLanguage(tag)).toBeUndefined();
    },
  );

  test('a sidecar language is written canonical', () => {
    const archive = ingestArchive({ sources: [source('talk.txt', TEXT, 'language: PT_br\n')] });
    expect(archive.transcripts[0]?.language).toBe('pt-BR');
  });

  test('an overlong tag says so', () => {
    const parsed = parseYamlWith(
      TranscriptMetaSchema,
      yamlLine('language', 'a'.repeat(40)),
      'm.yaml',
      'invalid-metadata',
    );
    expect('problems' in parsed && parsed.problems[0]?.message).toMatch(
      /too long for a language tag \(40 characters; at most 35\)/,
    );
  });
});

describe('dates are days of the calendar', () => {
  test.each(['2024-13-45', '2024-02-30', '2023-02-29', '0000-00-00', '0000', '2024-00', '2024-04-31', '1900-02-29'])(
    '%s is refused with a clear message',
    (date) => {
      expect(isCalendarDate(date)).toBe(false);
      const parsed = parseYamlWith(TranscriptMetaSchema, `title: T\ndate: ${date}\n`, 'm.yaml', 'invalid-metadata');
      expect(parsed).toMatchObject({
        problems: [
          { line: 2, message: `date: \`${date}\` is not a date of the calendar (month 01-12, a day the month has)` },
        ],
      });
    },
  );

  test.each(['2024-02-29', '2000-02-29', '2024', '2024-12', '0001-01-01', '9999-12-31'])('%s is a date', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  test('a role held from an impossible date is refused in the registry', () => {
    const yaml = 'speakers:\n  - name: Qi Yanjun\n    roles:\n      - title: Spokesperson\n        from: 2024-02-30\n';
    const parsed = parseYamlWith(RegistryFileSchema, yaml, 'speakers.yaml', 'invalid-speakers');
    expect(parsed).toMatchObject({
      problems: [{ line: 5, message: expect.stringMatching(/^speakers\.0\.roles\.0\.from: /) }],
    });
  });
});

describe('registry names and links', () => {
  test('a name with a bidi override is shown without it; a `javascript:` link is refused', () => {
    const ok = parseYamlWith(
      RegistryFileSchema,
      'speakers:\n  - name: "Qi Yanjun\\u202E"\n    aliases: ["\\u2067Mr. Qi\\u2069"]\n',
      'speakers.yaml',
      'invalid-speakers',
    );
    expect(ok).toMatchObject({ value: { speakers: [{ name: 'Qi Yanjun', aliases: ['Mr. Qi'] }] } });
    const bad = parseYamlWith(
      RegistryFileSchema,
      'speakers:\n  - name: Qi Yanjun\n    links: ["javascript:alert(1)"]\n',
      'speakers.yaml',
      'invalid-speakers',
    );
    expect(bad).toMatchObject({ problems: [{ line: 3, message: expect.stringMatching(/^speakers\.0\.links\.0: /) }] });
  });

  test('a topic rule name is cleaned the same way, and an overlong one refused at its line', () => {
    const ok = parseYamlWith(
      TopicRulesFileSchema,
      'topics:\n  - name: "\\u202ETelecom fraud"\n',
      't.yaml',
      'invalid-topics',
    );
    expect(ok).toMatchObject({ value: { topics: [{ name: 'Telecom fraud' }] } });
    const long = parseYamlWith(
      TopicRulesFileSchema,
      `topics:\n  - name: ${'x'.repeat(300)}\n`,
      't.yaml',
      'invalid-topics',
    );
    expect(long).toMatchObject({ problems: [{ line: 2, message: 'topics.0.name: expected at most 200 characters' }] });
  });

  test('cleanLine makes control characters spaces and drops bidi controls', () => {
    expect(cleanLine('  A\u0000B\u001b[31m \u202Ex\u202C\r\nC\u200F ')).toBe('A B [31m x C');
  });
});

describe('front matter (lenient): a bad value is dropped with a warning at its line', () => {
  test.each(PATH_FIELDS.filter((f) => f !== 'slug'))('%s', (field) => {
    const md = `---\ntitle: T\n${yamlLine(field, HOSTILE.traversal)}---\n\n**Anna Berg:** Hello.\n`;
    const archive = ingestArchive({ sources: [source('talk.md', md)] });
    const [t] = archive.transcripts;
    expect(t).toBeDefined();
    if (t) assertContained(t);
    expect(archive.files[0]?.problems).toMatchObject([
      { code: 'invalid-front-matter', severity: 'warning', file: 'talk.md', line: 3 },
    ]);
  });

  test('a slip of a known key is named, with the key it meant', () => {
    const { problems } = frontMatterToMeta(
      { langauge: 'en', sourceUrl: 'https://e.org/', transcript_by: 'x' },
      'a.md',
      {
        langauge: 4,
        sourceUrl: 5,
      },
    );
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [4, 'front matter: unknown key `langauge`: did you mean `language`?'],
      [5, 'front matter: unknown key `sourceUrl`: did you mean `source`?'],
    ]);
  });
});

describe('unknown keys suggest the closest known one', () => {
  test('`sourceUrl:` in a sidecar: did you mean `source`?', () => {
    const parsed = parseYamlWith(
      TranscriptMetaSchema,
      'title: T\nsourceUrl: https://e.org/\n',
      'm.yaml',
      'invalid-metadata',
      { source: ['source_url', 'url'] },
    );
    expect(parsed).toMatchObject({
      problems: [{ line: 2, message: 'unknown key `sourceUrl`: did you mean `source`?' }],
    });
  });

  test('the sidecar of a real ingest gets the front matter names as hints', () => {
    const archive = ingestArchive({ sources: [source('talk.txt', TEXT, 'titel: T\nsourceUrl: https://e.org/\n')] });
    expect(archive.files[0]?.problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'unknown key `titel`: did you mean `title`?'],
      [2, 'unknown key `sourceUrl`: did you mean `source`?'],
    ]);
  });

  test('in speakers.yaml and topics.yaml, at the entry', () => {
    const parsed = parseYamlWith(
      RegistryFileSchema,
      'speakers:\n  - name: Qi\n    alias: [Mr. Qi]\n',
      'speakers.yaml',
      'invalid-speakers',
    );
    expect(parsed).toMatchObject({
      problems: [{ line: 3, message: 'speakers.0: unknown key `alias`: did you mean `aliases`?' }],
    });
  });

  test('a key like no other lists the known keys', () => {
    const parsed = parseYamlWith(TranscriptMetaSchema, 'zzzzzz: 1\n', 'm.yaml', 'invalid-metadata');
    expect(parsed).toMatchObject({
      problems: [{ message: expect.stringMatching(/^unknown key `zzzzzz` \(known keys: title, date, /) }],
    });
  });
});

describe('YAML alias bombs', () => {
  /** Nine levels of nine aliases: 9⁹ strings once expanded. */
  const bomb = (indent = '') =>
    [
      `${indent}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`,
      ...'bcdefghi'.split('').map((c, i) => `${indent}${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
    ].join('\n');

  test.each([
    ['a sidecar', 'talk.yaml', 'invalid-metadata'],
    ['topics.yaml', 'topics.yaml', 'invalid-topics'],
    ['speakers.yaml', 'speakers.yaml', 'invalid-speakers'],
  ] as const)('in %s: a user error at the line of the first alias, never a throw', (_name, file, code) => {
    const text = `${bomb()}\n`;
    const archive = ingestArchive({
      sources: [source('talk.txt', TEXT, file === 'talk.yaml' ? text : undefined)],
      ...(file === 'topics.yaml' ? { topicRules: { file, text } } : {}),
      ...(file === 'speakers.yaml' ? { speakerRegistry: { file, text } } : {}),
    });
    const problems = [...archive.problems, ...archive.files.flatMap((f) => f.problems)];
    expect(problems).toEqual([
      expect.objectContaining({
        code,
        file,
        line: 2,
        message: 'its aliases (`*name`) expand to more than 100 copies: refused as a resource exhaustion attack',
      }),
    ]);
  });

  test('in front matter: a warning at its line, and the text still builds', () => {
    const md = `---\n${bomb()}\n---\n\n**Anna Berg:** Hello.\n`;
    const archive = ingestArchive({ sources: [source('talk.md', md)] });
    expect(archive.transcripts).toHaveLength(1);
    expect(archive.files[0]?.problems).toMatchObject([{ code: 'invalid-front-matter', line: 3 }]);
  });
});

describe('the search stage checks what Pagefind will name files after', () => {
  test('a page whose language is not a tag is refused before Pagefind runs; a tag passes', () => {
    expect(unsafeLanguage('../../../../elsewhere/x')).toBe('`../../../../elsewhere/x`');
    expect(unsafeLanguage('a'.repeat(40))).toBe(`\`${'a'.repeat(40)}\``);
    expect(unsafeLanguage('zh-Hans')).toBeUndefined();
    expect(unsafeLanguage('en-us')).toBeUndefined();
  });
});

describe('paths built from input stay in their folder', () => {
  test.each(['../x.mdx', '../../etc/passwd', '/etc/passwd', 'a/../../x', '', '.', 'x\0.mdx'])(
    '`%s` is refused',
    (name) => {
      expect(() => containedPath('/tmp/content/transcripts', name)).toThrow(/leads outside/);
    },
  );

  test('a name inside is the joined path', () => {
    expect(containedPath('/tmp/content/transcripts', 'a-b.mdx')).toBe('/tmp/content/transcripts/a-b.mdx');
  });
});
