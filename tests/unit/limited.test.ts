import { expect, test } from 'vitest';
import { limited } from '../../scripts/lib/limited.ts';

test('runs at most `limit` tasks at once and gives their results in the order given', async () => {
  let running = 0;
  let most = 0;
  // Later tasks finish sooner: results must still come back in the order of the tasks.
  const tasks = Array.from({ length: 20 }, (_, i) => async () => {
    running++;
    most = Math.max(most, running);
    await new Promise((done) => setTimeout(done, 20 - i));
    running--;
    return i;
  });
  expect(await limited(tasks, 4)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  expect(most).toBe(4);
  expect(await limited([], 4)).toEqual([]);
});

test('fails with the first task that fails', async () => {
  const tasks = [async () => 1, async () => Promise.reject(new Error('no such file')), async () => 3];
  await expect(limited(tasks, 2)).rejects.toThrow('no such file');
});
