/**
 * Jumping between mentions (the popup's list, the keyboard commands): the next or previous mention of an entity
 * (or of any), from the last one jumped to or else from the reader's scroll position; scrolls it to the middle, at once,
 * and opens its card with focus.
 */
import type { Mention } from '../core/matcher';
import type { HighlightEngine, HighlightHit } from './engines/types';
import { onePerQuotation } from './page-state';

/** Where a jump lands: the caller opens the card there. */
export type JumpTarget = HighlightHit;

/** Keeps the last mention jumped to. */
export class Jumper {
  private last: Mention | null = null;

  constructor(private readonly win: Window = window) {}

  /** The mention to jump to, scrolled into view; null when there is none. */
  jump(engine: HighlightEngine, id: string | null, direction: 'next' | 'prev'): JumpTarget | null {
    const first = onePerQuotation();
    const hits = engine.entries().filter((h) => first(h.mention) && (id === null || h.mention.id === id));
    if (hits.length === 0) return null;
    let index = this.last ? hits.findIndex((h) => h.mention === this.last) : -1;
    if (index >= 0) index = (index + (direction === 'next' ? 1 : -1) + hits.length) % hits.length;
    else if (direction === 'next') {
      // From the reader's position: the first mention below the top of the viewport.
      index = hits.findIndex((h) => h.range().getBoundingClientRect().top >= 0);
      if (index < 0) index = 0;
    } else {
      index = hits.length - 1;
      for (let i = hits.length - 1; i >= 0; i--) {
        if (hits[i]!.range().getBoundingClientRect().bottom <= 0) {
          index = i;
          break;
        }
      }
    }
    const hit = hits[index]!;
    this.last = hit.mention;
    const range = hit.range();
    // Both scrolls are instant, whatever the page's `scroll-behavior`: the jump never animates (readers who asked for
    // reduced motion get none), and the second scroll measures where the first one really left the mention.
    range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
    const r = range.getBoundingClientRect();
    this.win.scrollBy({ top: r.top + r.height / 2 - this.win.innerHeight / 2, behavior: 'instant' as ScrollBehavior });
    return hit;
  }
}
