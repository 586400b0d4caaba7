/**
 * The transcript page's enhancements; the page reads fully without them.
 * - copy buttons for the citations;
 * - "Cite" on the turn being read (one button, moved to the turn focused,
 *   pointed at or linked to): a dialog with the link to that exact passage
 *   (with its version fingerprint) and every citation format;
 * - a cited link whose passage changed since (`?v=<fingerprint>#t2`) shows
 *   a notice with the text as it was cited;
 * - "Copy link to this passage" for selected text, as a text-fragment URL,
 *   where the browser supports text fragments;
 * - search terms marked on arrival from a hit, with a navigator (mentions.ts);
 * - the reading keys and the outline's position (reading.ts);
 * - the language switcher's links at the turn being read (versions.ts).
 *
 * A copy is confirmed twice: the button says "Copied" for a few seconds, and
 * the live region tells a screen reader.
 */
import { CITE_FORMATS, cite, quoteOf, turnTarget } from '../../scripts/core/cite.ts';
import './mentions.ts';
import type { CiteData } from '../lib/cite-target.ts';
import './reading.ts';
import './versions.ts';

const data = document.getElementById('cite-data')?.textContent;
const parsed: CiteData | undefined = data ? (JSON.parse(data) as CiteData) : undefined;
const base = parsed?.target;
/** Today in the reader's time zone: the access date citations give. */
const now = new Date();
const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
const absolute = (url: string): string => new URL(url, location.href).href;

function announce(text: string): void {
  const live = document.getElementById('copy-status');
  if (live) live.textContent = text;
}

/** How long a button says "Copied" before its label comes back. */
const CONFIRM_MS = 3000;

async function copy(text: string, what: string, button?: HTMLButtonElement): Promise<void> {
  let done: boolean;
  try {
    await navigator.clipboard.writeText(text);
    announce(`${what} copied.`);
    done = true;
  } catch {
    announce(`Could not copy: select the ${what.toLowerCase()} and copy it by hand.`);
    done = false;
  }
  if (!button) return;
  const label = button.dataset['label'] ?? button.textContent ?? '';
  button.dataset['label'] = label;
  button.textContent = done ? 'Copied ✓' : 'Not copied';
  button.classList.toggle('copied', done);
  clearTimeout(Number(button.dataset['timer']));
  button.dataset['timer'] = String(
    setTimeout(() => {
      button.textContent = label;
      button.classList.remove('copied');
    }, CONFIRM_MS),
  );
}

function copyButton(label: string, text: () => string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-button';
  button.textContent = `Copy ${label}`;
  button.addEventListener('click', () => void copy(text(), label, button));
  return button;
}

if (base) {
  const target = { ...base, url: absolute(base.url), accessed: today };
  // Citations written at build time get the access date, and the site's address if the build had none.
  // Each gets its copy button here: the page does not carry seven hidden buttons for readers without JavaScript.
  for (const pre of document.querySelectorAll<HTMLPreElement>('pre.cite-text')) {
    const format = CITE_FORMATS.find((f) => f.id === pre.dataset['format']);
    if (!format) continue;
    pre.textContent = cite(target, format.id);
    pre.after(copyButton(format.label, () => pre.textContent ?? ''));
  }
  const dialog = document.getElementById('cite-dialog') as HTMLDialogElement | null;
  const linkField = document.getElementById('cite-dialog-link') as HTMLInputElement | null;
  const quoteBox = document.getElementById('cite-dialog-quote') as HTMLInputElement | null;
  const formats = document.getElementById('cite-dialog-formats');
  let render = (): void => {};
  quoteBox?.addEventListener('change', () => render());
  // One "Cite" button for the page, in the turn being read: the turn a link points to, the one
  // focused (Tab from a turn's permanent link reaches it), the one under the pointer.
  const citeButton = document.createElement('button');
  citeButton.type = 'button';
  citeButton.className = 'turn-cite';
  const turns = document.querySelectorAll<HTMLElement>('section.turn');
  // Two tab stops a turn: the recording's time link is offered in the dialog instead.
  for (const time of document.querySelectorAll('section.turn a.turn-time')) time.setAttribute('tabindex', '-1');
  const moveTo = (section: HTMLElement | null | undefined): void => {
    const head = section?.querySelector('.turn-head');
    const heading = head?.querySelector('h3');
    if (!head || !heading || citeButton.parentElement === head) return;
    // A focused button stays where it is: moving it would drop the keyboard's place.
    if (document.activeElement === citeButton) return;
    const name = heading.textContent ?? '';
    citeButton.dataset['turn'] = heading.id;
    const label = document.createElement('span');
    label.className = 'visually-hidden';
    label.textContent = ` this turn by ${name}`;
    citeButton.replaceChildren('Cite', label);
    head.append(citeButton);
  };
  const turnOf = (target: EventTarget | null): HTMLElement | null =>
    target instanceof Element ? target.closest<HTMLElement>('section.turn') : null;
  const targeted = (): HTMLElement | null =>
    turnOf(
      location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1).split(':~:')[0] ?? '')) : null,
    );
  moveTo(targeted() ?? turns[0]);
  window.addEventListener('hashchange', () => moveTo(targeted()));
  document.addEventListener('focusin', (e) => moveTo(turnOf(e.target)));
  document.addEventListener('pointerover', (e) => moveTo(turnOf(e.target)));
  citeButton.addEventListener('click', () => {
    const section = citeButton.closest<HTMLElement>('section.turn');
    const heading = section?.querySelector('h3');
    if (!section || !heading) return;
    const turn = heading.id;
    const speaker = heading.textContent ?? '';
    const time = section.querySelector<HTMLElement>('.turn-time');
    const play = time instanceof HTMLAnchorElement ? time.href : undefined;
    // The time as shown, without the screen-reader words before it.
    const clock = time?.lastChild?.textContent ?? undefined;
    const link = `${location.origin}${location.pathname}?v=${section.dataset['fingerprint'] ?? ''}#${turn}`;
    // The reader's selection inside this turn, else the turn's opening words.
    const selection = document.getSelection();
    const selected = selection && section.contains(selection.anchorNode) ? selection.toString() : '';
    const body = section.querySelector('.turn-body')?.textContent ?? '';
    const quote = quoteOf(selected.trim() || body);
    if (linkField) linkField.value = link;
    render = () => renderFormats(link, turn, speaker, quoteBox?.checked ? quote : '', play, clock);
    render();
    dialog?.showModal();
  });

  function renderFormats(
    link: string,
    turn: string,
    speaker: string,
    quote: string,
    play: string | undefined,
    clock: string | undefined,
  ): void {
    const at = clock ? { at: clock } : {};
    const passage = turnTarget(target, { id: turn, url: link, speaker: parsed?.speakers[speaker], quote, ...at });
    // The recording's time link, out of the tab order in the turn, is offered here.
    const playLink = document.createElement('a');
    if (play) {
      playLink.href = play;
      playLink.rel = 'external';
      playLink.textContent = `Play the recording from ${clock ?? 'this turn'}`;
    }
    formats?.replaceChildren(
      ...(play ? [playLink, document.createElement('br')] : []),
      copyButton('link', () => link),
      ...CITE_FORMATS.flatMap((f) => {
        const heading = document.createElement('h3');
        heading.className = 'cite-label';
        heading.textContent = f.label;
        const pre = document.createElement('pre');
        pre.className = 'cite-text';
        pre.textContent = cite(passage, f.id);
        return [heading, pre, copyButton(f.label, () => pre.textContent ?? '')];
      }),
    );
  }
}

// A turn's permanent link is `#t2` on the page. Arriving with a query (`?highlight=…` from search,
// `?v=…` from a citation), it would keep that query: point it at the page's own address instead.
if (location.search)
  for (const link of document.querySelectorAll<HTMLAnchorElement>('section.turn a.turn-link'))
    link.href = `${location.pathname}${link.hash}`;

// A citation of an earlier version of a passage: say so, and show the text as cited.
const cited = new URL(location.href).searchParams.get('v');
const anchor = decodeURIComponent(location.hash.slice(1).split(':~:')[0] ?? '');
if (cited && anchor) {
  const section = document.getElementById(anchor)?.closest<HTMLElement>('section.turn');
  if (section && section.dataset['fingerprint'] !== cited) {
    const earlier = section.querySelector<HTMLTemplateElement>(`template[data-fingerprint="${CSS.escape(cited)}"]`);
    const notice = document.createElement('div');
    notice.className = 'edited-notice';
    notice.setAttribute('role', 'note');
    const p = document.createElement('p');
    p.textContent = earlier
      ? 'This passage was edited since you cited it. The text as you cited it:'
      : 'This passage was edited since you cited it; the cited version is not in the archive.';
    notice.append(p);
    if (earlier) notice.append(earlier.content.cloneNode(true));
    section.querySelector('.turn-body')?.before(notice);
  }
}

// "Copy link to this passage" for a selection inside one turn, as a text fragment.
if ('fragmentDirective' in document) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'fragment-button';
  button.textContent = 'Copy link to this passage';
  button.hidden = true;
  document.body.append(button);
  let link = '';
  document.addEventListener('selectionchange', () => {
    const selection = document.getSelection();
    const text = selection?.toString().trim() ?? '';
    const node = selection?.anchorNode;
    const section = (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>('section.turn');
    const id = section?.querySelector('h3')?.id;
    if (!text || !id || text.length > 300 || !selection?.rangeCount) {
      button.hidden = true;
      return;
    }
    link = `${location.origin}${location.pathname}#${id}:~:text=${encodeURIComponent(text)}`;
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    button.style.top = `${window.scrollY + rect.bottom + 6}px`;
    button.style.left = `${window.scrollX + rect.left}px`;
    button.hidden = false;
  });
  button.addEventListener('click', () => void copy(link, 'Link', button));
}
