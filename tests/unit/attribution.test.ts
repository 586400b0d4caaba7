/**
 * Issue 17: who said it. Each failure class of the issue, in the shape it was
 * quoted: title-case period labels, bold labels with stray spaces, short forms,
 * a one-line turn inside a run of paragraphs, header lines, pseudo-speakers and
 * generic labels local to one transcript.
 */
import { describe, expect, test } from 'vitest';
import { parsePlainText } from '../../scripts/core/formats/parse-plain-text.ts';
import { ingestArchive } from '../../scripts/core/ingest-archive.ts';
import { ingestTranscript } from '../../scripts/core/ingest-transcript.ts';

const ingest = (file: string, text: string, meta = {}) => {
  const r = ingestTranscript({ file, text, meta, hash: 'h' });
  if (!r.transcript) throw new Error(JSON.stringify(r.problems));
  return { ...r, transcript: r.transcript };
};

const DEBATE_1984 = [
  'Ms. Walters. Good evening. The first question goes to the President.',
  '',
  'Mr. President, what will you do about the deficit?',
  '',
  'The President. Well, I think we must cut spending.',
  '',
  'And we must grow the economy.',
  '',
  'Ms. Walters. Mr. Mondale?',
  '',
  'Mr. Mondale. I disagree with the President.',
  '',
  'Ms. Walters. Mr. President, your rebuttal.',
  '',
  'The President. There you go again.',
  '',
  'Mr. Mondale. Thank you.',
].join('\n');

describe('17.2 the label style is learned per document', () => {
  test('`The President.` in title case is a label beside `Ms. Walters.`, never glued to the question', () => {
    const doc = parsePlainText(DEBATE_1984);
    expect(doc.turns.map((t) => [t.label, t.paragraphs.length])).toEqual([
      ['Ms. Walters', 2],
      ['The President', 2],
      ['Ms. Walters', 1],
      ['Mr. Mondale', 1],
      ['Ms. Walters', 1],
      ['The President', 1],
      ['Mr. Mondale', 1],
    ]);
  });

  test('title case without a title is not a label where the document does not use the period style', () => {
    const doc = parsePlainText(
      ['Anna Berg:', 'Good Morning. How are you?', 'Ben Olsen:', 'Good Morning. Fine.'].join('\n'),
    );
    expect(doc.turns.map((t) => t.label)).toEqual(['Anna Berg', 'Ben Olsen']);
  });

  test('a short form after the full name is the same speaker: JIM LEHRER then LEHRER, MS. RIDINGS then RIDINGS', () => {
    const text = [
      '**   JIM LEHRER:** Good evening.',
      '**MS. DOROTHY RIDINGS:** Welcome.',
      '**LEHRER:** The first question.',
      '**RIDINGS:** Thank you.',
      '**MS. RIDINGS:** Again.',
    ].join('\n\n');
    const t = ingest('debate.txt', text).transcript;
    expect(t.turns.map((turn) => turn.speaker)).toEqual([
      'jim-lehrer',
      'ms-dorothy-ridings',
      'jim-lehrer',
      'ms-dorothy-ridings',
      'ms-dorothy-ridings',
    ]);
  });

  test('two earlier names with one surname leave the short form its own speaker', () => {
    const text = [
      'JIM LEHRER: One.',
      'TOM LEHRER: Two.',
      'LEHRER: Three.',
      'JIM LEHRER: Four.',
      'TOM LEHRER: Five.',
      'LEHRER: Six.',
    ];
    const t = ingest('a.txt', text.join('\n\n')).transcript;
    expect(t.turns[2]?.speaker).toBe('lehrer');
  });

  test('the report gives each one-off decision with its score', () => {
    const doc = parsePlainText(
      ['Q: Why?', 'A: Because.', 'Side Note: this is not a speaker.', 'Q: And?', 'A: Then.'].join('\n'),
    );
    expect(doc.unsure[0]?.reason).toMatch(/^not taken as a label \(score 1, 2 needed\)/);
    const taken = parsePlainText(
      [
        'Anna Berg: Hello.',
        '',
        'Ben Olsen: Hi.',
        '',
        'Anna Berg: Bye.',
        '',
        'Ben Olsen: Bye.',
        '',
        'Carl Dunn: Me too.',
      ].join('\n'),
    );
    expect(taken.turns.at(-1)?.label).toBe('Carl Dunn');
    expect(taken.unsure[0]?.reason).toMatch(/^taken as a label \(score 2, 2 needed\).*in the document's style/);
  });
});

describe('17.3 two speakers are never glued', () => {
  test('`Reporter: Thank you, Mr. President.` inside a run of paragraphs is its own turn', () => {
    const text = [
      'THE PRESIDENT. Good afternoon.',
      'We have made progress on trade.',
      'And on jobs.',
      'Q. Mr. President, a question on trade?',
      'THE PRESIDENT. We will see.',
      'That is all I can say.',
      'Reporter: Thank you, Mr. President.',
    ].join('\n');
    const doc = parsePlainText(text);
    expect(doc.turns.map((t) => [t.label, t.paragraphs.length])).toEqual([
      ['THE PRESIDENT', 3],
      ['Q', 1],
      ['THE PRESIDENT', 2],
      ['Reporter', 1],
    ]);
  });

  test('`Q. Thank you.` is a turn of its own', () => {
    const text = ['THE PRESIDENT. Yes.', 'It is.', 'Q. Sir?', 'THE PRESIDENT. No.', 'More.', 'Q. Thank you.'];
    const doc = parsePlainText(text.join('\n'));
    expect(doc.turns.map((t) => [t.label, t.paragraphs.length])).toEqual([
      ['THE PRESIDENT', 2],
      ['Q', 1],
      ['THE PRESIDENT', 2],
      ['Q', 1],
    ]);
  });
});

describe('17.4 header lines are metadata, not turns', () => {
  test('`President: Ronald Reagan` before the first turn is preamble', () => {
    const text = [
      'Title: The First Reagan-Mondale Debate',
      'Date: October 7, 1984',
      'President: Ronald Reagan',
      '',
      'MS. WALTERS. Good evening.',
      '',
      'THE PRESIDENT. Thank you.',
      '',
      'MS. WALTERS. Mr. Mondale.',
      '',
      'MR. MONDALE. Thank you.',
    ].join('\n');
    const doc = parsePlainText(text);
    expect(doc.preamble.map((p) => p.text)).toEqual([
      'Title: The First Reagan-Mondale Debate',
      'Date: October 7, 1984',
      'President: Ronald Reagan',
    ]);
    expect(doc.turns.map((t) => t.label)).toEqual(['MS. WALTERS', 'THE PRESIDENT', 'MS. WALTERS', 'MR. MONDALE']);
    expect(doc.unsure.filter((u) => u.reason.includes('header line')).map((u) => u.label)).toEqual([
      'Title',
      'Date',
      'President',
    ]);
  });

  test('a first turn written as a sentence is still a turn', () => {
    const doc = parsePlainText(
      ['Anna Berg: Good evening, and welcome.', '', 'Ben Olsen: Thanks.', '', 'Anna Berg: Fine.'].join('\n'),
    );
    expect(doc.preamble).toEqual([]);
    expect(doc.turns[0]?.label).toBe('Anna Berg');
  });
});

describe('17.5 pseudo-speakers are sections, not people', () => {
  test('`**Break:** [27:47]` and `**Jingle**: [05:15]` become sections with their start times', () => {
    const text = [
      '**Jerod Santo:** Welcome.',
      '',
      '**Break:** \\[27:47\\]',
      '',
      '**Jerod Santo:** We are back.',
      '',
      '**Jingle**: \\[05:15\\]',
      '',
      '*In a matter of seconds, we will beam your information.*',
      '',
      '**Nick Nisi:** Ha.',
    ].join('\n');
    const { transcript, speakers } = ingest('show.md', text);
    expect(speakers.map((s) => s.name)).toEqual(['Jerod Santo', 'Unattributed', 'Nick Nisi']);
    expect(transcript.sections.map((s) => [s.title, s.start])).toEqual([
      ['Break', 1667],
      ['Jingle', 315],
    ]);
    expect(transcript.turns.map((t) => t.label)).toEqual(['Jerod Santo', 'Jerod Santo', '', 'Nick Nisi']);
  });

  test('Intro, Outro, Song, Sample, Ad and Music standing alone are sections too', () => {
    for (const name of ['Intro', 'Outro', 'Song', 'Sample', 'Ad', 'Music']) {
      const { speakers, transcript } = ingest('s.txt', `Anna Berg:\nHello.\n${name}:\nAnna Berg:\nBye.\n`);
      expect(speakers.map((s) => s.name)).toEqual(['Anna Berg']);
      expect(transcript.sections.map((s) => s.title)).toEqual([name]);
    }
  });
});

describe('17.6 generic labels are roles local to one transcript', () => {
  const qa = 'Q: Why?\n\nA: Because.\n\nQ: And?\n\nA: Then.\n';
  test('`Q` and `Speaker 0` in two transcripts are two speakers, and lists rank named people first', () => {
    const archive = ingestArchive({
      sources: [
        { file: 'one.txt', bytes: new TextEncoder().encode(qa), hash: '1' },
        { file: 'two.txt', bytes: new TextEncoder().encode(qa), hash: '2' },
        { file: 'pod-a.txt', bytes: new TextEncoder().encode('Speaker 0: Hi.\n\nSpeaker 1: Hello.\n'), hash: '3' },
        { file: 'pod-b.txt', bytes: new TextEncoder().encode('Speaker 0: Yo.\n\nAnna Berg: Hey.\n'), hash: '4' },
      ],
    });
    const q = archive.speakers.filter((s) => s.name === 'Q');
    expect(q.map((s) => [s.slug, s.transcript])).toEqual([
      ['q-in-one', 'one'],
      ['q-in-two', 'two'],
    ]);
    expect(archive.speakers.filter((s) => s.name === 'Speaker 0').map((s) => s.slug)).toEqual([
      'speaker-0-in-pod-a',
      'speaker-0-in-pod-b',
    ]);
  });

  test('the metadata names the one person no label names: `A` is them', () => {
    const { transcript } = ingest('i.txt', qa, { speakers: ['Jane Doe'] });
    expect(transcript.turns.map((t) => t.speaker)).toEqual(['q-in-i', 'jane-doe', 'q-in-i', 'jane-doe']);
  });

  test('with two unnamed people in the metadata, nobody is guessed', () => {
    const { transcript } = ingest('i.txt', qa, { speakers: ['Jane Doe', 'John Roe'] });
    expect(transcript.turns.map((t) => t.speaker)).toEqual(['q-in-i', 'a-in-i', 'q-in-i', 'a-in-i']);
  });
});

describe('17.7 word counts in every language', () => {
  test('Chinese text counts by words (Intl.Segmenter), not one word per run of characters', () => {
    const text = '王毅：\n我们的立场是一贯的，对话协商是解决问题的唯一出路。\n记者：\n谢谢。\n';
    const t = ingest('zh.txt', text).transcript;
    expect(t.words).toBeGreaterThan(10);
    expect(t.participants.map((p) => p.words).reduce((a, b) => a + b, 0)).toBe(t.words);
  });

  test('English counts as before', () => {
    expect(ingest('en.txt', 'Anna Berg:\nOne two three (laughter) four.\n').transcript.words).toBe(4);
  });
});

describe('17.7 metadata that is there is used', () => {
  test('`transcript_by:` is kept as the transcriber and credited in every citation style', async () => {
    const { cite, CITE_FORMATS } = await import('../../scripts/core/cite.ts');
    const text = '---\ntitle: Mempool Policy\ntranscript_by: kouloumos via tstbtc\n---\n**Anna Berg:** Hello.\n';
    const t = ingest('talk.md', text).transcript;
    expect(t.transcriber).toBe('kouloumos via tstbtc');
    const target = { title: t.title, url: 'https://a.example/t/', archive: 'A', transcriber: t.transcriber ?? '' };
    for (const { id } of CITE_FORMATS) expect(cite(target, id)).toContain('kouloumos via tstbtc');
  });

  test('`tags:` become curated topics, filed where the transcripts speak of them', () => {
    const md = (tags: string, text: string) => `---\ntags: [${tags}]\n---\n**Anna Berg:** ${text}\n`;
    const archive = ingestArchive({
      sources: [
        {
          file: 'a.md',
          bytes: new TextEncoder().encode(md('transaction-pinning', 'Transaction pinning is hard.')),
          hash: '1',
        },
        {
          file: 'b.md',
          bytes: new TextEncoder().encode(md('rbf', 'We spoke of transaction pinning again.')),
          hash: '2',
        },
      ],
    });
    expect(archive.topics.map((t) => [t.slug, t.name, t.origin])).toContainEqual([
      'transaction-pinning',
      'Transaction pinning',
      'rules',
    ]);
    expect(archive.transcripts.map((t) => t.topics.map((tt) => tt.slug))).toEqual([
      ['transaction-pinning'],
      ['transaction-pinning'],
    ]);
  });
});
