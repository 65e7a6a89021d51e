/**
 * Chooses the popover theme when it opens: the page's own background where the mention sits decides; a page
 * with no background of its own falls back to the reader's prefers-color-scheme.
 */

/** The popover's colour theme. */
export type Theme = 'light' | 'dark';

/** Parses `rgb(...)` / `rgba(...)` as computed styles give them; null for anything else. */
export function parseRgb(value: string): { r: number; g: number; b: number; a: number } | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(value.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

/** WCAG relative luminance of an sRGB colour (0 black … 1 white). */
export function luminance(c: { r: number; g: number; b: number }): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** The first mostly-opaque background from `start` up to the root; null when the page paints none. */
export function pageBackground(start: Element | null, win: Window = window): { r: number; g: number; b: number } | null {
  // A cap, because this runs on arbitrary pages at hover time.
  let el: Element | null = start;
  for (let depth = 0; el && depth < 64; depth++, el = el.parentElement) {
    const c = parseRgb(win.getComputedStyle(el).backgroundColor);
    if (c && c.a >= 0.5) return c;
  }
  return null;
}

/** The theme for a popover opened at viewport point (x, y). */
export function detectTheme(x: number, y: number, doc: Document = document): Theme {
  const win = doc.defaultView ?? window;
  const under = typeof doc.elementFromPoint === 'function' ? doc.elementFromPoint(x, y) : null;
  const bg = pageBackground(under ?? doc.body ?? doc.documentElement, win);
  if (bg) return luminance(bg) < 0.2 ? 'dark' : 'light';
  return win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
