import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { quoteWording } from '../../src/core/card-model';
import { compileQuoteMatcher } from '../../src/core/quote-matcher';
import { savedPageQuotes } from '../../src/core/reader-dossier/saved-quotes';
import { selectorsFor } from '../../src/core/reader-dossier/selectors';
import type { SavedItem } from '../../src/data/reader-dossier-schema';
import { SavedQuotation, SavedQuotationBody } from '../../src/ui/reader-dossier/saved-quotation';

const SENTENCE = 'Peskov also said no call between Putin and Zelenskiy was being discussed.';

function item(exact: string, note?: string): SavedItem {
  const text = `Intro. ${exact} Outro.`;
  return {
    id: 'item-00000001',
    actor: { type: 'bundled', id: 'vladimir-putin' },
    kind: 'quote',
    ...(note ? { note } : {}),
    target: { source: 'https://news.example/a', title: 'A', site: 'news.example', selector: selectorsFor(text, 7, 7 + exact.length) },
    savedAt: '2026-12-01T08:00:00.000Z',
    updatedAt: '2026-12-01T08:00:00.000Z',
  };
}

describe('a saved quotation on a card', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('shows what was saved, where and when, a link back, and the words this page adds', () => {
    root = document.createElement('div');
    document.body.append(root);
    const saved = item(SENTENCE, '<b>mine</b>');
    const [match] = compileQuoteMatcher(savedPageQuotes([saved], 'https://other.example/')).find('Peskov also said that no call between Putin and Zelenskiy was being discussed.');
    act(() => render(<SavedQuotationBody item={saved} wording={quoteWording(match)} />, root));
    expect(root.querySelector('blockquote')!.textContent).toBe(`“${SENTENCE}”`);
    expect(root.textContent).toContain('You saved this on news.example, 2026-12-01');
    expect(root.querySelector('a')!.getAttribute('href')).toBe('https://news.example/a');
    expect(root.textContent).toContain('Worded differently on this page than where you saved it');
    expect([...root.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['[page: that]']);
    expect(root.querySelector('del')).toBeNull();
    expect(root.querySelector('b')).toBeNull(); // the note is text
    expect(root.textContent).toContain('<b>mine</b>');
  });

  it('page text and saved text are data, never HTML', () => {
    root = document.createElement('div');
    document.body.append(root);
    const hostile = 'He said <img src=x onerror="alert(1)"> that the talks would go on next week.';
    act(() => render(<SavedQuotationBody item={item(hostile)} />, root));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('blockquote')!.textContent).toBe(`“${hostile}”`);
  });

  it('draws into a closed shadow root: the page sees an empty element, also when the item is gone', async () => {
    root = document.createElement('div');
    document.body.append(root);
    const load = vi.fn(async () => null);
    await act(async () => {
      render(<SavedQuotation itemId="item-00000001" load={load} />, root);
    });
    await act(async () => {});
    expect(load).toHaveBeenCalledWith('item-00000001');
    const host = root.querySelector<HTMLElement>('.dp-saved-quote')!;
    expect(host.shadowRoot).toBeNull();
    expect(root.textContent).toBe('');
  });
});
