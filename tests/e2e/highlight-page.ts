/**
 * Page-side probes for the highlight end-to-end tests, through the page-side contract only:
 * marks engine → elements with data-dossier-id / data-dossier-category; css engine → CSS.highlights.get('dossier-<category>').
 */
import type { Frame, Page } from 'puppeteer-core';
import type { Launched } from './harness';

/** Every highlight as "category:text", in document order for marks, per category then order for css. */
export async function highlighted(target: Page | Frame): Promise<{ marks: string[]; css: string[] }> {
  return target.evaluate(() => {
    const marks = [...document.querySelectorAll('[data-dossier-category]')].map(
      (el) => `${el.getAttribute('data-dossier-category')}:${el.textContent}`,
    );
    const css: string[] = [];
    const registry = (globalThis as { CSS?: { highlights?: Map<string, Set<AbstractRange>> } }).CSS?.highlights;
    if (registry) {
      for (const [name, hl] of registry) {
        if (!name.startsWith('dossier-')) continue;
        for (const r of hl) {
          const text = (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
          css.push(`${name.slice('dossier-'.length)}:${text}`);
        }
      }
    }
    return { marks, css };
  });
}

/** The highlights of whichever engine runs, sorted (so both engines compare alike). */
export async function highlights(target: Page | Frame): Promise<string[]> {
  const { marks, css } = await highlighted(target);
  return [...marks, ...css].sort();
}

/**
 * Settings writer, kept here too for scripts/bench-browser.ts (it lives in lib/page-helpers.ts), and at this path for
 * scripts/bench-browser-against.ts, which drives an earlier commit with that commit's own copy of it.
 */
export { setSettings } from './lib/page-helpers';

/** The page's visible text as a reader gets it, without Dossier (an incognito context has no extension). */
export async function baselineText(app: Launched, url: string): Promise<string> {
  const context = await app.browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    return await page.evaluate(() => document.body.innerText);
  } finally {
    await context.close();
  }
}
