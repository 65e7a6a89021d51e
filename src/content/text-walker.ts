/**
 * Text collection: every text node a reader sees as prose, in document order, skipping excluded subtrees
 * (src/content/excluded.ts) and entering open shadow roots explicitly (a TreeWalker does not).
 *
 * Matching is per text node: a name split across elements (`<b>Volodymyr</b> Zelensky`) is found as the
 * parts the dictionary knows ("Zelensky"), never across the boundary. Joining inline runs would need a
 * second pass over styles (is this element inline?) for little gain on news pages, where names sit in
 * one text node almost always; mark.js's `acrossElements` is quadratic.
 */
import { isExcludedContext, isExcludedElement } from './excluded';

// NodeFilter constants as numbers: the global NodeFilter may belong to another realm (iframes, jsdom).
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

/** Text nodes shorter than this cannot hold a name (the shortest aliases have 2 letters). */
const MIN_TEXT_LENGTH = 2;

/**
 * Yields the text nodes under `root` (or `root` itself when it is a text node) in document order;
 * nothing when `root` sits in an excluded context (`isExcludedContext`: an editable ancestor, a
 * document in `designMode`…), so every scan root, the whole page included, asks the one decision.
 * `opts.contextChecked`: the caller has asked `isExcludedContext(root)` already.
 * `onShadowRoot` hears of every open shadow root entered (to observe its mutations too).
 * The caller may pause between nodes: the walk resumes where it stopped (mutations in between are
 * tolerated; when the last node yielded has left the page the walk may end early: the caller checks).
 */
export function* walkTextNodes(
  root: Node,
  onShadowRoot?: (shadow: ShadowRoot) => void,
  opts: { contextChecked?: boolean } = {},
): Generator<Text, void, undefined> {
  // Once per scan root (ancestors and designMode); below it, each element is checked on its own as the walk enters it.
  // A caller that already asked (with a cache over many roots: the scan scheduler) says so.
  if (!opts.contextChecked && isExcludedContext(root)) return;
  yield* walkUnder(root, onShadowRoot);
}

function* walkUnder(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void): Generator<Text, void, undefined> {
  if (root.nodeType === 3) {
    if ((root as Text).length >= MIN_TEXT_LENGTH) yield root as Text;
    return;
  }
  if (root.nodeType !== 1 && root.nodeType !== 9 && root.nodeType !== 11) return;
  if (root.nodeType === 1) {
    if (isExcludedElement(root as Element)) return;
    const shadow = (root as Element).shadowRoot;
    if (shadow) {
      onShadowRoot?.(shadow);
      yield* walkUnder(shadow, onShadowRoot);
    }
  }
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
  let node: Node | null = walker.nextNode();
  while (node) {
    if (node.nodeType === 3) {
      if ((node as Text).length >= MIN_TEXT_LENGTH) yield node as Text;
      node = walker.nextNode();
      continue;
    }
    const el = node as Element;
    if (isExcludedElement(el)) {
      node = skipSubtree(walker);
      continue;
    }
    const shadow = el.shadowRoot;
    if (shadow) {
      onShadowRoot?.(shadow);
      yield* walkUnder(shadow, onShadowRoot);
    }
    node = walker.nextNode();
  }
}

/** Moves the walker past the current node's subtree; null at the end of the root. */
function skipSubtree(walker: TreeWalker): Node | null {
  const sibling = walker.nextSibling();
  if (sibling) return sibling;
  while (walker.parentNode()) {
    const next = walker.nextSibling();
    if (next) return next;
  }
  return null;
}
