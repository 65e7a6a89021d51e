/**
 * The card's code is not in the script every frame loads: the background injects it on the reader's first gesture
 * in a frame. The first hover still opens the card, and (Chromium, where the test can read Dossier's isolated world)
 * the code and the card were there when the hover delay ended: the first card waited no longer than any later one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type BrowserKind, type Launched, type Served } from './harness';
import { waitInCard } from './lib/card';
import { COUNTERS, dossierWorld, type Counters } from './lib/isolated-world';
import { hover, servePopoverPages } from './lib/popover-pages';

const CARD_CODE = "globalThis[Symbol.for('dossier.injected:card')] !== undefined";

describe.each<BrowserKind>(['chromium', 'firefox'])('the card on demand in %s', (kind) => {
  let app: Launched;
  let site: Served;

  beforeAll(async () => {
    ({ app, site } = await launchWithSite(kind, {}, servePopoverPages));
  });

  afterAll(() => closeAll(app, site));

  it('is loaded on the first hover, which opens the card within the hover delay', async () => {
    const p = await app.newPage();
    await p.goto(site.url('/plain.html'));
    await waitInPage(p, () => document.documentElement.getAttribute('data-dossier') === 'ready');
    const world = kind === 'chromium' ? await dossierWorld(p, app.extensionId) : null;
    // Highlighting is done and the card's code is not in the frame.
    if (world) expect(await world.value<boolean>(CARD_CODE)).toBe(false);
    await hover(p, 'Peskov');
    const label = await waitInCard(p, (root) => root.querySelector('[role="dialog"]')?.getAttribute('aria-label'));
    expect(label).toBe('Dossier: Dmitry Peskov (Person)');
    if (world) {
      expect(await world.value<boolean>(CARD_CODE)).toBe(true);
      expect(await world.value<Counters>(COUNTERS)).toMatchObject({ firstCardsOnTime: 1, firstCardsLate: 0 });
      await world.close();
    }
    await p.close();
  });
});
