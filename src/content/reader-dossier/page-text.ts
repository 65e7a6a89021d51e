/**
 * The page's text as the reader's dossier sees it: the text nodes of <body> in document order, joined as they are
 * (no separators added), leaving out what is not read — scripts, styles, form fields, editable regions and
 * Dossier's own UI. Selector offsets (TextPositionSelector) index this text, and re-anchoring reads the same.
 */

/** Elements whose text is never part of the page's text (editable or not read by a person). */
const SKIP = 'script, style, noscript, template, textarea, input, select, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], dossier-popover, dossier-save-dialog';

/** The page's text and, for each text node, where it starts in it. */
export interface PageText {
  text: string;
  nodes: Text[];
  starts: number[];
}

/** Reads the text of `root` (the body by default). */
export function readPageText(root: Node = document.body ?? document.documentElement): PageText {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes.push(node);
    starts.push(length);
    parts.push(node.data);
    length += node.data.length;
  }
  return { text: parts.join(''), nodes, starts };
}

/**
 * The offsets of a range in the page text, without the whitespace at its ends; null when it covers no text the
 * page text has (a selection inside a form field or an editable region, or only whitespace).
 */
export function rangeOffsets(page: PageText, range: Range): { start: number; end: number } | null {
  let start = -1;
  let end = -1;
  page.nodes.forEach((node, k) => {
    if (!range.intersectsNode(node)) return;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    if (to <= from) return;
    if (start < 0) start = page.starts[k]! + from;
    end = page.starts[k]! + to;
  });
  if (start < 0) return null;
  while (start < end && /\s/.test(page.text[start]!)) start++;
  while (end > start && /\s/.test(page.text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** A DOM range over [start, end) of the page text (for showing a saved passage again). */
export function rangeAt(page: PageText, start: number, end: number): Range | null {
  const at = (offset: number, isEnd: boolean): [Text, number] | null => {
    for (let k = 0; k < page.nodes.length; k++) {
      const s = page.starts[k]!;
      const e = s + page.nodes[k]!.data.length;
      if (offset > s && offset < e) return [page.nodes[k]!, offset - s];
      if (!isEnd && offset === s && e > s) return [page.nodes[k]!, 0];
      if (isEnd && offset === e && e > s) return [page.nodes[k]!, offset - s];
    }
    return null;
  };
  const a = at(start, false);
  const b = at(end, true);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  return range;
}

/** Whether a selection sits in a form field or an editable region, whose text Dossier never reads. */
export function inEditable(range: Range): boolean {
  const node = range.commonAncestorContainer;
  const el = node instanceof Element ? node : node.parentElement;
  return !!el?.closest('textarea, input, select, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]');
}
