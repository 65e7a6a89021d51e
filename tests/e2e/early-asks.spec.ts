/**
 * Chromium, where the test can read Dossier's isolated world: the top frame's `early.js` asks for the page data's
 * extras and reads the storage at document_start, in the same world as the content script, which takes both when it
 * starts (src/content/early-asks.ts). A frame the content script is injected into has no early asks and asks itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, waitInPage, type Launched, type Served } from './harness';
import { dossierWorld } from './lib/isolated-world';
import { servePopoverPages } from './lib/popover-pages';

const EARLY = "(() => { const a = globalThis[Symbol.for('dossier:early-asks')]; return a ? { extras: a.extras, storage: a.storage } : null; })()";

describe('early asks in chromium', () => {
  let app: Launched;
  let site: Served;

  beforeAll(async () => {
    ({ app, site } = await launchWithSite('chromium', {}, servePopoverPages));
  });

  afterAll(() => closeAll(app, site));

  it('are made in the content script’s world and taken by it, once', async () => {
    const p = await app.newPage();
    await p.goto(site.url('/plain.html'));
    await waitInPage(p, () => document.documentElement.getAttribute('data-dossier') === 'ready');
    const world = await dossierWorld(p, app.extensionId);
    // Both were asked for (the holder is there) and both were taken (nothing left to take).
    expect(await world.value(EARLY)).toEqual({ extras: null, storage: null });
    await world.close();
    await p.close();
  });
});
