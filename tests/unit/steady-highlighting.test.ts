import { codeToHtml, createCssVariablesTheme } from 'shiki';
import { expect, test } from 'vitest';
import { MAX_LINE, steadyHighlighting } from '../../src/lib/steady-highlighting.ts';

// One long JSON line under MAX_LINE: thousands of tokens, more than a 1 ms budget can tokenize.
const line = JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ turn: i, speaker: `Speaker ${i}` })));
// The theme astro.config.mjs chooses, made as Astro makes it.
const theme = createCssVariablesTheme({ variablePrefix: '--astro-code-' });
const highlight = (code: string, extra: object) => codeToHtml(code, { lang: 'json', theme, ...extra });

test('without it, a tokenizing budget the machine cannot meet leaves the line partly uncoloured', async () => {
  const rushed = await highlight(line, { tokenizeTimeLimit: 1 });
  const unhurried = await highlight(line, { tokenizeTimeLimit: 0 });
  expect(rushed).not.toBe(unhurried);
});

test('with it, the same code gives the same markup whatever the time budget', async () => {
  const rushed = await highlight(line, { tokenizeTimeLimit: 1, transformers: [steadyHighlighting] });
  const unhurried = await highlight(line, { tokenizeTimeLimit: 0 });
  expect(rushed).toBe(unhurried);
  expect(rushed.match(/<span/g)?.length ?? 0).toBeGreaterThan(2_000);
});

test('a line longer than the limit is left plain, so no line can stall the build', async () => {
  const long = `"${'x'.repeat(MAX_LINE)}"`;
  const html = await highlight(`{"a": 1}\n${long}`, { transformers: [steadyHighlighting] });
  expect(html).toContain(long);
  expect(html).toContain('--astro-code-token');
});
