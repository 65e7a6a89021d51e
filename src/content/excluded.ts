/**
 * The one place that decides where Dossier never highlights: form fields and editable regions (the
 * reader is typing there), code, scripts and other non-prose, SVG text, and Dossier's own elements.
 * The text walker, both engines and the mutation watcher all ask this module.
 */

/** Tag name of the marks engine's wrapper element (a custom element: page CSS for `mark` cannot touch it). */
export const MARK_TAG = 'dossier-mark';
/** Tag name of the popover's shadow host (src/content/popover). */
export const POPOVER_TAG = 'dossier-popover';

// Local names (always lower case, also in XHTML documents where tagName is not upper-cased).
const EXCLUDED_TAGS = new Set([
  'input', 'textarea', 'select', 'option', 'script', 'style', 'noscript', 'template', 'code', 'pre',
  'kbd', 'samp', 'title', 'head', 'iframe', 'object', 'canvas', 'video', 'audio', 'math',
  MARK_TAG, POPOVER_TAG,
]);
const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Whether this element itself starts an excluded context (its whole subtree is skipped).
 * Cheap enough to call for every element of a 5 MB page: a Set lookup and two attribute reads.
 */
export function isExcludedElement(el: Element): boolean {
  if (EXCLUDED_TAGS.has(el.localName)) return true;
  if (el.namespaceURI === SVG_NS) return true;
  const editable = el.getAttribute('contenteditable');
  // `contenteditable` with any value but "false" makes the region editable ("", "true", "plaintext-only").
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const role = el.getAttribute('role');
  if (role === 'textbox' || role === 'searchbox' || role === 'combobox') return true;
  return false;
}

/**
 * Whether `node` sits inside an excluded context: checks the node (if an element) and every ancestor,
 * crossing shadow-root boundaries to the host. Also true inside an editable region a page turned on
 * with `designMode` or a `contenteditable` on an ancestor the walker never saw.
 */
export function isExcludedContext(node: Node): boolean {
  // A Document has no ownerDocument: the full-page scan starts at one (or at its <html>), and must ask too.
  const doc = node.nodeType === 9 ? (node as Document) : node.ownerDocument;
  if (doc && doc.designMode === 'on') return true;
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el && node.parentNode && isShadowRoot(node.parentNode)) el = node.parentNode.host;
  while (el) {
    if (isExcludedElement(el)) return true;
    if (el.parentElement) el = el.parentElement;
    else {
      const parent = el.parentNode;
      el = parent && isShadowRoot(parent) ? parent.host : null;
    }
  }
  return false;
}

/** Whether an element is one Dossier put on the page (a mark or the popover host). */
export function isOwnElement(el: Element): boolean {
  return el.localName === MARK_TAG || el.localName === POPOVER_TAG;
}

function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && 'host' in node && !!(node as ShadowRoot).host;
}
