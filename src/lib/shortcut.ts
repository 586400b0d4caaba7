/** Keys typed into a field or a dialog, or with a modifier, are never page shortcuts. */
export function isShortcut(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  const typing = target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], dialog');
  return !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
}
