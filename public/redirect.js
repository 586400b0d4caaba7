// Redirect pages at old addresses: keep the #anchor (a cited turn) when following the move, translated
// when the page moved into another whose anchors differ (`data-anchors` on the canonical link).
const target = document.querySelector('link[rel="canonical"]');
if (target) {
  const anchors = JSON.parse(target.dataset.anchors || '{}');
  const id = decodeURIComponent(location.hash.slice(1));
  location.replace(target.href + (id && anchors[id] ? `#${anchors[id]}` : location.hash));
}
