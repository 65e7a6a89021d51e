/**
 * `npm run screenshots`: redraws the README's pictures of the card, light and dark (docs/screenshots/popover-*.png),
 * and the page with a card in Windows-style forced colours (docs/screenshots/forced-colors.png, for
 * docs/accessibility.md), in headless Chromium with the built extension. Kept out of `npm test`, which must leave the work tree as it was.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeAll, launch, serve } from '../tests/e2e/harness';
import { openCard, waitForStillCard, writePopoverPages } from '../tests/e2e/lib/popover-pages';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');

const dir = mkdtempSync(join(tmpdir(), 'dossier-screenshots-'));
writePopoverPages(dir);
const site = await serve(dir);
const app = await launch('chromium');
try {
  mkdirSync(OUT, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    const page = await app.newPage();
    // tsx keeps function names through a `__name` helper that functions sent to the page need there too.
    await page.evaluateOnNewDocument('globalThis.__name = (f) => f');
    await page.setViewport({ width: 900, height: 700 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(site.url('/plain.html'));
    await openCard(page, 'Donbas', 'Donbas');
    await waitForStillCard(page);
    const path = join(OUT, `popover-${scheme}.png`) as `${string}.png`;
    await page.screenshot({ path });
    console.log(`wrote ${path}`);
    await page.close();
  }
  const page = await app.newPage();
  await page.evaluateOnNewDocument('globalThis.__name = (f) => f');
  await page.setViewport({ width: 900, height: 700 });
  // puppeteer's emulateMediaFeatures does not take forced-colors; the DevTools protocol does, and forces colours.
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
  await page.goto(site.url('/plain.html'));
  await openCard(page, 'Peskov', 'Dmitry Peskov', 1);
  await waitForStillCard(page);
  const forced = join(OUT, 'forced-colors.png') as `${string}.png`;
  await page.screenshot({ path: forced });
  console.log(`wrote ${forced}`);
  await page.close();
} finally {
  await closeAll(app, site);
  rmSync(dir, { recursive: true, force: true });
}
