import { launchBrowser } from './lib/chromium.ts';
import { serveStatic } from './lib/serve-static.ts';
const server = await serveStatic('/tmp/srch/site');
const browser = await launchBrowser();
for (const q of process.argv.slice(2)) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/search/?${q}`);
  await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '') !== '', undefined, { timeout: 15000 }).catch(() => {});
  const out = await page.evaluate(() => ({
    status: document.getElementById('search-status')?.textContent,
    suggest: (document.getElementById('search-suggest') as HTMLElement).hidden ? '' : document.getElementById('search-suggest')?.textContent,
    hits: [...document.querySelectorAll('.search-hit')].slice(0, 4).map((h) => h.textContent?.slice(0, 140)),
    filters: document.getElementById('search-filters')?.innerText.replace(/\n+/g, ' | ').slice(0, 400),
  }));
  console.log(q, JSON.stringify(out, null, 1), errors);
  await page.close();
}
await browser.close(); await server.close();
