/**
 * Finding your way in a long transcript, on top of a page that reads without it:
 * - keys: `j` / `k` next and previous turn, `J` / `K` next and previous part,
 *   `s` / `S` this speaker's next and previous turn; the address follows, so
 *   the place can be shared (the rules are in src/lib/reading-position.ts);
 * - the outline ("On this page") shows where you are, opens beside the text
 *   on a wide screen, closes after a jump on a phone, and gives each
 *   participant "previous / next turn by …" buttons for touch.
 */
import { currentTurn, keyTarget, type ReadingKey, type TurnsOnPage } from '../lib/reading-position.ts';
import { isShortcut } from '../lib/shortcut.ts';

const turnSections = [...document.querySelectorAll<HTMLElement>('section.turn')];
const headingOf = (section: HTMLElement | undefined): HTMLElement | undefined =>
  section?.querySelector<HTMLElement>('h3') ?? undefined;
const partHeadings = (): HTMLElement[] => [
  ...document.querySelectorAll<HTMLElement>('h2.exchange-heading, h2.section-heading'),
];

/** Where a heading lands when jumped to: its scroll margin, with two pixels of slack for rounding. */
function readingLine(): number {
  const first = headingOf(turnSections[0]);
  return (first ? Number.parseFloat(getComputedStyle(first).scrollMarginTop) || 0 : 0) + 2;
}

function onScreen(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight;
}

/** The page measured for src/lib/reading-position.ts: heading positions, speakers, the focused turn. */
function measure(): TurnsOnPage {
  const focusedSection = document.activeElement?.closest<HTMLElement>('section.turn');
  const focused = focusedSection && onScreen(focusedSection) ? turnSections.indexOf(focusedSection) : undefined;
  return {
    tops: turnSections.map((s) => headingOf(s)?.getBoundingClientRect().top ?? 0),
    speakers: turnSections.map((s) => s.dataset['speaker'] ?? ''),
    line: readingLine(),
    focused: focused !== undefined && focused >= 0 ? focused : undefined,
  };
}

function go(el: HTMLElement | undefined): void {
  if (!el) return;
  history.replaceState(null, '', `#${el.id}`);
  el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'start' });
  update();
}

/** `J` / `K`: the next part heading below the reading line, or the last one above it. */
function partTarget(forward: boolean): HTMLElement | undefined {
  const line = readingLine();
  const parts = partHeadings();
  const focused = document.activeElement instanceof HTMLElement ? parts.indexOf(document.activeElement) : -1;
  if (focused >= 0) return parts[forward ? focused + 1 : focused - 1];
  const tops = parts.map((p) => p.getBoundingClientRect().top);
  return forward ? parts.find((_, i) => (tops[i] ?? 0) > line) : parts.findLast((_, i) => (tops[i] ?? 0) < line - 4);
}

const READING_KEYS: readonly string[] = ['j', 'k', 's', 'S'];

document.addEventListener('keydown', (event) => {
  if (!isShortcut(event)) return;
  if (READING_KEYS.includes(event.key)) {
    const target = keyTarget(event.key as ReadingKey, measure());
    go(target === undefined ? undefined : headingOf(turnSections[target]));
  } else if (event.key === 'J' || event.key === 'K') {
    go(partTarget(event.key === 'J'));
  } else return;
  event.preventDefault();
});

// The outline: where you are, and the speaker jumps.
const outline = document.getElementById('outline') as HTMLDetailsElement | null;
const here = document.getElementById('outline-here');
const partLinks = [...document.querySelectorAll<HTMLAnchorElement>('a[data-outline-part]')];
const wide = matchMedia('(min-width: 72rem)');

/** At the foot of the page the last turns never reach the top: the last one on screen is where you are. */
function shownTurn(): number {
  const page = measure();
  const atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
  if (!atEnd || page.focused !== undefined) return currentTurn(page);
  return page.tops.findLastIndex((top) => top < window.innerHeight);
}

function update(): void {
  const index = shownTurn();
  const section = turnSections[Math.max(0, index)];
  if (here && section) {
    const name = headingOf(section)?.textContent?.trim() ?? '';
    here.textContent = `Turn ${Math.max(0, index) + 1} of ${turnSections.length}${index >= 0 && name ? ` · ${name}` : ''}`;
  }
  // The current part: the last whose target starts at or above the current turn's heading.
  const line = index >= 0 ? (headingOf(section)?.getBoundingClientRect().top ?? 0) + 1 : -Infinity;
  let current: HTMLAnchorElement | undefined;
  for (const link of partLinks) {
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (target && target.getBoundingClientRect().top <= Math.max(line, readingLine())) current = link;
  }
  for (const link of partLinks) {
    if (link === current) link.setAttribute('aria-current', 'location');
    else link.removeAttribute('aria-current');
  }
  // A speaker's "previous" or "next" is greyed out where they have no such turn.
  const speakers = turnSections.map((t) => t.dataset['speaker']);
  for (const button of document.querySelectorAll<HTMLButtonElement>('#outline button[data-jump]')) {
    const who = button.closest<HTMLElement>('li[data-speaker]')?.dataset['speaker'];
    const next = button.dataset['jump'] === 'next';
    const has = speakers.some((s, i) => s === who && (next ? i > index : i < index));
    button.setAttribute('aria-disabled', String(!has));
  }
}

if (outline) {
  const fitWidth = () => {
    outline.open = wide.matches;
  };
  fitWidth();
  wide.addEventListener('change', fitWidth);
  // On a phone the drawer covers the text: a jump closes it.
  outline.addEventListener('click', (event) => {
    if (!wide.matches && (event.target as Element).closest('a')) outline.open = false;
  });
  for (const row of outline.querySelectorAll<HTMLElement>('li[data-speaker]')) {
    const jump = row.querySelector<HTMLElement>('.outline-jump');
    if (jump) jump.hidden = false;
    for (const button of row.querySelectorAll<HTMLButtonElement>('button[data-jump]')) {
      button.addEventListener('click', () => {
        const page = measure();
        const speakers = page.speakers;
        const from = currentTurn(page);
        const mine = speakers.map((s, i) => (s === row.dataset['speaker'] ? i : -1)).filter((i) => i >= 0);
        const target = button.dataset['jump'] === 'next' ? mine.find((i) => i > from) : mine.findLast((i) => i < from);
        if (!wide.matches) outline.open = false;
        go(target === undefined ? undefined : headingOf(turnSections[target]));
      });
    }
  }
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      update();
    });
  };
  addEventListener('scroll', schedule, { passive: true });
  addEventListener('hashchange', schedule);
  update();
}
