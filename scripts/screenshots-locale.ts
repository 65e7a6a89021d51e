/**
 * Part of `npm run screenshots`: the README's pictures of Dossier in a browser set to Ukrainian, an open card and
 * the popup (docs/screenshots/locale-uk-*.png), in headless Chromium with the built extension.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { closeAll, launchWithSite } from '../tests/e2e/harness';
import { DEMO_ARTICLE } from '../tests/e2e/lib/firefox-pages';
import { openPopupFor, waitReady } from '../tests/e2e/lib/page-helpers';
import { openCard, waitForStillCard } from '../tests/e2e/lib/popover-pages';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');

const { app, site } = await launchWithSite('chromium', { lang: 'uk' });
try {
  mkdirSync(OUT, { recursive: true });
  const url = site.url(DEMO_ARTICLE);
  const page = await app.newPage();
  // tsx keeps function names through a `__name` helper that functions sent to the page need there too.
  await page.evaluateOnNewDocument('globalThis.__name = (f) => f');
  await page.setViewport({ width: 900, height: 700 });
  await page.goto(url);
  await waitReady(page);
  await openCard(page, 'Peskov', 'Dmitry Peskov');
  await waitForStillCard(page);
  const card = join(OUT, 'locale-uk-card.png') as `${string}.png`;
  await page.screenshot({ path: card });
  console.log(`wrote ${card}`);

  const popup = await openPopupFor(app, url);
  await popup.setViewport({ width: 400, height: 600 });
  await popup.waitForSelector('[data-testid="totals"]');
  const shot = join(OUT, 'locale-uk-popup.png') as `${string}.png`;
  await popup.screenshot({ path: shot });
  console.log(`wrote ${shot}`);
} finally {
  await closeAll(app, site);
}
