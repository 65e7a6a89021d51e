import type { Page, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type Launched, type Served } from './harness';
import { waitInCard } from './lib/card';
import { waitReady } from './lib/page-helpers';

// The keyboard commands (Alt+Shift+N / Alt+Shift+P) reach the background as `commands.onCommand`; a headless
// browser does not turn key presses into extension commands, so the test dispatches the event inside the
// service worker: the background's own handler then finds the active tab and sends it `jumpTo(null, direction)`.
const ARTICLE = '/articles/000_78f937a108842e39.html';

async function serviceWorker(app: Launched): Promise<WebWorker> {
  const target = await app.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
  const worker = await target.worker();
  if (!worker) throw new Error('no service worker');
  return worker;
}

async function command(app: Launched, name: 'next-mention' | 'prev-mention'): Promise<void> {
  const worker = await serviceWorker(app);
  await worker.evaluate((n: string) => {
    const api = (globalThis as unknown as { chrome: { commands: { onCommand: { dispatch(name: string): void } } } }).chrome;
    api.commands.onCommand.dispatch(n);
  }, name);
}

interface Opened {
  label: string;
  /** The page text the card says it is about ("Why is this highlighted?"). */
  matched: string;
  /** Focus is inside the card. */
  focused: boolean;
}

/** Waits for a card other than `previous` to be open; returns what it is about and whether it has focus. */
async function openedCard(p: Page, previous: string | null = null): Promise<Opened> {
  return waitInCard(
    p,
    (root, prev) => {
      const dialog = root.querySelector<HTMLElement>('[role="dialog"]');
      if (!dialog) return null;
      const label = dialog.getAttribute('aria-label') ?? '';
      const why = dialog.querySelector('.dp-why')?.textContent ?? '';
      const matched = /“([^”]+)”/.exec(why)?.[1] ?? '';
      if (prev !== null && `${label}|${matched}` === prev) return null;
      const focused = document.activeElement === root.host && !!root.activeElement && dialog.contains(root.activeElement);
      return { label, matched, focused } satisfies Opened;
    },
    10_000,
    previous,
  );
}

/** Highlighted ranges whose text is `text`, with their vertical position in the viewport. */
function highlightTops(p: Page, text: string): Promise<number[]> {
  return p.evaluate((t: string) => {
    const tops: number[] = [];
    for (const [name, hl] of (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights) {
      if (!name.startsWith('dossier-')) continue;
      for (const r of hl) {
        if ((r.startContainer as Text).data.slice(r.startOffset, r.endOffset) !== t) continue;
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        tops.push(live.getBoundingClientRect().top);
      }
    }
    return tops;
  }, text);
}

describe('keyboard jump in chromium', () => {
  let app: Launched;
  let site: Served;
  beforeAll(async () => ({ app, site } = await launchWithSite('chromium')));
  afterAll(() => closeAll(app, site));

  it('next scrolls to the next mention below the reader and focuses its card; Escape gives focus back; prev goes back', async () => {
    const p = await app.newPage();
    await p.goto(site.url(ARTICLE));
    await waitReady(p);
    await p.bringToFront();
    // The reader is half-way down, focus on a link of the article.
    await p.evaluate(() => {
      const link = document.createElement('a');
      link.href = '#reader';
      link.id = 'reader';
      link.textContent = 'where I was';
      document.querySelector('main, article, body')!.append(link);
      link.focus({ preventScroll: true });
      window.scrollTo({ top: 1200, behavior: 'instant' as ScrollBehavior });
    });
    const height = await p.evaluate(() => window.innerHeight);

    await command(app, 'next-mention');
    const first = await openedCard(p);
    expect(first.focused).toBe(true);
    expect(first.label).toMatch(/^Dossier: /);
    // The page scrolled so that the mention the card is about sits in the middle of the viewport, and that
    // mention is the first one at or below where the reader was (page y 1200), not one above.
    const scrolled = await p.evaluate(() => window.scrollY);
    expect(scrolled).not.toBe(1200);
    const tops = await highlightTops(p, first.matched);
    const centred = tops.filter((t) => Math.abs(t - height / 2) < 40);
    expect(centred.length).toBeGreaterThan(0);
    expect(scrolled + centred[0]!).toBeGreaterThanOrEqual(1200);

    await p.keyboard.press('Escape');
    await waitInPage(p, () => !document.querySelector('dossier-popover'));
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('reader');

    await command(app, 'next-mention');
    const second = await openedCard(p);
    expect(second.focused).toBe(true);
    expect(await p.evaluate(() => window.scrollY)).toBeGreaterThanOrEqual(scrolled);

    await command(app, 'prev-mention');
    const back = await openedCard(p, `${second.label}|${second.matched}`);
    expect(`${back.label}|${back.matched}`).toBe(`${first.label}|${first.matched}`);
    expect(await p.evaluate(() => window.scrollY)).toBe(scrolled);
    await p.close();
  });
});
