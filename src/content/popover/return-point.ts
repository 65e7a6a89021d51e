/**
 * Where the reader is put back when a card opened from the keyboard closes and no element of the page had focus
 * before it: at the mention. Text cannot take focus, so an empty selection is placed at the mention's start; browsers
 * start the next Tab from the selection, so Tab goes on to the first link after the mention instead of the top of the
 * page. A selection the reader made is left alone.
 */
import { caretAt } from '../engines/types';

/** Puts a collapsed selection at the text under the left edge of `rect` (the mention), unless the reader has one. */
export function returnToMention(doc: Document, rect: DOMRect): void {
  const selection = doc.getSelection();
  if (!selection || (selection.rangeCount > 0 && !selection.isCollapsed)) return;
  if (rect.width === 0 && rect.height === 0) return;
  const at = caretAt(doc, rect.left + 1, rect.top + rect.height / 2);
  if (at) selection.collapse(at.node, at.offset);
}
