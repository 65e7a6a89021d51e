/**
 * Firefox: the reader's context-menu click on "Add to Dossier…", through the browser's own context menu. Firefox is
 * launched with `--remote-allow-system-access`, which lets the WebDriver BiDi client run script in the browser's own
 * window (the `chrome` scope): a real right-click on the selection (BiDi input) opens the content area's context
 * menu, whose items the browser builds from the extensions' `menus`, and the item is activated there as a click on
 * it would be. Nothing in the extension is reached other than through what Firefox delivers for that click.
 */
import type { Frame, Page } from 'puppeteer-core';
import type { Launched } from '../harness';

/** The flag that lets the test run script in the browser's own window. */
export const SYSTEM_ACCESS_FLAG = '--remote-allow-system-access';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/**
 * Runs `expression` in the browser window whose selected tab shows `url` (chrome scope) and returns its value.
 */
async function inBrowserWindow(app: Launched, url: string, expression: string): Promise<unknown> {
  const connection = (app.browser as unknown as { connection: BidiConnection }).connection;
  const evaluate = async (context: string, source: string) => {
    const evaluated = (await connection.send('script.evaluate', { expression: source, target: { context }, awaitPromise: true })).result as {
      type: string;
      result?: { value?: unknown };
      exceptionDetails?: { text?: string };
    };
    if (evaluated.type !== 'success') throw new Error(`chrome-scope script failed: ${evaluated.exceptionDetails?.text ?? 'unknown error'}`);
    return evaluated.result?.value;
  };
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string; url: string }[] };
  for (const window of tree.contexts.filter((c) => c.url === 'chrome://browser/content/browser.xhtml')) {
    if ((await evaluate(window.context, 'gBrowser.selectedBrowser.currentURI.spec')) === url) return evaluate(window.context, expression);
  }
  throw new Error(`no browser window shows ${url} in its selected tab (was Firefox launched with ${SYSTEM_ACCESS_FLAG}?)`);
}

/**
 * Right-clicks the page's current selection (or, with `frame`, the selection inside that frame of the page) and
 * chooses "Add to Dossier…" in the context menu that opens. Returns the label of the item chosen. The page must be
 * the selected tab (bring it to the front first).
 */
export async function contextMenuAddToDossier(app: Launched, page: Page, frame?: Frame): Promise<string> {
  let at = await (frame ?? page).evaluate(() => {
    const range = getSelection()!.getRangeAt(0);
    range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const r = range.getClientRects()[0]!;
    return { x: r.left + Math.min(10, r.width / 2), y: r.top + r.height / 2 };
  });
  if (frame) {
    // From the frame's viewport to the page's: where the frame's content box is in the page.
    const element = await frame.frameElement();
    if (!element) throw new Error('the frame has no element in the page');
    const box = await element.evaluate((f) => {
      const r = f.getBoundingClientRect();
      return { x: r.left + f.clientLeft, y: r.top + f.clientTop };
    });
    at = { x: at.x + box.x, y: at.y + box.y };
  }
  // Listen for the menu (in the browser window, which outlives this call) before the click opens it.
  await inBrowserWindow(
    app,
    page.url(),
    `(() => {
      const menu = document.getElementById('contentAreaContextMenu');
      globalThis.dossierTestMenuShown = new Promise((resolve, reject) => {
        menu.addEventListener('popupshown', () => resolve(true), { once: true });
        setTimeout(() => reject(new Error('the context menu did not open')), 10000);
      });
      globalThis.dossierTestMenuShown.catch(() => {});
      return true;
    })()`,
  );
  await page.mouse.click(at.x, at.y, { button: 'right' });
  await inBrowserWindow(app, page.url(), 'globalThis.dossierTestMenuShown');
  const label = await inBrowserWindow(
    app,
    page.url(),
    `(() => {
      const menu = document.getElementById('contentAreaContextMenu');
      const item = [...menu.querySelectorAll('menuitem')].find((i) => i.id.endsWith('-menuitem-_dossier-add-selection') && !i.hidden && !i.disabled);
      if (!item) { menu.hidePopup(); return null; }
      menu.activateItem(item);
      return item.label;
    })()`,
  );
  if (typeof label !== 'string') throw new Error('the context menu has no "Add to Dossier…" item');
  return label;
}

/** The state of the content area's context menu in the window showing `page`: 'closed', 'showing', 'open'… */
export async function contextMenuState(app: Launched, page: Page): Promise<string> {
  return String(await inBrowserWindow(app, page.url(), `document.getElementById('contentAreaContextMenu').state`));
}
