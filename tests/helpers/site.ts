/** Reading a built site in tests: pages as parsed HTML, twins as JSON. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type HTMLElement, parse } from 'node-html-parser';

export function page(site: string, path: string): HTMLElement {
  const file = join(site, path.replace(/^\//, ''), path.endsWith('/') || path === '' ? 'index.html' : '');
  return parse(readFileSync(file, 'utf8'));
}

export function json<T = unknown>(site: string, path: string): T {
  return JSON.parse(readFileSync(join(site, path.replace(/^\//, '')), 'utf8')) as T;
}

export function exists(site: string, path: string): boolean {
  return existsSync(join(site, path.replace(/^\//, '')));
}

/** The one element matching `selector`; fails the test when there is none. */
export function one(root: HTMLElement, selector: string): HTMLElement {
  const el = root.querySelector(selector);
  if (!el) throw new Error(`no element matches \`${selector}\``);
  return el;
}

/** The turn section whose speaker heading has the id `turnId`. */
export function turnSection(doc: HTMLElement, turnId: string): HTMLElement {
  const section = doc.getElementById(turnId)?.closest('section.turn');
  if (!section) throw new Error(`no turn section for #${turnId}`);
  return section;
}

/** Text as a reader sees it: entities decoded, white space folded. */
export function visibleText(el: HTMLElement): string {
  return el.textContent.replace(/\s+/g, ' ').trim();
}
