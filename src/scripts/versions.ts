/**
 * The language switcher keeps the reader's place: each link to another
 * language of the transcript (or to the side-by-side view) gets the anchor
 * of the turn being read, translated to that page's turn (`data-turns`). The
 * turn being read is the one in the address (`#t3`), else the last turn
 * whose heading has reached the top of the window (where a jump to its
 * anchor puts it: 1rem below the top). Without this
 * script the links open the other page at its top.
 */

const links = [...document.querySelectorAll<HTMLAnchorElement>('a[data-turns]')];
const turnMaps = new Map(links.map((a) => [a, JSON.parse(a.dataset['turns'] ?? '{}') as Record<string, string>]));
const headings = [...document.querySelectorAll<HTMLElement>('.turn h3[id], [data-turn-row]')];

/** How far below the window's top a heading still counts as reached, in CSS pixels: its `scroll-margin-top` and a little. */
const TOP = 24;

function currentTurn(): string | undefined {
  const hash = decodeURIComponent(location.hash.slice(1));
  if (/^t\d+$/.test(hash) && document.getElementById(hash)) return hash;
  let seen: string | undefined;
  for (const h of headings) {
    if (h.getBoundingClientRect().top > TOP) break;
    seen = h.id;
  }
  return seen;
}

function update(): void {
  const turn = currentTurn();
  for (const [a, turns] of turnMaps) {
    const url = new URL(a.href);
    const there = turn === undefined ? undefined : turns[turn];
    url.hash = there ?? '';
    a.href = url.href;
  }
}

let queued = false;
addEventListener(
  'scroll',
  () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      update();
    });
  },
  { passive: true },
);
addEventListener('hashchange', update);
for (const a of links) a.addEventListener('pointerdown', update);
update();
