/**
 * The project's Astro stage (`acquireAstroStage` in `scripts/lib/lock-fs.ts`):
 * a build waits while another holds it, and a build that ends while it waits
 * (its early Astro called off) stops waiting, holding nothing.
 */
import { expect, test } from 'vitest';
import { acquireAstroStage } from '../../scripts/lib/lock-fs.ts';

test('waiting for the Astro stage stops when its signal aborts, and takes nothing', async () => {
  // Other test files' builds may hold the stage for a while: this waits its turn like any build.
  const first = await acquireAstroStage(() => undefined);
  try {
    const said: string[] = [];
    const waiting = new AbortController();
    const second = acquireAstroStage((line) => said.push(line), waiting.signal);
    setTimeout(() => waiting.abort(), 200);
    await expect(second).rejects.toThrow();
    expect(said[0]).toContain(`waiting for build process ${process.pid} to finish its Astro stage`);
    // Aborted before it asks: it throws at once.
    await expect(acquireAstroStage(() => undefined, AbortSignal.abort())).rejects.toThrow();
  } finally {
    await first.release();
  }
  // Nothing was left held: the stage is free again.
  const again = await acquireAstroStage(() => undefined);
  await again.release();
}, 300_000);
