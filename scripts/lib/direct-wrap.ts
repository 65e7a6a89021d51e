/**
 * The benchmark's reference for the marks engine: the direct split-and-wrap the engine used before it called
 * mark.js (the matcher's offsets, the text cut with `slice`, marks and remainders built straight into a
 * fragment). It implements the engine's `MarkWrapper`; `npm run bench:browser` builds a second extension with
 * this module in place of `src/content/engines/marks-wrap.ts` (a Vite alias) and runs both side by side.
 * It is never shipped.
 */
import type { Mention } from '../../src/core/matcher';
import type { MarkWrapper, WrapItem, Wrapped } from '../../src/content/engines/marks-wrap';
import { MARK_TAG } from '../../src/content/excluded';

/** The direct wrapper for pages of `doc` (same contract as the mark.js one). */
export function createMarkWrapper(doc: Document): MarkWrapper {
  const wrapOne = (text: string, mentions: readonly Mention[]): Wrapped => {
    const fragment = doc.createDocumentFragment();
    const marks: { el: Element; mention: Mention }[] = [];
    let at = mentions[0]!.start;
    for (const mention of mentions) {
      if (mention.start > at) fragment.appendChild(doc.createTextNode(text.slice(at, mention.start)));
      const el = doc.createElement(MARK_TAG);
      el.setAttribute('data-dossier-id', mention.id);
      el.setAttribute('data-dossier-category', mention.category);
      el.appendChild(doc.createTextNode(text.slice(mention.start, mention.end)));
      fragment.appendChild(el);
      marks.push({ el, mention });
      at = mention.end;
    }
    if (at < text.length) fragment.appendChild(doc.createTextNode(text.slice(at)));
    return { prefix: text.slice(0, mentions[0]!.start), fragment, marks };
  };
  return {
    wrap(items: readonly WrapItem[]): Wrapped[] {
      return items.map(({ text, mentions }) => wrapOne(text, mentions));
    },
    release() {},
  };
}
