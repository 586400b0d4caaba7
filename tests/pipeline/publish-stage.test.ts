/**
 * The publish stage on its own: what it carries over, and what a failure to
 * replace the output folder leaves (the published site, as it was).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCli } from '../../scripts/lib/cli.ts';
import type { BuildContext } from '../../scripts/stages/context.ts';
import { publishStage } from '../../scripts/stages/publish.ts';

const dir = mkdtempSync(join(tmpdir(), 'archive-publish-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function context(out: string, staging: string): BuildContext {
  const options = parseCli(['--out', out, '--content', join(dir, 'content')]);
  if ('error' in options) throw new Error(options.error);
  return {
    options,
    staging,
    cache: join(dir, 'cache'),
    log: () => undefined,
    track: () => undefined,
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
