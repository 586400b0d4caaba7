/**
 * The publish stage on its own: what it carries over, the stamp it keeps
 * for the next build (the published site's, though listed before the
 * rename), and what a failure to replace the output folder leaves (the
 * published site, as it was).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStamp } from '../../scripts/lib/build-stamp-fs.ts';
import { parseCli } from '../../scripts/lib/cli.ts';
import { type BuildContext, finalStamp, siteStamp } from '../../scripts/stages/context.ts';
import { publishStage } from '../../scripts/stages/publish.ts';

const dir = mkdtempSync(join(tmpdir(), 'archive-publish-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function context(out: string, staging: string): BuildContext {
  const options = parseCli(['--out', out, '--content', join(dir, 'content')]);
  if ('error' in options) throw new Error(options.error);
  return {
    options,
    build: {},
    staging,
    cache: join(dir, 'cache'),
    log: () => undefined,
    track: () => undefined,
    putFirst: () => undefined,
    onStop: () => undefined,
    setPublishing: () => undefined,
    ingestParsing: new Promise(() => undefined),
    markIngestParsing: () => undefined,
  };
}

describe('the publish stage', () => {
  it('replaces the site, marks it, and carries CNAME over', async () => {
    const out = join(dir, 'site');
    const staging = join(dir, 'site.tmp-1');
    mkdirSync(out);
    writeFileSync(join(out, 'CNAME'), 'archive.example.org\n');
    writeFileSync(join(out, 'old.html'), 'old');
    mkdirSync(staging);
    writeFileSync(join(staging, 'index.html'), 'new');
    const outcome = await publishStage.run(context(out, staging));
    expect(outcome.ok).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(readFileSync(join(out, 'CNAME'), 'utf8')).toBe('archive.example.org\n');
    expect(existsSync(join(out, 'old.html'))).toBe(false);
    expect(existsSync(join(out, '.transcript-archive'))).toBe(true);
    expect(outcome.lines.join('\n')).toContain('kept CNAME');
    // Carried files are not in the listing made before the rename: the stamp is of the site as published.
    const ctx = context(out, staging);
    expect(await readStamp(ctx.cache, out)).toBe((await siteStamp(ctx)).stamp);
  });

  it('keeps the stamp of the site as published, listed before the rename, beside the check', async () => {
    const out = join(dir, 'stamped');
    const staging = join(dir, 'stamped.tmp-3');
    mkdirSync(join(staging, 'transcripts', 'a'), { recursive: true });
    writeFileSync(join(staging, 'index.html'), 'home');
    writeFileSync(join(staging, 'transcripts', 'a', 'index.html'), 'a');
    const ctx = context(out, staging);
    // As the check stage does: the listing starts before the publish, and the publish takes it.
    const listed = finalStamp(ctx);
    const outcome = await publishStage.run(ctx);
    expect(outcome.ok).toBe(true);
    expect(outcome.figures).toMatchObject({ files: 3, pages: 2 });
    const published = await siteStamp(ctx);
    expect(await readStamp(ctx.cache, out)).toBe(published.stamp);
    expect((await listed).stamp).toBe(published.stamp);
    // A file changed in the published site: its stamp is no longer the one kept.
    writeFileSync(join(out, 'index.html'), 'home, changed');
    expect((await siteStamp(ctx)).stamp).not.toBe(published.stamp);
  });

  it('puts the published site back and names the folder when the new site cannot be moved into place', async () => {
    const out = join(dir, 'published');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'published');
    // A staging folder that cannot be renamed: its marker is written, then it vanishes under the stage.
    const staging = join(dir, 'published.tmp-2');
    mkdirSync(staging);
    const ctx = context(out, staging);
    ctx.setPublishing = (on) => {
      if (on) rmSync(staging, { recursive: true });
    };
    const outcome = await publishStage.run(ctx);
    expect(outcome.ok).toBe(false);
    expect(outcome.stopped).toContain(`${out}: error [publish-failed] could not move the new site into place (ENOENT)`);
    expect(outcome.stopped).toContain('the published site is unchanged');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('published');
  });
});
