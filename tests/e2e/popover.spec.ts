import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type BrowserKind, type Launched, type Served } from './harness';
import { findExtensionTab } from './lib/firefox-pages';
import { inCard } from './lib/card';
import { tabPlacement } from './lib/page-helpers';
import { cardStyles, openCard, waitForStillCard, servePopoverPages } from './lib/popover-pages';

describe.each<BrowserKind>(['chromium', 'firefox'])('popover in %s', (kind) => {
  let app: Launched;
  let site: Served;

  beforeAll(async () => {
    ({ app, site } = await launchWithSite(kind, {}, servePopoverPages));
  });

  afterAll(() => closeAll(app, site));

  it('hovering an actor shows role, a position, a verbatim quote with its outlet; Escape closes and unmounts', async () => {
    const p = await app.newPage();
    await p.goto(site.url('/plain.html'));
    const text = await openCard(p, 'Peskov', 'Dmitry Peskov');
    expect(text).toMatch(/spokesman/i);
    expect(text).toMatch(/Positions|Asked of them|Speaks for/);
    // A quotation in curly quotes followed by its outlet.
    expect(text).toMatch(/“We are talking about the withdrawal of the regime’s armed forces from the Donbas”/);
    expect(text).toMatch(/Reuters/);
    // The footer: one short line, the curation date and what the texts cover (no invented year).
    const footer = await inCard(p, (root) => root.querySelector('.dp-foot')!.textContent);
    expect(footer).toMatch(/^Data curated \d{4}\.\d{2}\.\d{2} · five undated reports; one date given: November 23, no year$/);
    // One host, its shadow root closed to the page, and the card is what is on top where it is drawn.
    const host = await inCard(p, (root) => {
      const card = root.querySelector('.dp-card')?.getBoundingClientRect();
      return {
        count: document.querySelectorAll('dossier-popover').length,
        pageSees: document.querySelector('dossier-popover')!.shadowRoot === null ? 'nothing' : 'the card',
        top: card ? document.elementFromPoint(card.left + card.width / 2, card.top + 20)?.tagName.toLowerCase() ?? null : null,
      };
    });
    expect(host).toEqual({ count: 1, pageSees: 'nothing', top: 'dossier-popover' });

    await p.keyboard.press('Escape');
    await waitInPage(p, () => !document.querySelector('dossier-popover'));
    await p.close();
  });

  it('stays open while the pointer moves into the card and reads it, closes after leaving both', async () => {
    const p = await app.newPage();
    await p.goto(site.url('/plain.html'));
    await openCard(p, 'Peskov', 'Dmitry Peskov');
    const card = await inCard(p, (root) => {
      const r = root.querySelector('.dp-card')!.getBoundingClientRect();
      return { x: r.left + 40, y: r.top + 60, bottom: r.bottom };
    });
    await p.mouse.move(card.x, card.y, { steps: 8 });
    await p.mouse.move(card.x + 30, card.y + 40, { steps: 5 });
    // Staying open is the absence of a close: it can only be seen by letting the hide delay (300 ms) pass, three times over.
    await new Promise((r) => setTimeout(r, 900));
    expect(await p.evaluate(() => !!document.querySelector('dossier-popover'))).toBe(true);
    await p.mouse.move(5, 880, { steps: 5 });
    await waitInPage(p, () => !document.querySelector('dossier-popover'), 3000);
    await p.close();
  });

  it('hovering Donbas shows its positions and that sources differ on the share Russia controls (90% vs 85%)', async () => {
    const p = await app.newPage();
    await p.goto(site.url('/plain.html'));
    const text = await openCard(p, 'Donbas', 'Donbas');
    expect(text).toMatch(/Sources differ/i);
    expect(text).toMatch(/90%/);
    expect(text).toMatch(/85%/);
    expect(text).toMatch(/Positions concerning it/i);
    expect(text).toMatch(/withdraw/i);
    await p.close();
  });

  it('clicking a source link opens the source card in a new tab next to the page, at the quoted excerpt', async () => {
    const p = await app.newPage();
    await p.goto(site.url('/plain.html'));
    await openCard(p, 'Peskov', 'Dmitry Peskov');
    const link = await inCard(p, (root) => {
      const a = root.querySelector<HTMLAnchorElement>('.dp-quote a')!;
      a.scrollIntoView({ block: 'nearest' }); // the card scrolls inside when it is taller than the room
      const r = a.getBoundingClientRect();
      return { href: a.href, target: a.target, text: a.textContent, x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    // The href stays (copy link, middle click); a plain click goes through the background (a page cannot open it).
    expect(link.target).toBe('_blank');
    expect(link.href).toMatch(new RegExp(`^${app.extensionUrl('/sources.html').replace(/[.?]/g, '\\$&')}\\?id=[a-z0-9-]+#x-`));
    await p.mouse.move(link.x, link.y, { steps: 3 });
    const before = new Set(await app.browser.pages());
    await p.mouse.click(link.x, link.y);
    const card = await findExtensionTab(app, '/sources.html', before);
    expect(await card.evaluate(() => location.href)).toBe(link.href);
    const found = await waitInPage(card, () => {
      const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      return el && { text: el.textContent, outlet: el.closest('article')?.querySelector('.sc-outlet')?.textContent, count: document.querySelectorAll('article').length };
    });
    expect(found!.text).toContain('We are talking about the withdrawal of the regime’s armed forces from the Donbas');
    expect(found!.outlet).toBe(link.text);
    expect(found!.count).toBe(1);
    // Not blocked (ERR_BLOCKED_BY_CLIENT would show Chromium's error page), and opened right after the page's tab.
    const tabs = await tabPlacement(card, p.url());
    expect(tabs.self).toBe(tabs.opener + 1);
    expect(tabs.openerTabId).toBe(tabs.openerId);
    await card.close();
    await p.close();
  });

  it('looks the same on a hostile-CSS page as on a plain page', async () => {
    const plain = await app.newPage();
    await plain.goto(site.url('/plain.html'));
    await openCard(plain, 'Peskov', 'Dmitry Peskov');
    const expected = await cardStyles(plain);
    await plain.close();

    const hostile = await app.newPage();
    await hostile.goto(site.url('/hostile.html'));
    await openCard(hostile, 'Peskov', 'Dmitry Peskov');
    const actual = await cardStyles(hostile);
    // The card is on top: the element at its centre is the popover host, despite the page's z-index games.
    const onTop = await inCard(hostile, (root) => {
      const card = root.querySelector('.dp-card')!;
      const r = card.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + 20)?.tagName.toLowerCase();
    });
    await hostile.close();

    expect(Object.keys(expected)).toEqual(expect.arrayContaining(['.dp-card', '.dp-title', '.dp-source']));
    expect(expected['.dp-card']!['font-size']).toBe('14px');
    expect(actual).toEqual(expected);
    expect(onTop).toBe('dossier-popover');
  });

  it('fits and scrolls inside a 200 % zoomed window (640×450 CSS px)', async () => {
    const p = await app.newPage();
    await p.setViewport({ width: 640, height: 450 });
    await p.goto(site.url('/plain.html'));
    await openCard(p, 'Donbas', 'Donbas');
    await waitForStillCard(p);
    const box = await inCard(p, (root) => {
      const card = root.querySelector<HTMLElement>('.dp-card')!;
      const r = card.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, scrolls: card.scrollHeight > card.clientHeight };
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(450);
    expect(box.right).toBeLessThanOrEqual(640);
    expect(box.scrolls).toBe(true);
    await p.close();
  });

  it('uses the dark theme on a dark page, with a visible border', async () => {
    const p = await app.newPage();
    await p.goto(site.url('/dark.html'));
    await openCard(p, 'Peskov', 'Dmitry Peskov');
    const look = await inCard(p, (root) => {
      const cs = getComputedStyle(root.querySelector('.dp-card')!);
      return { theme: root.querySelector<HTMLElement>('.dp-layer')!.dataset.theme, bg: cs.backgroundColor, border: cs.borderTopColor };
    });
    expect(look.theme).toBe('dark');
    expect(look.bg).toBe('rgb(31, 35, 40)');
    expect(look.border).toBe('rgb(110, 119, 129)');
    await p.close();
  });

  // Emulating the colour scheme needs CDP, which puppeteer has only in Chromium (Firefox runs over WebDriver BiDi).
  it.skipIf(kind === 'firefox')('follows the reader\'s colour scheme on a page that supports both: light, then dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const p = await app.newPage();
      await p.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await p.goto(site.url('/plain.html'));
      await openCard(p, 'Donbas', 'Donbas');
      const theme = await inCard(p, (root) => root.querySelector<HTMLElement>('.dp-layer')!.dataset.theme ?? null);
      expect(theme).toBe(scheme);
      await p.close();
    }
  });
});
