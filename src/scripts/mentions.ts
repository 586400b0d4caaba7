/**
 * Arriving from a search hit (`?highlight=telecom%20fraud#t2`): the terms are
 * marked in the transcript by Pagefind's own highlighter (mark.js, shipped in
 * the search bundle), and a small navigator says how many mentions the page
 * holds and steps through them (buttons, or n / N), the address following the
 * turn of the current one. Without JavaScript or the search bundle the page
 * simply reads unmarked.
 */
import { isShortcut } from '../lib/shortcut.ts';

interface PagefindHighlightOptions {
  highlightParam: string;
  addStyles: boolean;
  markOptions: { className: string; exclude: string[] };
}
type PagefindHighlight = new (options: PagefindHighlightOptions) => unknown;

const CLASS = 'pagefind-highlight';
/** Where search terms are not marked. */
const NOT_MARKED = ['[data-pagefind-ignore]', '.turn-head', '.turn-label'];
const terms = new URL(location.href).searchParams.getAll('highlight').filter((t) => t.trim() !== '');
const article = document.querySelector<HTMLElement>('article[data-highlight-base]');

async function markTerms(base: string): Promise<HTMLElement[]> {
  const module = (await import(/* @vite-ignore */ `${base}pagefind-highlight.js`)) as { default: PagefindHighlight };
  // Styles come from the site's CSS: the policy allows no injected <style>.
  new module.default({
    highlightParam: 'highlight',
    addStyles: false,
    // Not in the page's chrome, nor in a turn's heading, link, time and label: only in what was said.
    markOptions: { className: CLASS, exclude: NOT_MARKED.flatMap((s) => [s, `${s} *`]) },
  });
  return [...document.querySelectorAll<HTMLElement>(`mark.${CLASS}`)];
}

function button(text: string, label: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  return b;
}

function navigator(marks: HTMLElement[], holder: HTMLElement): void {
  const quoted = terms.map((t) => `“${t}”`).join(', ');
  const bar = document.createElement('div');
  bar.className = 'mentions';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'Search terms on this page');
  const status = document.createElement('p');
  status.className = 'mentions-status';
  status.setAttribute('aria-live', 'polite');
  const prev = button('↑ Previous', 'Previous mention (N)');
  const next = button('↓ Next', 'Next mention (n)');
  const clear = document.createElement('a');
  clear.href = `${location.pathname}${location.hash}`;
  clear.textContent = 'Clear';
  bar.append(status, prev, next, clear);
  holder.before(bar);

  // Start at the first mention in the turn the hit pointed to, without moving the page.
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)))?.closest('section.turn');
  let index = target ? marks.findIndex((m) => target.contains(m)) : -1;
  const describe = () => {
    const where = index >= 0 ? `Mention ${index + 1} of ${marks.length}` : `${marks.length} mentions`;
    status.textContent = `${where} of ${quoted} on this page.`;
  };
  const show = (i: number, move: boolean) => {
    marks[index]?.classList.remove('current');
    index = (i + marks.length) % marks.length;
    const mark = marks[index];
    if (!mark) return;
    mark.classList.add('current');
    describe();
    if (!move) return;
    mark.scrollIntoView({ block: 'center' });
    const turn = mark.closest('section.turn')?.querySelector('h3')?.id;
    if (turn) history.replaceState(null, '', `#${turn}`);
    clear.href = `${location.pathname}${location.hash}`;
  };
  if (index >= 0) show(index, false);
  else describe();
  // The bar stays at the top of the window: anchors land below it, the hit's turn included.
  new ResizeObserver(() => {
    document.documentElement.style.scrollPaddingTop = `${bar.offsetHeight + 8}px`;
  }).observe(bar);
  document.documentElement.style.scrollPaddingTop = `${bar.offsetHeight + 8}px`;
  target?.querySelector('h3')?.scrollIntoView();
  prev.addEventListener('click', () => show(index <= 0 ? marks.length - 1 : index - 1, true));
  next.addEventListener('click', () => show(index + 1, true));
  document.addEventListener('keydown', (event) => {
    if (!isShortcut(event) || (event.key !== 'n' && event.key !== 'N')) return;
    event.preventDefault();
    if (event.key === 'n') show(index + 1, true);
    else show(index <= 0 ? marks.length - 1 : index - 1, true);
  });
}

if (terms.length > 0 && article) {
  markTerms(article.dataset['highlightBase'] ?? '/pagefind/')
    .then((marks) => {
      if (marks.length > 0) navigator(marks, article);
    })
    .catch(() => undefined); // No search bundle (a partial build): the page reads unmarked.
}
