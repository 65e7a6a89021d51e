import { describe, expect, it } from 'vitest';
import { derivePageConfig } from '../../src/content/page-config';
import { PageHighlighter } from '../../src/content/page-highlighter';
import { buildPageData } from '../../src/core/page-data';
import { compileQuoteMatcher, compileQuoteMatcherSteps, quoteMatcherFromPlan } from '../../src/core/quote-matcher';
import { readerPageDataFor } from '../../src/shared/reader-dossier-storage';
import { defaultSettings } from '../../src/shared/settings-schema';
import { dataset } from '../../src/data/dataset';
import { NEWSX, savedFrom } from '../unit/reader-dossier-fixtures';

const WITKOFF = 'Putin confirmed that a US delegation led by special envoy Steve Witkoff is expected to arrive in Moscow early next week.';
const raw = (n: number) => ({ actors: [], items: [savedFrom(NEWSX, WITKOFF, { id: `item-witkoff${String(n).padStart(4, '0')}`, actor: { type: 'bundled', id: 'vladimir-putin' } })] });

function highlighter(): PageHighlighter {
  // The css engine (the default) paints these: the marks engine's code is never needed; the quotation code is.
  const page = new PageHighlighter(document, buildPageData(dataset), (fn) => fn(), () => null, () => Promise.resolve({ compileQuoteMatcher, compileQuoteMatcherSteps, quoteMatcherFromPlan }));
  page.apply(derivePageConfig(defaultSettings(), 'reading.example', false));
  return page;
}

describe('PageHighlighter and the reader’s saved quotations', () => {
  it('compiles them in slices and asks for a rescan once the new matcher is in', async () => {
    const page = highlighter();
    expect(await page.setReaderData(readerPageDataFor(raw(1), 'https://reading.example/'), new AbortController().signal)).toBe(true);
    expect(page.quoteText('saved:item-witkoff0001')).toBe(WITKOFF);
    // The same quotations again change nothing.
    expect(await page.setReaderData(readerPageDataFor(raw(1), 'https://reading.example/'), new AbortController().signal)).toBe(false);
  });

  it('a newer call supersedes one still compiling: only the newer one is applied', async () => {
    const page = highlighter();
    const first = page.setReaderData(readerPageDataFor(raw(1), 'https://reading.example/'), new AbortController().signal);
    const second = page.setReaderData(readerPageDataFor(raw(2), 'https://reading.example/'), new AbortController().signal);
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(page.quoteText('saved:item-witkoff0001')).toBeUndefined();
    expect(page.quoteText('saved:item-witkoff0002')).toBe(WITKOFF);
  });

  it('stops when its lifetime ends, and applies nothing', async () => {
    const page = highlighter();
    const life = new AbortController();
    const pending = page.setReaderData(readerPageDataFor(raw(1), 'https://reading.example/'), life.signal);
    life.abort();
    expect(await pending).toBe(false);
    expect(page.quoteText('saved:item-witkoff0001')).toBeUndefined();
  });
});
