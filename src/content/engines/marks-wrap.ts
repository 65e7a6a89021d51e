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
 * So mark.js never walks the page. Each call gets copies of up to GROUP page text nodes, side by side in a
 * detached element of a scratch document (the ranges shifted to that joined text): its iterator is registered with
 * the scratch document, which is replaced every SCRATCH_CALLS calls and dropped after each batch of writes
 * (`release()`), iterators and all. The page's document never holds one. mark.js splits the copies and wraps each
 * range in `<dossier-mark>` (our element, attributes set in `each`); the pieces after each copy's first part (marks
 * and remainders) are moved into the page by the engine, after the page's own text node, which keeps the text
 * before the first mention (as mark.js's own `splitText` would leave it). Exclusions are decided before mark.js
 * is called (the walker asks `isExcludedContext` once per element), so its `exclude` has nothing to skip on a copy.
 * Measurements: docs/highlighting.md.
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
/**
 * Text nodes per mark.js call. mark.js's cost per call (options, iterator, exclusion checks) is shared by the
 * group; its cost per range grows with the group (each range scans the group's nodes and re-joins its text).
 * Eight was the fastest of one, four and eight measured.
 */
const GROUP = 8;

/** What one wrap produced: the nodes to insert after the page's text node, and the marks among them. */
export interface Wrapped {
  /** The text the page's node keeps (before the first mark). */
  prefix: string;
  /** Marks and remainder text nodes, in order, in a fragment of the page's document. */
  fragment: DocumentFragment;
  marks: { el: Element; mention: Mention }[];
}

/** One text node's text and its mentions (in order, not overlapping, offsets into `text`). */
export interface WrapItem {
  text: string;
  mentions: readonly Mention[];
}

/** Splits text and wraps mentions; the marks engine owns one. */
export interface MarkWrapper {
  /** Wraps each item's mentions; one result per item, in order. */
  wrap(items: readonly WrapItem[]): Wrapped[];
  /** Ends a batch of writes: drops what the wraps left behind (mark.js's iterators with their scratch document). */
  release(): void;
}

interface MentionRange {
  start: number;
  length: number;
  mention: Mention;
  /** Which item of the group the range belongs to. */
  item: number;
}

/** The mark.js wrapper for pages of `doc`. */
export function createMarkWrapper(doc: Document): MarkWrapper {
  let scratch: Document | null = null;
  let calls = 0;

  return {
    wrap(items) {
      const out: Wrapped[] = [];
      for (let g = 0; g < items.length; g += GROUP) {
        if (!scratch || calls >= SCRATCH_CALLS) {
          scratch = doc.implementation.createHTMLDocument('');
          calls = 0;
        }
        calls++;
        const box = scratch.createElement('div');
        const group = items.slice(g, g + GROUP);
        const copies: Text[] = [];
        const marksOf: { el: Element; mention: Mention }[][] = [];
        const ranges: MentionRange[] = [];
        let base = 0;
        group.forEach(({ text, mentions }, i) => {
          copies.push(box.appendChild(scratch!.createTextNode(text)));
          marksOf.push([]);
          for (const mention of mentions) ranges.push({ start: base + mention.start, length: mention.end - mention.start, mention, item: i });
          base += text.length;
        });
        new Mark(box).markRanges(ranges, {
          element: MARK_TAG,
          each(el: Element, range: Mark.Range) {
            const { mention, item } = range as MentionRange;
            // A page that runs mark.js itself must not unmark() ours: its selector is `[data-markjs]`.
            el.removeAttribute('data-markjs');
            el.setAttribute('data-dossier-id', mention.id);
            el.setAttribute('data-dossier-category', mention.category);
            marksOf[item]!.push({ el, mention });
          },
        });
        copies.forEach((copy, i) => {
          const next = copies[i + 1] ?? null;
          const fragment = doc.createDocumentFragment();
          for (let n = copy.nextSibling; n && n !== next; n = copy.nextSibling) fragment.appendChild(n);
          out.push({ prefix: copy.data, fragment, marks: marksOf[i]! });
        });
      }
      return out;
    },
    release() {
      scratch = null;
      calls = 0;
    },
  };
}
