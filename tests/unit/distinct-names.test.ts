/**
 * Issue 23, finding 6: different names are never merged silently. Two Chinese
 * names with one transliteration, a Cyrillic look-alike, registry entries
 * that claim one name or slug, topics whose slugs lost their symbols, and
 * topic rules that differ only in case and hyphens.
 */
import { describe, expect, test } from 'vitest';
import { ingestArchive } from '../../scripts/core/ingest-archive.ts';
import { matchTopics, rulesToTopics } from '../../scripts/core/match-topics.ts';
import type { Turn } from '../../scripts/core/schema.ts';
import { nameSlug } from '../../scripts/core/slugs.ts';

const source = (file: string, text: string) => ({ file, bytes: new TextEncoder().encode(text), hash: file });
const turn = (id: string, text: string): Turn => ({
  id,
  speaker: 's',
  label: 'S',
  paragraphs: [text],
  line: 1,
  earlier: [],
});

describe('speakers', () => {
  test('`王毅:` and `汪毅:` are two speakers, not one `wang-yi`', () => {
    const archive = ingestArchive({ sources: [source('a.txt', '王毅：\n谢谢。\n汪毅：\n你好。\n王毅：\n再见。\n')] });
    const slugs = archive.speakers.map((s) => s.slug);
    expect(slugs).toHaveLength(2);
    expect(new Set(slugs).size).toBe(2);
    expect(slugs.every((s) => s.startsWith('wang-yi-'))).toBe(true);
    const turns = archive.transcripts[0]?.turns ?? [];
    expect(turns[0]?.speaker).toBe(turns[2]?.speaker);
    expect(turns[0]?.speaker).not.toBe(turns[1]?.speaker);
  });

  test('the same non-Latin name gets the same slug in every transcript and build', () => {
    expect(nameSlug('王毅')).toBe(nameSlug('王毅'));
    expect(nameSlug('王毅')).toMatch(/^wang-yi-[0-9a-f]{6}$/);
    expect(nameSlug('Ségolène Royal')).toBe('segolene-royal');
  });

  test('a Cyrillic-і `Qі Yanjun` is not `qi-yanjun`, and the report flags it', () => {
    const archive = ingestArchive({
      sources: [source('a.txt', 'Qi Yanjun:\nHello.\nQ\u0456 Yanjun:\nImpostor.\n')],
      speakerRegistry: { file: 'speakers.yaml', text: 'speakers:\n  - name: Qi Yanjun\n' },
    });
    const turns = archive.transcripts[0]?.turns ?? [];
    expect(turns[0]?.speaker).toBe('qi-yanjun');
    expect(turns[1]?.speaker).not.toBe('qi-yanjun');
    expect(turns[1]?.speaker).toMatch(/^qi-yanjun-[0-9a-f]{6}$/);
    expect(archive.files[0]?.unsure.map((u) => u.reason)).toEqual([expect.stringMatching(/mixes Cyrillic and Latin/)]);
  });

  test('a registry alias equal to another entry’s name is an error naming both; the first keeps it', () => {
    const archive = ingestArchive({
      sources: [source('a.txt', 'Qi Yanjun:\nHello.\n')],
      speakerRegistry: {
        file: 'speakers.yaml',
        text: 'speakers:\n  - name: Qi Yanjun\n  - name: Shou Xiaoli\n    aliases: [Qi Yanjun]\n',
      },
    });
    expect(archive.problems.map((p) => [p.code, p.severity, p.message])).toEqual([
      [
        'name-clash',
        'error',
        'entries `Qi Yanjun` and `Shou Xiaoli` both claim the name `Qi Yanjun`: the first keeps it, `Shou Xiaoli` does not get it',
      ],
    ]);
    expect(archive.transcripts[0]?.turns[0]?.speaker).toBe('qi-yanjun');
  });

  test('two registry entries with one slug are an error naming both', () => {
    const archive = ingestArchive({
      sources: [source('a.txt', 'Anna Berg:\nHello.\n')],
      speakerRegistry: {
        file: 'speakers.yaml',
        text: 'speakers:\n  - name: Anna Berg\n  - name: Anna Bergström\n    slug: anna-berg\n',
      },
    });
    expect(archive.problems.map((p) => p.message)).toEqual([
      'entries `Anna Berg` and `Anna Bergström` both claim the slug `anna-berg`: the first keeps it, `Anna Bergström` does not get it',
    ]);
    expect(archive.speakers.find((s) => s.slug === 'anna-berg')?.name).toBe('Anna Berg');
  });
});

describe('topics', () => {
  test('`C++` and `C#` keep their symbols in their slugs', () => {
    const topics = rulesToTopics([
      { name: 'C++', terms: [], pin: false },
      { name: 'C#', terms: [], pin: false },
    ]);
    expect(topics.map((t) => t.slug)).toEqual(['c-plus-plus', 'c-sharp']);
  });

  test('`C++` does not match "Plan C", and matches C++', () => {
    const topics = rulesToTopics([{ name: 'C++', terms: [], pin: false }]);
    expect(matchTopics(topics, [turn('t1', 'We need a Plan C.')])).toEqual([]);
    expect(matchTopics(topics, [turn('t1', 'We rewrote it in C++ last year.')]).map((t) => t.slug)).toEqual([
      'c-plus-plus',
    ]);
  });

  test('`Telecom Fraud` and `telecom-fraud` are one topic, listed once, with an error naming both', () => {
    const archive = ingestArchive({
      sources: [source('a.txt', 'Anna Berg:\nTelecom fraud is rising.\n')],
      topicRules: { file: 'topics.yaml', text: 'topics:\n  - name: Telecom Fraud\n  - name: telecom-fraud\n' },
    });
    expect(archive.topics.map((t) => t.slug)).toEqual(['telecom-fraud']);
    expect(archive.transcripts[0]?.topics.map((t) => t.slug)).toEqual(['telecom-fraud']);
    expect(archive.problems.map((p) => p.message)).toEqual([
      'topics `Telecom Fraud` and `telecom-fraud` both have the slug `telecom-fraud`: the first keeps it, `telecom-fraud` is dropped',
    ]);
  });
});
