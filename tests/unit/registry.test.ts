/** Speaker resolution: registry names and aliases, initials, roles by date, generic labels. */
import { describe, expect, test } from 'vitest';
import { ingestArchive, type SourceFile } from '../../scripts/core/ingest-archive.ts';
import { buildRegistry } from '../../scripts/core/registry.ts';
import { resolveLabels } from '../../scripts/core/resolve-speaker.ts';
import { RegistryEntrySchema } from '../../scripts/core/schema.ts';

const registry = buildRegistry(
  [
    { name: 'Qi Yanjun', aliases: ['Mr. Qi'] },
    {
      name: 'China Central Television',
      kind: 'organisation',
      shortName: 'CCTV',
      aliases: ['China Central Television (CCTV)'],
    },
    { name: 'Wang Wenbin', roles: [{ title: 'Spokesperson', from: '2020-07', to: '2024-06' }] },
    { name: 'Lin Jian', roles: [{ title: 'Spokesperson', from: '2024-07' }] },
  ].map((e) => RegistryEntrySchema.parse(e)),
);
const resolve = (labels: string[], date?: string) =>
  [...resolveLabels(labels, registry, date)].map(([label, r]) => [label, r.speaker.slug, r.how]);

describe('resolving labels', () => {
  test('names and aliases resolve whatever the case and punctuation', () => {
    expect(resolve(['QI YANJUN', 'Mr Qi', 'cctv', 'China Central Television (CCTV)'])).toEqual([
      ['QI YANJUN', 'qi-yanjun', 'registry'],
      ['Mr Qi', 'qi-yanjun', 'registry'],
      ['cctv', 'china-central-television', 'registry'],
      ['China Central Television (CCTV)', 'china-central-television', 'registry'],
    ]);
  });

  test('initials introduced earlier in the transcript resolve to the person', () => {
    expect(resolve(['Shaun Apps (SA)', 'Aaron van Wirdum (AvW)', 'SA', 'AvW'])).toEqual([
      ['Shaun Apps (SA)', 'shaun-apps', 'unresolved'],
      ['Aaron van Wirdum (AvW)', 'aaron-van-wirdum', 'unresolved'],
      ['SA', 'shaun-apps', 'initials'],
      ['AvW', 'aaron-van-wirdum', 'initials'],
    ]);
  });

  test('initials used before they are introduced do not resolve to the person', () => {
    expect(resolve(['SA', 'Shaun Apps (SA)'])[0]).toEqual(['SA', 'sa', 'unresolved']);
  });

  test('a role label resolves to whoever held the role on the transcript’s date', () => {
    expect(resolve(['Spokesperson'], '2023-05-10')).toEqual([['Spokesperson', 'wang-wenbin', 'role-on-date']]);
    expect(resolve(['Spokesperson'], '2024-09-05')).toEqual([['Spokesperson', 'lin-jian', 'role-on-date']]);
    expect(resolve(['Spokesperson'])).toEqual([['Spokesperson', 'spokesperson', 'unresolved']]);
  });

  test('generic labels are roles, never people', () => {
    expect(resolve(['Q', 'Reporter', 'Speaker 0', 'Audience member'])).toEqual([
      ['Q', 'q', 'generic'],
      ['Reporter', 'reporter', 'generic'],
      ['Speaker 0', 'speaker-0', 'generic'],
      ['Audience member', 'audience-member', 'generic'],
    ]);
  });
});

describe('across an archive', () => {
  const enc = new TextEncoder();
  const source = (file: string, text: string): SourceFile => ({ file, bytes: enc.encode(text), hash: file });
  const speakersFile = {
    file: 'speakers.yaml',
    text: 'strict: true\nspeakers:\n  - name: Anna Berg\n    aliases: [A. Berg]\n',
  };

  // Issue 17.6: a generic label is a role local to its transcript, never one archive-wide page.
  test('generic labels in two transcripts are two roles, and `Audience Member` folds into `Audience member`', () => {
    const archive = ingestArchive({
      sources: [
        source('a.txt', 'Q:\nOne?\nAnna Berg:\nYes.\n'),
        source('b.txt', 'Q:\nTwo?\nAudience Member:\nHm.\nAudience member:\nHa.\n'),
      ],
    });
    const roles = archive.speakers.filter((s) => s.kind === 'role').map((s) => s.slug);
    expect(roles).toEqual(['audience-member-in-b', 'q-in-a', 'q-in-b']);
  });

  test('unresolved labels are listed with counts, and are warnings when the registry is strict', () => {
    const archive = ingestArchive({
      sources: [source('a.txt', 'A. Berg:\nHello.\nBen Olsen:\nHi.\nBen Olsen:\nBye.\n')],
      speakerRegistry: speakersFile,
    });
    const [report] = archive.files;
    expect(report?.unresolved).toEqual([{ label: 'Ben Olsen', turns: 2 }]);
    expect(report?.problems.map((p) => [p.code, p.line])).toEqual([['unresolved-speaker', 3]]);
    expect(archive.transcripts[0]?.turns.map((t) => [t.label, t.speaker])).toEqual([
      ['A. Berg', 'anna-berg'],
      ['Ben Olsen', 'ben-olsen'],
      ['Ben Olsen', 'ben-olsen'],
    ]);
  });
});
