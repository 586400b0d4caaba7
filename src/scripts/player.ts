/**
 * The transcript page's player (src/components/MediaPlayer.astro), enhanced:
 * - a link to the recording at a moment (a turn's time, the Cite dialog's
 *   "Play the recording from …") seeks the player and plays, instead of
 *   leaving the page;
 * - the turn being played is marked (`aria-current="true"` and a class),
 *   from the turns' start times;
 * - "Follow the recording", off by default, scrolls the marked turn into view
 *   as the recording moves on: the page never scrolls unless the reader asks.
 * Without this script the native controls still play, and the times stay
 * links to the recording at that moment.
 */

interface Cue {
  id: string;
  start: number;
}

const player = document.querySelector<HTMLMediaElement>('.media-player .media-element');

/** The address of a link that plays the recording from a moment (`…/town-hall.mp3#t=65`): its seconds. */
function momentOf(link: string, recording: string): number | undefined {
  const url = new URL(link, location.href);
  const t = /^#t=(\d+(?:\.\d+)?)/.exec(url.hash);
  url.hash = '';
  const own = new URL(recording, location.href);
  own.hash = '';
  return t?.[1] !== undefined && url.href === own.href ? Number(t[1]) : undefined;
}

if (player) {
  const cues: Cue[] = (JSON.parse(document.getElementById('media-cues')?.textContent ?? '[]') as Cue[]).sort(
    (a, b) => a.start - b.start,
  );
  const controls = document.querySelector<HTMLElement>('.media-player .media-controls');
  const follow = controls?.querySelector<HTMLInputElement>('input.media-follow');
  if (controls && cues.length > 0) controls.hidden = false;
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  let marked: HTMLElement | undefined;

  /** The turn at the recording's current time: the last one started by then. */
  const current = (): HTMLElement | undefined => {
    const now = player.currentTime + 0.05;
    let cue: Cue | undefined;
    for (const c of cues) {
      if (c.start > now) break;
      cue = c;
    }
    return cue ? (document.getElementById(cue.id)?.closest<HTMLElement>('section.turn') ?? undefined) : undefined;
  };

  const reveal = (turn: HTMLElement): void => {
    turn.scrollIntoView({ block: 'center', behavior: reduceMotion.matches ? 'auto' : 'smooth' });
  };

  const mark = (): void => {
    const turn = current();
    if (turn === marked) return;
    marked?.removeAttribute('aria-current');
    marked?.classList.remove('turn--playing');
    marked = turn;
    if (!turn) return;
    turn.setAttribute('aria-current', 'true');
    turn.classList.add('turn--playing');
    if (follow?.checked) reveal(turn);
  };

  for (const event of ['timeupdate', 'seeked', 'play', 'loadedmetadata']) player.addEventListener(event, mark);
  follow?.addEventListener('change', () => {
    if (follow.checked && marked) reveal(marked);
  });

  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const link = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[href]') : null;
    const seconds = link ? momentOf(link.href, player.currentSrc || player.src) : undefined;
    if (!link || seconds === undefined) return;
    e.preventDefault();
    link.closest('dialog')?.close();
    player.currentTime = seconds;
    mark();
    // A click is a user gesture, so the browser lets it play; if it still refuses, the controls remain.
    player.play().catch(() => undefined);
  });
}
