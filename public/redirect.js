// Redirect pages at old addresses: keep the #anchor (a cited turn) when following the move.
const target = document.querySelector('link[rel="canonical"]');
if (target) location.replace(target.href + location.hash);
