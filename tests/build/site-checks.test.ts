/**
 * Site integrity of the fixture build, checked on files (no browser): every
 * internal link and anchor resolves (the same check as `npm run check:site`
 * and every `npm run build`), every page is valid HTML, and the
 * Content-Security-Policy is the same in each page and in the host's header file
 * (a page with a player adds its recording's origin; the header, every one).
 *
 * html-validate runs its recommended rules (.htmlvalidate.json) with two off:
 * `no-inline-style`, because Shiki colours code with `style` attributes (the
 * CSP allows style attributes and nothing else inline), and `long-title`,
 * because a page's title is its transcript's title, as long as the source has it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, inject, test } from 'vitest';
import { checkSite } from '../../scripts/check-site.ts';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, headerPolicy } from '../../scripts/core/csp.ts';
import { playerSources } from '../../scripts/core/urls.ts';
import { page } from '../helpers/site.ts';

const { site } = inject('fixtureBuild');
const HTML_FILES = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));

const DATA_BLOCK = /^application\/(?:ld\+)?json$/;

describe('links and anchors', () => {
  test('every internal link, asset and #anchor of every page resolves, and no id repeats on a page', async () => {
    const report = await checkSite(site);
    console.log(
      `Link check: ${report.pages} pages, ${report.links} internal links (${report.anchors} to an anchor), ${report.problems.length} broken`,
    );
    expect(report.problems).toEqual([]);
    expect(report.pages).toBe(HTML_FILES.length);
    expect(report.links).toBeGreaterThan(1000);
    expect(report.anchors).toBeGreaterThan(100);
  });
});

describe('HTML validation (html-validate)', () => {
  test('every page is valid HTML, with zero errors and zero warnings', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const messages: string[] = [];
    for (const file of HTML_FILES) {
      const report = await validator.validateFile(join(site, file));
      for (const m of report.results.flatMap((r) => r.messages)) {
        messages.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    console.log(`HTML validation: ${HTML_FILES.length} pages, ${messages.length} messages`);
    expect(messages).toEqual([]);
  });
});

describe('Content-Security-Policy', () => {
  test('every page carries the policy as its first <meta> after the charset; a page with a player adds its recording’s origin', () => {
    const players: string[] = [];
    for (const file of HTML_FILES) {
      const doc = page(site, `/${file}`.replace(/index\.html$/, ''));
      const metas = doc.querySelectorAll('head > meta');
      const player = doc.querySelector('.media-player :is(audio, video)')?.getAttribute('src');
      if (player) players.push(player);
      expect(metas[1]?.getAttribute('http-equiv'), file).toBe('Content-Security-Policy');
      expect(metas[1]?.getAttribute('content'), file).toBe(contentSecurityPolicy(playerSources(player)));
    }
    // The town hall's recording beside the site, and the interview's on another host.
    expect(players.sort()).toEqual(['/town-hall.wav', 'https://example.org/interview.mp4']);
  });

  test("the host's header file has the same policy, plus what only a header can say: every recording origin", () => {
    const headers = readFileSync(join(site, '_headers'), 'utf8');
    const csp = /^\s+Content-Security-Policy: (.+)$/m.exec(headers)?.[1];
    expect(csp).toBe(`${CONTENT_SECURITY_POLICY}; media-src 'self' https://example.org; frame-ancestors 'none'`);
    expect(csp).toBe(headerPolicy(["'self'", 'https://example.org']));
    expect(headers).toMatch(/^\/\*$/m);
  });

  test('no page has an inline script, an inline <style>, or an event-handler attribute', () => {
    for (const file of HTML_FILES) {
      const html = readFileSync(join(site, file), 'utf8');
      const doc = page(site, `/${file}`.replace(/index\.html$/, ''));
      // JSON data blocks (citation data, schema.org JSON-LD) are never executed, and CSP does not apply to them.
      const inline = doc
        .querySelectorAll('script:not([src])')
        .filter((el) => !DATA_BLOCK.test(el.getAttribute('type') ?? ''));
      expect(inline, file).toHaveLength(0);
      expect(doc.querySelectorAll('style'), file).toHaveLength(0);
      expect(html, file).not.toMatch(/<[^>]+\son[a-z]+=/i);
    }
  });
});
