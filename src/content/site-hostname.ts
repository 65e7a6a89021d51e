/**
 * The site a frame belongs to, for the reader's per-site settings. A frame without a hostname of its own
 * (`about:blank`, `srcdoc`) has its creator's origin, so it belongs to the same site: its nearest ancestor with a
 * hostname answers, while that ancestor is readable. A cross-origin ancestor throws on `location`; the frame then
 * has no site, and only the reader's global settings apply to it.
 */
export function siteHostname(win: Window): string {
  let w = win;
  // Frames nest at most a few levels on real pages; the bound only guards against a pathological chain.
  for (let depth = 0; depth < 32; depth++) {
    let host: string;
    try {
      host = w.location.hostname;
    } catch {
      return '';
    }
    if (host) return host;
    const parent = w.parent;
    if (!parent || parent === w) return '';
    w = parent;
  }
  return '';
}
