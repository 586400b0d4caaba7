/** archive.config.yaml: every field optional, mistakes reported at file:line, --site over the file. */
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, parseArchiveConfig, siteAddress } from '../../scripts/core/archive-config.ts';

describe('archive.config.yaml', () => {
  test('absent or empty, every default holds', () => {
    expect(parseArchiveConfig(undefined)).toEqual({ config: DEFAULT_CONFIG });
    expect(parseArchiveConfig('')).toEqual({ config: DEFAULT_CONFIG });
    expect(DEFAULT_CONFIG).toEqual({ name: 'Transcript archive', language: 'en' });
  });

  test('reads the site address, name, publisher and language', () => {
    const text = [
      'site: https://archive.example.org/',
      'name: Water Archive',
      'publisher: Ministry of Water',
      'language: pt-BR',
    ].join('\n');
    expect(parseArchiveConfig(text)).toEqual({
      config: {
        site: 'https://archive.example.org/',
        name: 'Water Archive',
        publisher: 'Ministry of Water',
        language: 'pt-BR',
      },
    });
  });

  test('a mistake names the file, the line and the field', () => {
    const parsed = parseArchiveConfig('name: Water Archive\nsite: javascript:alert(1)\nsitename: typo\n');
    expect('problems' in parsed && parsed.problems.map((p) => [p.code, p.line, p.message])).toEqual([
      ['invalid-config', 2, 'site: expected a web address starting with http:// or https://'],
      ['invalid-config', 3, 'unknown key `sitename` (known keys: site, name, publisher, language, mediaBase)'],
    ]);
  });

  test('--site overrides the file for one build', () => {
    const config = { ...DEFAULT_CONFIG, site: 'https://archive.example.org/' };
    expect(siteAddress(config, 'https://staging.example.org/')).toBe('https://staging.example.org/');
    expect(siteAddress(config, undefined)).toBe('https://archive.example.org/');
    expect(siteAddress(DEFAULT_CONFIG, undefined)).toBeUndefined();
  });
});
