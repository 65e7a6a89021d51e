/**
 * Finds the moment a region the marks engine already wrapped becomes editable, before the reader types in
 * it: a page that sets `contenteditable` after our scan (seen by a MutationObserver on that one attribute,
 * whose callback runs before any input can reach the page), or switches `designMode` on (no event at all:
 * seen at the reader's first focus, key press, composition or input there, each of which comes before the
 * edit it starts). The owner gets the region and gives the page its text back there.
 *
 * The events may be synthetic (a page can dispatch them): the region handed over is always one that is
 * editable now, so the worst a page can cause is the restore the reader's typing would cause anyway.
 */
import { isExcludedContext } from '../excluded';

/** Watches `doc` (and shadow roots handed to `observe`) for regions that became editable. */
export interface EditableWatch {
  /** Also watches this shadow root (marks inside it are not visible to the document's observer). */
  observe(root: ShadowRoot): void;
  destroy(): void;
}

const EDIT_EVENTS = ['focusin', 'keydown', 'beforeinput', 'compositionstart'] as const;

/** Calls `onEditable(region)` when a region of `doc` becomes editable (the document itself for `designMode`). */
export function watchEditable(doc: Document, onEditable: (region: Node) => void): EditableWatch {
  const win = doc.defaultView;
  const observed = new WeakSet<Node>();
  const observer = win
    ? new win.MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as Element;
          // Set to anything but "false" (the walker's own rule), under an editable ancestor or not.
          if (el.isConnected && isExcludedContext(el)) onEditable(el);
        }
      })
    : null;
  const watch = (root: Node) => {
    if (!observer || observed.has(root)) return;
    observed.add(root);
    observer.observe(root, { attributes: true, attributeFilter: ['contenteditable'], subtree: true });
  };
  watch(doc);

  const onEvent = (e: Event) => {
    if (doc.designMode === 'on') {
      onEditable(doc);
      return;
    }
    const target = (e.composedPath()[0] ?? e.target) as Node | null;
    if (!target || (target.nodeType !== 1 && target.nodeType !== 3)) return;
    const host = editingHost(target);
    if (host) onEditable(host);
  };
  for (const type of EDIT_EVENTS) doc.addEventListener(type, onEvent, true);

  return {
    observe: watch,
    destroy() {
      observer?.disconnect();
      for (const type of EDIT_EVENTS) doc.removeEventListener(type, onEvent, true);
    },
  };
}

/** The outermost element above `node` that makes it editable (`contenteditable` not "false"), or null. */
function editingHost(node: Node): Element | null {
  let host: Element | null = null;
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    const value = el.getAttribute('contenteditable');
    if (value === null) continue;
    if (value.toLowerCase() === 'false') break;
    host = el;
  }
  return host;
}
