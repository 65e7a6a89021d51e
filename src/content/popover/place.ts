/**
 * Keeps the popover next to its mention with Floating UI: below by default, flipped above and shifted sideways to
 * stay in the viewport, height bounded by the room available, following scroll (also of inner scroll boxes).
 */
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';

/** The largest height of the card (px); less when the viewport has less room (200 % zoom, small windows). */
export const MAX_HEIGHT = 420;
/** Never squeeze the card below this; it scrolls inside instead. */
const MIN_HEIGHT = 120;
const GAP = 6;
const MARGIN = 8;

/** Positions `floating` at `rect` now and on every scroll/resize until the returned function is called. */
export function placeFloating(rect: () => DOMRect, floating: HTMLElement): () => void {
  const reference: VirtualElement = { getBoundingClientRect: rect };
  let frame = 0;
  const update = () => {
    const r = rect();
    // The mention scrolled out of the viewport: keep the card out of the way rather than pinned to an edge.
    const offscreen = r.bottom < 0 || r.top > window.innerHeight || r.right < 0 || r.left > window.innerWidth;
    floating.style.visibility = offscreen ? 'hidden' : '';
    void computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(GAP),
        flip({ padding: MARGIN, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
        shift({ padding: MARGIN }),
        size({
          padding: MARGIN,
          apply({ availableHeight }) {
            const h = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, Math.floor(availableHeight)));
            floating.style.setProperty('--dp-max-h', `${h}px`);
          },
        }),
      ],
    }).then(({ x, y }) => {
      floating.style.left = `${Math.round(x)}px`;
      floating.style.top = `${Math.round(y)}px`;
    });
  };
  // autoUpdate cannot know the scroll boxes of a virtual reference: listen to every scroll, batched per frame.
  const onScroll = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  };
  document.addEventListener('scroll', onScroll, { capture: true, passive: true });
  const stopAuto = autoUpdate(reference, floating, update);
  return () => {
    stopAuto();
    document.removeEventListener('scroll', onScroll, { capture: true });
    if (frame) cancelAnimationFrame(frame);
  };
}
