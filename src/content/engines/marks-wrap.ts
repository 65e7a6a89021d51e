/**
 * The marks engine's split-and-wrap, done by mark.js (`markRanges`, the matcher's offsets as its ranges).
 *
 * How it is called, and why (read mark.js's `src/lib/domiterator.js`): every mark.js call creates a
 * `NodeIterator` over its context with `document.createNodeIterator`. A NodeIterator belongs to its root's
 * document and stays registered there until it is garbage-collected; Chromium visits every registered
 * iterator on every node removal of that document (mark.js's own `replaceChild` per mark, our restores, the
 * page's later DOM changes). Called on the page, thousands of calls leave thousands of iterators behind and
 * every later removal on the page pays for all of them (quadratic: seconds at 1 MB).
 *
 * So mark.js never walks the page. Each call gets a copy of one page text node in a detached element of a
 * scratch document: its iterator is registered with the scratch document, which is replaced every
 * SCRATCH_CALLS calls and dropped after each batch of writes (`release()`), iterators and all. The page's
 * document never holds one. mark.js splits the copy and wraps each range in `<dossier-mark>` (our element,
 * attributes set in `each`); the pieces after the copy's first part (marks and remainders) are moved into the
 * page by the engine, after the page's own text node, which keeps the text before the first mention (as
 * mark.js's own `splitText` would leave it). Exclusions are decided before mark.js is called (the walker asks
 * `isExcludedContext` once per element), so mark.js's `exclude` has nothing left to skip on a copy.
 * Not used: `mark(array)` (one pass per alias), `acrossElements` (quadratic), `markRegExp` (it would find
 * what a pattern finds, not what the matcher decided: ambiguity, all-caps and not-mention rules), `unmark()`
 * (it calls `normalize()` on the page's nodes; the engine restores them itself).
 */
import Mark from 'mark.js';
import type { Mention } from '../../core/matcher';
import { MARK_TAG } from '../excluded';

/**
 * Calls per scratch document: every removal in it (one per mark) visits the iterators registered there, so
 * a fresh document every few calls keeps that visit short, and creating one is cheaper than a long visit.
 */
const SCRATCH_CALLS = 32;

/** What one wrap produced: the nodes to insert after the page's text node, and the marks among them. */
export interface Wrapped {
  /** The text the page's node keeps (before the first mark). */
  prefix: string;
  /** Marks and remainder text nodes, in order, in a fragment of the page's document. */
  fragment: DocumentFragment;
  marks: { el: Element; mention: Mention }[];
}

/** Splits text and wraps mentions; the marks engine owns one. */
export interface MarkWrapper {
  /** Wraps `mentions` (in order, not overlapping, offsets into `text`) of a text node whose text is `text`. */
  wrap(text: string, mentions: readonly Mention[]): Wrapped;
  /** Ends a batch of writes: drops what the wraps left behind (mark.js's iterators with their scratch document). */
  release(): void;
}

interface MentionRange {
  start: number;
  length: number;
  mention: Mention;
}

/** The mark.js wrapper for pages of `doc`. */
export function createMarkWrapper(doc: Document): MarkWrapper {
  let scratch: Document | null = null;
  let calls = 0;

  return {
    wrap(text, mentions) {
      if (!scratch || calls >= SCRATCH_CALLS) {
        scratch = doc.implementation.createHTMLDocument('');
        calls = 0;
      }
      calls++;
      const box = scratch.createElement('div');
      const copy = box.appendChild(scratch.createTextNode(text));
      const marks: { el: Element; mention: Mention }[] = [];
      const ranges: MentionRange[] = mentions.map((mention) => ({ start: mention.start, length: mention.end - mention.start, mention }));
      new Mark(box).markRanges(ranges, {
        element: MARK_TAG,
        each(el: Element, range: Mark.Range) {
          const { mention } = range as MentionRange;
          // A page that runs mark.js itself must not unmark() ours: its selector is `[data-markjs]`.
          el.removeAttribute('data-markjs');
          el.setAttribute('data-dossier-id', mention.id);
          el.setAttribute('data-dossier-category', mention.category);
          marks.push({ el, mention });
        },
      });
      const fragment = doc.createDocumentFragment();
      for (let n = copy.nextSibling; n; n = copy.nextSibling) fragment.appendChild(n);
      return { prefix: copy.data, fragment, marks };
    },
    release() {
      scratch = null;
      calls = 0;
    },
  };
}
