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
      let shown = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        for (let i = n.data.indexOf(w); i >= 0; i = n.data.indexOf(w, i + 1)) if (visible(n, i)) shown++;
      }
      let registered = 0;
      const ranges = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get(`dossier-${cat}`) ?? new Set<AbstractRange>();
      for (const r of ranges) {
        const node = r.startContainer as Text;
        const at = node.data.slice(r.startOffset, r.endOffset).indexOf(w);
        if (at >= 0 && visible(node, r.startOffset + at)) registered++;
      }
      return { shown, registered };
    },
    word,
    category,
  );
}
