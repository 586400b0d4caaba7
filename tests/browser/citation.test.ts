import { expect, inject, test } from 'vitest';
import { serveWithBrowser } from '../helpers/browser.ts';

const { site } = inject('fixtureBuild');
const served = serveWithBrowser(site);

test('“Cite” on a turn opens every format for that passage, and the copy button copies it', async () => {
  const context = await served.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.server.url });
  const tab = await context.newPage();
  await tab.goto(`${served.server.url}/transcripts/seed-press-conference/`);
  // One Cite button on the page: it comes to the turn under the pointer, and cites that turn.
  expect(await tab.locator('button.turn-cite').count()).toBe(1);
  await tab.locator('h3#t2').hover();
  await tab.getByRole('button', { name: 'Cite this turn by Qi Yanjun' }).click();
  const dialog = tab.getByRole('dialog', { name: 'Cite this passage' });
  await dialog.waitFor();
  const link = await dialog.getByLabel('Link to this passage').inputValue();
  expect(link).toMatch(new RegExp(`^${served.server.url}/transcripts/seed-press-conference/\\?v=[0-9a-f]{8}#t2$`));
  await dialog.getByRole('button', { name: 'Copy BibTeX' }).click();
  const copied = await tab.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(
    /^@misc\{seed-press-conference-t2,\n {2}title = \{\{Seed press conference, turn t2\}\},\n {2}author = \{Qi, Yanjun\}/,
  );
  expect(copied).toContain(`url = {${link}}`);
  // The access date is the reader's today.
  expect(copied).toMatch(/urldate = \{\d{4}-\d{2}-\d{2}\}/);
  expect(await tab.locator('#copy-status').textContent()).toBe('BibTeX copied.');
  // With the toggle, the citation quotes the passage's words, with the in-text citation.
  const apa = dialog.locator('pre.cite-text').first();
  expect(await apa.textContent()).toMatch(/^Qi, Y\. \(n\.d\.\)\. Seed press conference, turn t2 \[Transcript\]/);
  await dialog.getByLabel(/Include the quoted words/).check();
  expect(await apa.textContent()).toMatch(/^“[^”]+” \(Qi, n\.d\.\)\.\n\nQi, Y\. \(n\.d\.\)/);
  await context.close();
});

test('the transcript’s own citations show without JavaScript, with the page’s address', async () => {
  const context = await served.browser.newContext({ javaScriptEnabled: false });
  const tab = await context.newPage();
  await tab.goto(`${served.server.url}/transcripts/seed-press-conference/`);
  await tab.getByText('Cite this transcript').click();
  expect(await tab.locator('#cite-apa-text').textContent()).toMatch(
    /^Qi, Y\., & Shou, X\. \(n\.d\.\)\. Seed press conference \[Transcript\]\. Transcript archive\. \/transcripts\/seed-press-conference\/$/,
  );
  expect(await tab.locator('button.turn-cite').count()).toBe(0);
  // Copy buttons are made by the script: without it the page carries none, hidden or not.
  expect(await tab.locator('button.copy-button').count()).toBe(0);
  await context.close();
});

test('a turn’s permanent link is named by its id, without the drawn “#”, and opens that turn’s address', async () => {
  const context = await served.browser.newContext();
  const tab = await context.newPage();
  const page = `${served.server.url}/transcripts/seed-press-conference/`;
  await tab.goto(page);
  const head = tab.locator('.turn-head:has(h3#t2)');
  // The accessible name is exactly "t2": the "#" before it is CSS, silent to screen readers, yet seen.
  const link = head.getByRole('link', { name: 't2', exact: true });
  expect(await link.count()).toBe(1);
  expect(await link.evaluate((a) => getComputedStyle(a, '::before').content)).toMatch(/^"#"/);
  await link.click();
  await tab.waitForURL(`${page}#t2`);
  expect(await tab.locator(':target').getAttribute('id')).toBe('t2');
  // Opened from a search hit, the page's address carries a query: the permanent link does not.
  await tab.goto(`${page}?highlight=fraud#t4`);
  const from = tab.locator('.turn-head:has(h3#t2)').getByRole('link', { name: 't2', exact: true });
  await tab.waitForFunction(() => document.querySelector<HTMLAnchorElement>('a.turn-link')?.search === '');
  expect(await from.evaluate((a: HTMLAnchorElement) => a.href)).toBe(`${page}#t2`);
  await context.close();
});
