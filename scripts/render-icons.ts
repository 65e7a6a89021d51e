/**
 * Renders assets/icon.svg to the PNG sizes the manifests use (assets/public/icon/N.png) with headless Chromium.
 * Run after editing the SVG: `npx tsx scripts/render-icons.ts`. The PNGs are committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { executablePath } from '../tests/e2e/harness';

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(resolve(root, 'assets/icon.svg'), 'utf8');
const browser = await puppeteer.launch({ executablePath: executablePath('chromium'), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  for (const size of [16, 32, 48, 96, 128]) {
    await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="128" height="128"', `width="${size}" height="${size}"`)}</body></html>`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(resolve(root, `assets/public/icon/${size}.png`), png);
  }
} finally {
  await browser.close();
}
