import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type Launched, type Served } from './harness';
import { inCard } from './lib/card';
import { DEMO_ARTICLE, currentCard, hoverCard, openSourceCard } from './lib/firefox-pages';
import { tabPlacement, waitReady } from './lib/page-helpers';

// The popover in real Firefox, on the demo article: hover a name, read the card, dismiss it, follow a source.
describe('popover in firefox', () => {
  let app: Launched;
  let site: Served;

  beforeAll(async () => ({ app, site } = await launchWithSite('firefox')));
  afterAll(() => closeAll(app, site));

  async function open() {
    const p = await app.newPage();
    await p.goto(site.url(DEMO_ARTICLE));
    await waitReady(p);
    return p;
  }

  it('hovering Peskov shows his role and a verbatim quote with its outlet; Escape closes and unmounts it', async () => {
    const p = await open();
    const card = await hoverCard(p, 'Peskov', { label: 'Dossier: Dmitry Peskov' });
    expect(card.text).toMatch(/Kremlin spokesman/);
    expect(card.text).toMatch(/“We are talking about the withdrawal of the regime’s armed forces from the Donbas”/);
    expect(card.text).toMatch(/Reuters/);
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
    await waitInPage(p, () => !document.querySelector('dossier-popover'), 3000);
    expect(await currentCard(p)).toBeNull();
    await p.close();
  });

  it('hovering Donbas shows where the sources differ on the share Russia holds', async () => {
    const p = await open();
    const card = await hoverCard(p, 'Donbas', { label: 'Dossier: Donbas' });
    expect(card.text).toMatch(/Sources differ/i);
    expect(card.text).toMatch(/90%/);
    expect(card.text).toMatch(/85%/);
    await p.close();
  });

  it('closes once the pointer leaves the name and the card', async () => {
    const p = await open();
    await hoverCard(p, 'Kremlin', { label: 'Dossier: Kremlin' });
    await p.mouse.move(5, 880, { steps: 5 });
    await waitInPage(p, () => !document.querySelector('dossier-popover'), 3000);
    await p.close();
  });

  it('clicking a source link opens the source card at the quoted excerpt, in a tab next to the page', async () => {
    const p = await open();
    const { tab, href, outlet } = await openSourceCard(app, p, 'Peskov');
    expect(href).toMatch(new RegExp(`^${app.extensionUrl('/sources.html')}\\?id=[a-z0-9-]+#x-`));
    const found = await waitInPage(tab, () => {
      const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      return el && { href: location.href, text: el.textContent, outlet: el.closest('article')?.querySelector('.sc-outlet')?.textContent };
    });
    expect(found!.href).toBe(href);
    expect(found!.text).toContain('We are talking about the withdrawal of the regime’s armed forces from the Donbas');
    expect(found!.outlet).toBe(outlet);
    const tabs = await tabPlacement(tab, p.url());
    expect(tabs.self).toBe(tabs.opener + 1);
    expect(tabs.openerTabId).toBe(tabs.openerId);
    await tab.close();
    await p.close();
  });
});
