/**
 * The popup follows its tab without polling: the content script pushes its state over a port, so a mention the page
 * adds while the popup is open shows in the popup's counts, and the page's state is counted per change, not per tick.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, type Launched, type Served } from './harness';
import { COUNTERS, dossierWorld, type Counters } from './lib/isolated-world';
import { openPopupFor, openReady, until } from './lib/page-helpers';

/** The count the popup shows for an actor, or 0 when it is not listed. */
function actorCount(popup: Page, name: string): Promise<number> {
  return popup.$$eval(
    '[data-testid="actors"] .jump',
    (buttons, n) => {
      const row = buttons.find((b) => b.querySelector('.ename')?.textContent === n);
      return row ? Number(row.querySelector('.count')?.textContent) : 0;
    },
    name,
  );
}

describe('popup page-state feed in chromium', () => {
  let app: Launched;
  let site: Served;
  beforeAll(async () => {
    ({ app, site } = await launchWithSite('chromium'));
  });
  afterAll(() => closeAll(app, site));

  it('a mention the page adds while the popup is open shows in its counts; requests come from changes, not a clock', async () => {
    const url = site.url('/hostile-freeze.html?attack=none');
    const page = await openReady(app, url);
    const world = await dossierWorld(page, app.extensionId);
    const popup = await openPopupFor(app, url);
    await until('Peskov listed once', async () => (await actorCount(popup, 'Dmitry Peskov')) === 1, 15_000);
    const before = await world.value<Counters>(COUNTERS);
    for (let n = 2; n <= 4; n++) {
      await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>Peskov again.</p>'));
      await until(`Peskov listed ${n} times`, async () => (await actorCount(popup, 'Dmitry Peskov')) === n, 15_000);
    }
    const after = await world.value<Counters>(COUNTERS);
    // Three changes: each read by the feed (and the badge) a few times at most, whatever the time it took.
    expect(after.stateTallies - before.stateTallies).toBeLessThanOrEqual(6);
    await world.close();
    await popup.close();
    await page.close();
  });
});
