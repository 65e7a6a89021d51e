/** A headless Chromium with an extension built anywhere (the test harness launches only the project's own build). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { executablePath, type Launched } from '../../tests/e2e/harness';

/** Launches Chromium with the unpacked extension in `dir` and waits for its service worker. */
export async function launchExtensionFrom(dir: string): Promise<Launched> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'dossier-bench-ref-'));
  const browser = await puppeteer.launch({
    browser: 'chrome',
    executablePath: executablePath('chromium'),
    headless: true,
    userDataDir,
    enableExtensions: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-features=Translate,MediaRouter,OptimizationHints', '--window-size=1280,900', `--load-extension=${dir}`, `--disable-extensions-except=${dir}`],
    defaultViewport: { width: 1280, height: 900 },
  });
  let extensionId = '';
  for (const deadline = Date.now() + 15_000; !extensionId && Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const worker = browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
    if (worker) extensionId = new URL(worker.url()).host;
  }
  if (!extensionId) {
    await browser.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
    throw new Error(`the extension in ${dir} did not start`);
  }
  return {
    kind: 'chromium',
    browser,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}${path.startsWith('/') ? path : `/${path}`}`,
    newPage: () => browser.newPage(),
    close: async () => {
      await browser.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
