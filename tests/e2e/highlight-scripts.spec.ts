/**
 * Names written in Cyrillic are found as those in Latin letters are, though the script every page loads carries only
 * the Latin-script aliases: the others come from the background with the page data's extras, before the first scan
 * (src/core/page-data.ts). Chromium and Firefox, the built extension.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, type BrowserKind, type Launched, type Served } from './harness';
import { openReady } from './lib/page-helpers';

/** `category:text` of every highlight in the paragraph with this id, whichever engine drew it, in text order. */
function highlightsIn(page: Page, id: string): Promise<string[]> {
  return page.evaluate((id) => {
    const paragraph = document.getElementById(id)!;
    const found: [number, string][] = [];
    const offsetOf = (node: Node, offset: number) => {
      const range = document.createRange();
      range.setStart(paragraph, 0);
      range.setEnd(node, offset);
      return range.toString().length;
    };
    for (const el of paragraph.querySelectorAll('[data-dossier-category]')) {
      found.push([offsetOf(el, 0), `${el.getAttribute('data-dossier-category')}:${el.textContent}`]);
    }
    const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
    for (const [name, highlight] of registry ?? []) {
      if (!name.startsWith('dossier-')) continue;
      for (const r of highlight) {
        if (!paragraph.contains(r.startContainer)) continue;
        found.push([offsetOf(r.startContainer, r.startOffset), `${name.slice('dossier-'.length)}:${(r.startContainer as Text).data.slice(r.startOffset, r.endOffset)}`]);
      }
    }
    return found.sort((a, b) => a[0] - b[0]).map(([, text]) => text);
  }, id);
}

describe.each<BrowserKind>(['chromium', 'firefox'])('names in other scripts in %s', (kind) => {
  let app: Launched;
  let site: Served;
  beforeAll(async () => {
    ({ app, site } = await launchWithSite(kind));
  });
  afterAll(() => closeAll(app, site));

  it('highlights Ukrainian and Russian names as it does English ones', async () => {
    const page = await openReady(app, site.url('/highlight-scripts.html'));
    expect(await highlightsIn(page, 'uk')).toEqual(['organisations:Кремля', 'people:Дмитро Пєсков', 'people:Володимир Путін', 'people:Зеленським']);
    expect(await highlightsIn(page, 'ru')).toEqual(['organisations:Кремля', 'people:Дмитрий Песков', 'people:Владимир Путин', 'people:Трампом']);
    expect(await highlightsIn(page, 'en')).toEqual(['organisations:Kremlin', 'people:Dmitry Peskov', 'people:Vladimir Putin', 'people:Donald Trump']);
    await page.close();
  });
});
