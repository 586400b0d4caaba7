/**
 * The side-by-side view on a phone: one language per turn, with a button to
 * show the other. The buttons appear only with this script; the CSS that
 * hides a column applies only under `[data-toggles]` on a narrow screen, so
 * without JavaScript both languages stay visible, one under the other.
 */
import './versions.ts';

const view = document.querySelector<HTMLElement>('.parallel');
if (view) {
  view.dataset['toggles'] = '';
  const original = view.dataset['original'] ?? 'original';
  for (const pair of view.querySelectorAll<HTMLElement>('.pair')) {
    const button = pair.querySelector<HTMLButtonElement>('.pair-toggle');
    if (!button) continue;
    const versionLabel = button.innerHTML;
    button.hidden = false;
    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', () => {
      const flipped = pair.classList.toggle('flipped');
      button.setAttribute('aria-pressed', String(flipped));
      if (flipped) button.textContent = `Show ${original}`;
      else button.innerHTML = versionLabel;
    });
  }
}
