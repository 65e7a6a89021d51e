/**
 * Saved passages on the page they were saved from: when the reader comes back, each passage saved here is found
 * again (anchorPassage: exact, by context, or by a fuzzy match if the page changed) and marked; the ones that are
 * gone are reported as not found (`savedOnPage`, which the extension's pages may ask for).
 *
 * The marks are drawn in a closed shadow root over the passage, not with the CSS Custom Highlight API or wrapping
 * elements: the page can read both of those, and would learn what the reader saved from it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { anchorPassage, type AnchorHow } from '../../core/reader-dossier/anchor';
import type { SavedItem } from '../../data/reader-dossier-schema';
import { onDossierMessage, type SavedOnPage } from '../../shared/reader-dossier-messages';
import { getSavedItemsOfPage, watchSavedItemsOfPage } from '../../shared/reader-dossier-storage';
import { rangeAt, readPageText } from './page-text';

/** The marks' host element. */
export const SAVED_MARKS_HOST = 'dossier-saved-passages';

const MARK_CSS = `
:host { all: initial; }
.mark { position: absolute; pointer-events: none; background: rgba(217, 119, 6, 0.16); border-bottom: 2px solid #d97706; }
`;

/** What `startSavedPassages` needs: this page's saved items, from storage by default (tests pass their own). */
export interface SavedPassagesDeps {
  read?(url: string): Promise<SavedItem[]>;
  watch?(url: string, cb: (items: SavedItem[]) => void): () => void;
}

/** Finds and marks this page's saved passages, again whenever the dossier changes. Returns the teardown. */
export function startSavedPassages(ctx: ContentScriptContext, deps: SavedPassagesDeps = {}): () => void {
  const read = deps.read ?? getSavedItemsOfPage;
  const watch = deps.watch ?? watchSavedItemsOfPage;
  let results: SavedOnPage[] = [];
  let ranges: Range[] = [];
  let host: HTMLElement | null = null;
  let layer: ShadowRoot | null = null;
  let frame = 0;

  const removeMarks = () => {
    host?.remove();
    host = null;
    layer = null;
  };

  const paint = () => {
    frame = 0;
    if (ranges.length === 0) return removeMarks();
    if (!host) {
      host = document.createElement(SAVED_MARKS_HOST);
      host.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;overflow:visible;pointer-events:none;z-index:2147483646;';
      layer = host.attachShadow({ mode: 'closed' });
      document.documentElement.append(host);
    }
    const style = document.createElement('style');
    style.textContent = MARK_CSS;
    const marks: HTMLElement[] = [];
    const origin = host.getBoundingClientRect();
    for (const range of ranges) {
      for (const r of range.getClientRects()) {
        if (r.width === 0 || r.height === 0) continue;
        const mark = document.createElement('div');
        mark.className = 'mark';
        mark.style.cssText = `left:${r.left - origin.left}px;top:${r.top - origin.top}px;width:${r.width}px;height:${r.height}px;`;
        marks.push(mark);
      }
    }
    layer!.replaceChildren(style, ...marks);
  };
  const schedule = () => {
    if (frame === 0 && ranges.length > 0) frame = requestAnimationFrame(paint);
  };

  const update = (items: SavedItem[]) => {
    if (items.length === 0) {
      results = [];
      ranges = [];
      return removeMarks();
    }
    const page = readPageText();
    const next: SavedOnPage[] = [];
    const found: Range[] = [];
    for (const item of items) {
      const [quote, position] = item.target.selector;
      const a = anchorPassage(page.text, quote, position);
      const range = a.found ? rangeAt(page, a.start, a.end) : null;
      if (a.found && range) {
        found.push(range);
        next.push({ id: item.id, found: true, how: a.how as AnchorHow });
      } else next.push({ id: item.id, found: false });
    }
    results = next;
    ranges = found;
    schedule();
  };

  let stopped = false;
  // The page's address when the script started: a single-page app that changes it later keeps its first page's items.
  const url = location.href;
  void read(url).then((items) => !stopped && update(items));
  const unwatch = watch(url, (items) => !stopped && update(items));
  const resize = new ResizeObserver(schedule);
  if (document.body) resize.observe(document.body);
  window.addEventListener('resize', schedule);
  const off = onDossierMessage('savedOnPage', () => results);

  const stop = () => {
    stopped = true;
    unwatch();
    off();
    resize.disconnect();
    window.removeEventListener('resize', schedule);
    if (frame) cancelAnimationFrame(frame);
    removeMarks();
  };
  ctx.onInvalidated(stop);
  return stop;
}
