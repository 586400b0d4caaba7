/** Automatic topics on the seed, and rules overriding extraction. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ingestArchive } from '../../scripts/core/ingest-archive.ts';

const seed = { file: 'seed.txt', bytes: readFileSync('seeds/000_b208c8174473c045.txt'), hash: 'h' };
const names = (topics: { name: string }[]) => topics.map((t) => t.name.toLowerCase());

describe('without any rules file', () => {
  const archive = ingestArchive({ sources: [seed] });

  test('the seed gets sensible topics from extraction alone', () => {
    const found = names(archive.topics);
    for (const expected of [
      'telecom fraud',
      'transnational crime',
      'law enforcement cooperation',
      'interpol',
      'myanmar',
    ]) {
      expect(found).toContain(expected);
    }
    expect(archive.topics.every((t) => t.origin === 'extracted')).toBe(true);
  });

  test('no stop-word junk, generic nouns or speaker names become topics', () => {
    const found = names(archive.topics);
    for (const junk of [
      'cooperation',
      'efforts',
      'friends',
      'media',
      'thank you',
      'interests',
      'qi yanjun',
      'shou xiaoli',
      'the',
      'we',
    ]) {
      expect(found).not.toContain(junk);
    }
  });

  test('every extracted assignment records the matched terms and where', () => {
    const [t] = archive.transcripts;
    const fraud = t?.topics.find((tt) => tt.slug === 'telecom-fraud');
    expect(fraud?.matches).toEqual([{ turn: 't2', terms: ['telecom fraud'] }]);
  });
});

describe('rules win over extraction', () => {
  const rules = (text: string) => ({ file: 'topics.yaml', text });

  test('a rule renames and merges an extracted phrase, keeping the rule’s name and slug', () => {
    const archive = ingestArchive({
      sources: [seed],
      topicRules: rules(
        'topics:\n  - name: United Nations\n    slug: un\n    terms: [U.N.]\n  - name: Telecommunications fraud\n    terms: [telecom fraud]\n',
      ),
    });
    const found = names(archive.topics);
    expect(found).toContain('united nations');
    expect(found).toContain('telecommunications fraud');
    expect(found).not.toContain('u.n.');
    expect(found).not.toContain('telecom fraud');
    expect(archive.topics.find((t) => t.name === 'United Nations')?.slug).toBe('un');
  });

  test('a blocked phrase is dropped, a pinned rule stays without mentions, and extraction can be turned off', () => {
    const blocked = ingestArchive({ sources: [seed], topicRules: rules('block: [Myanmar]\n') });
    expect(names(blocked.topics)).not.toContain('myanmar');
    const pinned = ingestArchive({
      sources: [seed],
      topicRules: rules('extract: false\ntopics:\n  - name: Climate\n    pin: true\n  - name: Interpol\n'),
    });
    expect(names(pinned.topics)).toEqual(['climate', 'interpol']);
  });
});
