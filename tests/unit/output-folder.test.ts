import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWithin, outputFolderRefusal } from '../../scripts/core/output-folder.ts';
import { defaultContent, ROOT } from '../../scripts/lib/cli.ts';
import { stagingFor } from '../../scripts/lib/recover-fs.ts';

const project = '/home/ana/archive';
const places = {
  seeds: `${project}/seeds`,
  content: `${project}/content`,
  project,
  home: '/home/ana',
};
const refusal = (out: string) => outputFolderRefusal({ ...places, out });

describe('the output-folder contract', () => {
  it.each([
    ['/', 'root of the file system'],
    [project, 'is the project'],
    ['/home', 'holds the project'],
    ['/home/ana', 'holds the project'],
    [`${project}/seeds`, 'is the seeds folder'],
    [`${project}/seeds/site`, 'inside the seeds folder'],
    [`${project}/content`, 'is the content folder'],
    [`${project}/content/site`, 'inside the content folder'],
    [`${project}/scripts/out`, "inside the project's `scripts` folder"],
    [`${project}/.git`, "inside the project's `.git` folder"],
    [`${project}/node_modules/x`, "inside the project's `node_modules` folder"],
  ])('refuses %s: %s', (out, reason) => {
    const text = refusal(out);
    expect(text).toContain(reason);
    expect(text).toMatch(new RegExp(`^${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: error \\[unsafe-output\\]`));
    expect(text).toContain('Choose another --out');
  });

  it('refuses the home folder itself, and a folder holding seeds kept outside the project', () => {
    expect(outputFolderRefusal({ ...places, project: '/srv/archive', out: '/home/ana' })).toContain(
      'is your home folder',
    );
    expect(outputFolderRefusal({ ...places, seeds: '/data/seeds', out: '/data' })).toContain('holds the seeds folder');
  });

  it.each([`${project}/dist`, `${project}-site`, '/home/ana/site', '/var/www/archive'])('accepts %s', (out) => {
    expect(refusal(out)).toBeUndefined();
  });

  it('compares whole path segments, not strings', () => {
    expect(isWithin('/home/ana/archive-site', '/home/ana/archive')).toBe(false);
    expect(isWithin('/home/ana/archive/dist', '/home/ana/archive')).toBe(true);
    expect(isWithin('/home/ana/archive', '/home/ana/archive')).toBe(true);
  });
});

describe('the staging folder', () => {
  it('sits beside the output folder, named for it', () => {
    expect(stagingFor('/var/www/site', project)).toBe(`/var/www/site.tmp-${process.pid}`);
    expect(stagingFor(`${project}/dist`, project)).toBe(`${project}/dist.tmp-${process.pid}`);
  });

  it('is hidden when its path would start with the project path without being inside the project', () => {
    expect(stagingFor(`${project}-site`, project)).toBe(`/home/ana/.archive-site.tmp-${process.pid}`);
    expect(stagingFor(`${project}-site`, `${project}/`)).toBe(`/home/ana/.archive-site.tmp-${process.pid}`);
  });
});

describe('the default content folder', () => {
  it("is content/ for the project's own seeds, and one folder per archive for any other", () => {
    expect(defaultContent(join(ROOT, 'seeds'))).toBe(join(ROOT, 'content'));
    expect(defaultContent('/data/My Transcripts')).toBe(join(ROOT, 'content', 'archives', 'my-transcripts'));
    expect(defaultContent(join(homedir(), 'samples'))).toBe(join(ROOT, 'content', 'archives', 'samples'));
  });
});
