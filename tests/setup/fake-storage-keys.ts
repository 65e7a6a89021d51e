/**
 * The fake browser has no `storage.local.getKeys` (it throws "not implemented"); Chromium 130+ and Firefox 143+ do, and
 * the settings are read through it (src/shared/settings-read.ts). This one lists the keys the fake holds.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

const local = fakeBrowser.storage.local as typeof fakeBrowser.storage.local & { getKeys: () => Promise<string[]> };
// The fake's own `get`, taken before any test spies on it: listing the keys is not a read of their values.
const getAll = local.get.bind(local);
local.getKeys = async () => Object.keys(await getAll(null));
