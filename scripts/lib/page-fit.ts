/**
 * What a reader on a phone would trip over, measured inside a page: how far
 * it scrolls sideways, and the tap targets under 24 × 24 px that sit too close
 * to another (WCAG 2.2, 2.5.8 Target Size (Minimum)). Passed to Playwright's
 * `page.evaluate`, so it is self-contained: no imports, no outer variables.
 * Used by `npm run screenshots` and the mobile browser tests.
 */
export interface PageFit {
  overflow: number;
  height: number;
  /** The undersized targets, described (`a "Home"`). */
  small: string[];
}

export function measurePageFit(): PageFit {
  const doc = document.documentElement;
  // A control inside its label is hit anywhere on the label. Links inside running text are
  // exempt from the rule ("inline" targets).
  const targets = [...document.querySelectorAll('a, button, input, select, summary')]
    .filter((el) => !(el.tagName === 'A' && el.closest('p, li, td, dd, figcaption, blockquote')))
    .map((el) => ({ el, r: (el.closest('label') ?? el).getBoundingClientRect() }))
    .filter(({ r }) => r.width > 0 && r.height > 0);
  const centre = (r: DOMRect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
  const isSmall = (r: DOMRect) => r.width < 24 || r.height < 24;
  // An undersized target passes if a 24 px circle on its centre meets no other target and no
  // other undersized target's circle.
  const small = targets.filter((a) => {
    if (!isSmall(a.r)) return false;
    const c = centre(a.r);
    return targets.some((b) => {
      if (b === a) return false;
      if (isSmall(b.r)) {
        const d = centre(b.r);
        return Math.hypot(c.x - d.x, c.y - d.y) < 24;
      }
      const dx = Math.max(b.r.left - c.x, 0, c.x - b.r.right);
      const dy = Math.max(b.r.top - c.y, 0, c.y - b.r.bottom);
      return Math.hypot(dx, dy) < 12;
    });
  });
  return {
    overflow: doc.scrollWidth - doc.clientWidth,
    height: doc.scrollHeight,
    small: small.map(({ el }) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`),
  };
}
