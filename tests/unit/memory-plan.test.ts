/**
 * The build's memory plan (`scripts/lib/memory-plan.ts`): the budget `--memory`
 * sets, and when Astro may run beside the data and search stages.
 */
import { expect, test } from 'vitest';
import { parseCli } from '../../scripts/lib/cli.ts';
import { gigabytes, memoryBudget, overlappedPeak } from '../../scripts/lib/memory-plan.ts';

const GB = 1e9;

test('the budget is --memory in GB, or half the machine', () => {
  expect(memoryBudget(undefined, 24 * GB)).toBe(12 * GB);
  expect(memoryBudget(1.5, 24 * GB)).toBe(1.5 * GB);
});

test('the expected peak of Astro and search together grows with the content folder, from a base', () => {
  // The bench's 1,000 and 10,000 transcripts: content folders of 90 MB and 826 MB.
  expect(overlappedPeak(90e6)).toBeGreaterThan(2 * GB);
  expect(overlappedPeak(90e6)).toBeLessThan(2.5 * GB);
  expect(overlappedPeak(826e6)).toBeGreaterThan(5.5 * GB);
  expect(overlappedPeak(826e6)).toBeLessThan(6 * GB);
  // On a 24 GB machine (12 GB budget) 10,000 transcripts overlap; with 4 GB they do not.
  expect(overlappedPeak(826e6)).toBeLessThanOrEqual(memoryBudget(undefined, 24 * GB));
  expect(overlappedPeak(826e6)).toBeGreaterThan(memoryBudget(4, 24 * GB));
  expect(gigabytes(overlappedPeak(826e6))).toBe('5.7 GB');
});

test('--memory takes a positive number of gigabytes', () => {
  expect(parseCli(['--memory', '1.5'])).toMatchObject({ memory: 1.5 });
  expect(parseCli([])).not.toHaveProperty('memory');
  for (const bad of ['0', '-2', 'lots'])
    expect(parseCli([`--memory=${bad}`])).toEqual({
      error: `--memory: \`${bad}\` is not a number of gigabytes (such as 8 or 1.5)`,
    });
});
