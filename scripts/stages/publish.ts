/**
 * Stage 8, publish: the staging folder replaces the output folder in one
 * rename, so an interrupted build never leaves a half-written site. The new
 * site carries the marker that lets the next build replace it, and keeps what
 * the keep-list names from the site it replaces (`CNAME`, `.git`, …).
 */
import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { relative } from 'node:path';
import { plural } from '../core/text.ts';
import { writeStamp } from '../lib/build-stamp-fs.ts';
import { carryKept } from '../lib/output-folder-fs.ts';
import { removeInBackground } from '../lib/remove-tree-fs.ts';
import { finalStamp, megabytes, type Stage, siteStamp, stop } from './context.ts';

export const publishStage: Stage = {
  name: 'publish',
  title: 'Publish',
  async run(ctx) {
    const { options, staging } = ctx;
    const out = options.out;
    const old = `${out}.old-${process.pid}`;
    // Marked and listed before the rename (the walk would lose its way in a folder that moves).
    const final = finalStamp(ctx);
    await final;
    ctx.setPublishing(true);
    let step = 'move the published site aside';
    try {
      if (existsSync(out)) await rename(out, old);
      step = 'move the new site into place';
      await rename(staging, out).catch(async (e: unknown) => {
        if (existsSync(old)) await rename(old, out);
        throw e;
      });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      return stop(
        `${out}: error [publish-failed] could not ${step} (${err.code ?? err.message}); the published site is unchanged.\n  ↳ Check that you may write to ${out} and to the folder that holds it (an immutable or busy folder cannot be replaced).`,
      );
    } finally {
      ctx.setPublishing(false);
    }
    const kept = existsSync(old) ? await carryKept(old, out) : [];
    // The replaced site is removed by a process of its own; a site that took files from it is walked again.
    const [leftover, { stamp, out: figures }] = await Promise.all([
      removeInBackground(old).then(
        () => undefined,
        (e: NodeJS.ErrnoException) =>
          `↳ warning: the replaced site, moved to ${old}, could not be removed (${e.code ?? e.message}); remove it by hand`,
      ),
      kept.length > 0 ? siteStamp(ctx) : final,
    ]);
    await writeStamp(ctx.cache, out, stamp);
    const lines = [
      `${relative(process.cwd(), out) || '.'}: ${plural(figures.files, 'file')}, ${megabytes(figures.bytes)}`,
    ];
    if (kept.length > 0) lines.push(`↳ kept ${kept.join(', ')} from the site it replaced`);
    if (leftover) lines.push(leftover);
    return { ok: true, figures, lines, problems: [] };
  },
};
