/**
 * Checks for pages longer than the css engine's band (src/content/engines/css-band.ts): the registry holds only the
 * mentions near the viewport, so "every mention found" is read where the popup reads it (the page state), and
 * "highlighted" is checked where the reader looks (the screen).
 */
import type { Page } from 'puppeteer-core';
import { tabIdOf } from './page-helpers';

type TabsApi = { tabs: { sendMessage(id: number, m: unknown, o: unknown): Promise<{ res?: { status: string; mentions: { category: string; count: number }[] } }> } };

/** How many mentions of `category` the page state of the tab showing `url` counts (what the popup shows), asked from an extension tab. */
export async function foundInState(extensionTab: Page, url: string, category: string): Promise<number> {
  const tabId = await tabIdOf(extensionTab, url);
  return extensionTab.evaluate(
    async (id: number, cat: string) => {
      const g = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi };
      const r = await (g.browser ?? g.chrome).tabs.sendMessage(id, { id: 1, type: 'getPageState', data: undefined, timestamp: Date.now() }, { frameId: 0 });
      return (r?.res?.mentions ?? []).filter((m) => m.category === cat).reduce((n, m) => n + m.count, 0);
    },
    tabId,
    category,
  );
}

/**
 * Occurrences of `word` in the text on screen (boxes inside the viewport), and how many of them lie in a range
 * registered under `dossier-<category>`. Read after two frames, so that a band move the last scroll asked for is done.
 */
export async function onScreen(page: Page, word: string, category: string): Promise<{ shown: number; registered: number }> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(
    (w: string, cat: string) => {
      const probe = document.createRange();
      const visible = (node: Text, at: number) => {
        probe.setStart(node, at);
        probe.setEnd(node, at + w.length);
        for (const r of probe.getClientRects()) if (r.width > 0 && r.bottom > 0 && r.top < innerHeight) return true;
        return false;
      };
      // In a very long text node only the stretch around the screen is measured: the rest cannot be on screen, and
      // thousands of boxes read in a node of megabytes are needless layout work.
      const caret = (x: number, y: number): { node: Node; offset: number } | null => {
        const d = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
        if (d.caretPositionFromPoint) {
          const p = d.caretPositionFromPoint(x, y);
          return p && { node: p.offsetNode, offset: p.offset };
        }
        const r = document.caretRangeFromPoint(x, y);
        return r && { node: r.startContainer, offset: r.startOffset };
      };
      const MARGIN = 20_000;
      const window_ = new Map<Text, [number, number] | null>();
      /** The offsets of a long node's text at the screen's top and bottom edges (inside its box), or null. */
      const onScreenOffsets = (node: Text): [number, number] | null => {
        const box = node.parentElement!.getBoundingClientRect();
        const x = Math.max(box.left + 2, 2);
        const top = caret(x, Math.max(box.top + 2, 2));
        const bottom = caret(x, Math.min(box.bottom - 2, innerHeight - 2));
        return top?.node === node && bottom?.node === node ? [top.offset, bottom.offset] : null;
      };
      const near = (node: Text, at: number) => {
        if (node.length < 100_000) return true;
        if (!window_.has(node)) window_.set(node, onScreenOffsets(node));
        const offsets = window_.get(node);
        return !offsets || (at >= offsets[0] - MARGIN && at <= offsets[1] + MARGIN);
      };
      let shown = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      // A node's text read once: in Firefox each read of `data` is a fresh copy (5 000 reads of a 5 MB node filled the
      // memory of the machine).
      const texts = new Map<Text, string>();
      const textOf = (node: Text) => {
        let text = texts.get(node);
        if (text === undefined) texts.set(node, (text = node.data));
        return text;
      };
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const data = textOf(n);
        for (let i = data.indexOf(w); i >= 0; i = data.indexOf(w, i + 1)) if (near(n, i) && visible(n, i)) shown++;
      }
      let registered = 0;
      const ranges = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get(`dossier-${cat}`) ?? new Set<AbstractRange>();
      for (const r of ranges) {
        const node = r.startContainer as Text;
        const at = textOf(node).slice(r.startOffset, r.endOffset).indexOf(w);
        if (at >= 0 && near(node, r.startOffset + at) && visible(node, r.startOffset + at)) registered++;
      }
      return { shown, registered };
    },
    word,
    category,
  );
}
