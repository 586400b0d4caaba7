/**
 * On every page: the light/dark toggle (the choice persists; the system's
 * preference applies until one is made) and `/` to search.
 */
import { isShortcut } from '../lib/shortcut.ts';

const root = document.documentElement;
const toggle = document.getElementById('theme-toggle') as HTMLButtonElement | null;

function current(): 'light' | 'dark' {
  const chosen = root.dataset['theme'];
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function label(): void {
  if (!toggle) return;
  const next = current() === 'dark' ? 'light' : 'dark';
  toggle.textContent = `${next === 'dark' ? 'Dark' : 'Light'} theme`;
  toggle.setAttribute('aria-label', `Switch to the ${next} theme`);
}

if (toggle) {
  toggle.hidden = false;
  label();
  toggle.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    root.dataset['theme'] = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      // Without storage the choice lasts for this page only.
    }
    label();
  });
}

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || !isShortcut(event)) return;
  const field = document.getElementById('search-q') as HTMLInputElement | null;
  event.preventDefault();
  if (field) field.focus();
  else location.href = (document.querySelector('a[href$="/search/"]') as HTMLAnchorElement | null)?.href ?? '/search/';
});
