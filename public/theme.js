// Runs before the page is painted (a blocking script in <head>), so a chosen theme never flashes.
try {
  const theme = localStorage.getItem('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // Storage can be disabled: the system's preference applies.
}
