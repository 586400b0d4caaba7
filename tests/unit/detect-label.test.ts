import { describe, expect, test } from 'vitest';
import { classifyLabelLine } from '../../scripts/core/detect-label.ts';

describe('a line that stands alone and ends with a colon', () => {
  test.each([
    ['Qi Yanjun:', 'Qi Yanjun'],
    ['China Central Television (CCTV):', 'China Central Television (CCTV)'],
    ['Shou Xiaoli:', 'Shou Xiaoli'],
    ['Mr. Qi:', 'Mr. Qi'],
    ['Dr. J. R. Smith:', 'Dr. J. R. Smith'],
    ['Ministry of Foreign Affairs:', 'Ministry of Foreign Affairs'],
    ['Ursula von der Leyen:', 'Ursula von der Leyen'],
    ['Speaker 2:', 'Speaker 2'],
    ['REUTERS:', 'REUTERS'],
    ["Conan O'Brien:", "Conan O'Brien"],
    ['王毅：', '王毅'],
    ['Audience Member︰', 'Audience Member'],
    ['  Moderator:  ', 'Moderator'],
  ])('is a speaker label when it is name-shaped: %j', (line, name) => {
    expect(classifyLabelLine(line)).toEqual({ label: true, name });
  });

  test.each([
    ['Moving forward, public security authorities will focus on these four areas:', 'longer than 60'],
    ['Moving forward, we will focus on:', 'sentence punctuation'],
    ['Our priorities for next year are these:', 'not capitalised'],
    ['Here is what he said:', 'not capitalised'],
    ['Then We Will Go On To The Next Item:', 'more than 7 words'],
    ['Note: see below:', 'sentence punctuation'],
    ['Why now?:', 'sentence punctuation'],
    ['of the Ministry:', 'particle'],
    ['e.g. the following:', 'no word is capitalised'],
    ['E.g. The Following:', 'period that is not an abbreviation'],
    ['(laughs):', 'only a parenthesis'],
    [':', 'nothing before the colon'],
    ['Qi Yanjun', 'does not end with a colon'],
  ])('is ordinary text when it is sentence-shaped: %j', (line, reason) => {
    const verdict = classifyLabelLine(line);
    expect(verdict.label).toBe(false);
    if (!verdict.label) expect(verdict.reason).toContain(reason);
  });
});

test('a Chinese list lead-in ending with a colon is text, as its English counterpart is', () => {
  expect(classifyLabelLine('我们将重点做好以下四个方面工作：').label).toBe(false);
  expect(classifyLabelLine('外交部发言人汪文斌：').label).toBe(true);
});
