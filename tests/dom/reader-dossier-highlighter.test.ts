import { describe, expect, it } from 'vitest';
import { derivePageConfig } from '../../src/content/page-config';
import { PageHighlighter } from '../../src/content/page-highlighter';
import { createMarksEngine } from '../../src/content/engines/marks-engine';
import { buildPageData } from '../../src/core/page-data';
import { readerPageDataFor } from '../../src/shared/reader-dossier-storage';
import { defaultSettings } from '../../src/shared/settings-schema';
import { dataset } from '../../src/data/dataset';
import { NEWSX, savedFrom } from '../unit/reader-dossier-fixtures';

const WITKOFF = 'Putin confirmed that a US delegation led by special envoy Steve Witkoff is expected to arrive in Moscow early next week.';
const raw = (n: number) => ({ actors: [], items: [savedFrom(NEWSX, WITKOFF, { id: `item-witkoff${String(n).padStart(4, '0')}`, actor: { type: 'bundled', id: 'vladimir-putin' } })] });

/** The background's answers as `findQuotes` gives them, with the key of the saved quotations each ask carried. */
function background() {
  const keys: string[] = [];
  const find = (texts: string[], saved: string) => {
    keys.push(saved);
    return Promise.resolve({ matches: texts.map(() => []), speakers: {}, ms: 0 });
  };
  return { keys, find };
}

function highlighter(find = background().find): PageHighlighter {
  // jsdom has no CSS Highlight API: the marks engine paints.
  const page = new PageHighlighter(document, buildPageData(dataset), (fn) => fn(), () => createMarksEngine, find);
  const settings = defaultSettings();
  page.apply(derivePageConfig({ ...settings, categories: { ...settings.categories, quotes: true } }, 'reading.example', false));
  return page;
}

/** Has the page's quotation grouper ask the background about one block. */
async function askAboutOneBlock(page: PageHighlighter): Promise<void> {
  document.body.innerHTML = '<p>Some text of the page.</p>';
  const blocks = page.quoteBlocks()!;
  const node = document.body.querySelector('p')!.firstChild as Text;
  blocks.add(node, node.data, []);
  blocks.end();
  expect(await blocks.load()).toBe(true);
}

describe('PageHighlighter and the reader’s saved quotations', () => {
  it('takes them and asks for a rescan; the same quotations again change nothing', () => {
    const page = highlighter();
    expect(page.setReaderData(readerPageDataFor(raw(1), 'https://reading.example/'))).toBe(true);
    expect(page.quoteText('saved:item-witkoff0001')).toBe(WITKOFF);
    expect(page.setReaderData(readerPageDataFor(raw(1), 'https://reading.example/'))).toBe(false);
  });

  it('drops the answers kept: the next scan asks the background again, with the new set’s key', async () => {
    const { keys, find } = background();
    const page = highlighter(find);
    await askAboutOneBlock(page);
    await askAboutOneBlock(page);
    expect(keys).toHaveLength(1);
    expect(page.setReaderData(readerPageDataFor(raw(1), 'https://reading.example/'))).toBe(true);
    await askAboutOneBlock(page);
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
  });
});
