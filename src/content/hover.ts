/**
 * Hover and tap: the pointer is hit-tested against the highlights at most once per animation frame (one frame
 * slot for the whole life of the page, not one request per move), and a tap on a mention opens its card. Only the
 * reader's own input counts: an event the page made up (`isTrusted` false) never opens a card.
 */
import type { Mention } from '../core/matcher';
import type { HighlightEngine, HighlightHit } from './engines/types';
import { frameSlot, type Lifetime } from './lifetime';

/** What the controller needs of the popover (src/content/popover: `createPopover`). */
export interface PopoverLike {
  show(target: PopoverTarget, opts?: { focus?: boolean }): void;
  scheduleShow(target: PopoverTarget, opts?: { focus?: boolean }): void;
  scheduleHide(): void;
  hide(): void;
  destroy(): void;
}

/** A mention and where it is painted. */
export interface PopoverTarget {
  mention: Mention;
  rect: () => DOMRect;
}

/** The popover target for a hit. */
export function targetOf(hit: HighlightHit): PopoverTarget {
  const range = hit.range();
  return { mention: hit.mention, rect: () => range.getBoundingClientRect() };
}

/** What hover needs. */
export interface HoverDeps {
  life: Lifetime;
  doc: Document;
  engine(): HighlightEngine | null;
  popover: PopoverLike;
  /** Whether hovering is off right now (the page is being edited as a whole: designMode). */
  suspended(): boolean;
  /** Whether an event is the reader's own; `event.isTrusted` (tests in jsdom, which cannot make trusted events, inject another). */
  trusted?(e: Event): boolean;
  win?: Pick<Window, 'requestAnimationFrame' | 'cancelAnimationFrame'>;
}

/** Listens to the pointer until `life` ends. */
export function watchHover(deps: HoverDeps): void {
  const { doc, popover, life } = deps;
  const trusted = deps.trusted ?? ((e: Event) => e.isTrusted);
  const frame = frameSlot(life, deps.win ?? doc.defaultView ?? window);
  let hovered: Mention | null = null;
  let x = 0;
  let y = 0;
  const hitTest = () => {
    const engine = deps.engine();
    if (!engine || deps.suspended()) return;
    const hit = engine.hitTest(x, y);
    if (hit) {
      if (hit.mention !== hovered) popover.scheduleShow(targetOf(hit));
      hovered = hit.mention;
    } else if (hovered) {
      hovered = null;
      popover.scheduleHide();
    }
  };
  const options = { passive: true, capture: true, signal: life.signal };
  doc.addEventListener(
    'pointermove',
    (e: PointerEvent) => {
      if (e.pointerType === 'touch' || !trusted(e) || !deps.engine()) return;
      x = e.clientX;
      y = e.clientY;
      frame.request(hitTest);
    },
    options,
  );
  // A tap on a mention opens its card (touch has no hover).
  doc.addEventListener(
    'pointerdown',
    (e: PointerEvent) => {
      if (e.pointerType !== 'touch' || !trusted(e) || deps.suspended()) return;
      const hit = deps.engine()?.hitTest(e.clientX, e.clientY);
      if (hit) popover.show(targetOf(hit));
    },
    options,
  );
}
