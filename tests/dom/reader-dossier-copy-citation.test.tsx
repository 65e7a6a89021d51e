import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCardBuilder } from '../../src/core/card-model';
import { dataset } from '../../src/data/dataset';
import { PopoverCard } from '../../src/ui/popover/popover-card';

describe('Copy with citation on a card', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.unstubAllGlobals();
  });

  it('copies the quotation verbatim with speaker, context and outlet, and says so', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const card = createCardBuilder(dataset)({ id: 'vladimir-putin', alias: 'Putin', text: 'Putin' })!;
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(<PopoverCard card={card} sourceHref={() => 'chrome-extension://test/sources.html'} />, root));
    const figure = root.querySelector('[data-quote="q-putin-troops-will-withdraw"]')!;
    const button = figure.querySelector<HTMLButtonElement>('.dp-copy')!;
    expect(button.textContent).toBe('Copy with citation');
    await act(async () => {
      button.click();
    });
    expect(writeText).toHaveBeenCalledWith(
      '“Ukrainian troops will withdraw from the territories they occupy, and then the fighting will cease” — Vladimir Putin, Told reporters on Thursday, NewsX',
    );
    expect(button.textContent).toBe('Copied');
    // Every quotation on the card has one.
    expect(root.querySelectorAll('.dp-quote').length).toBe(root.querySelectorAll('.dp-quote .dp-copy').length);
  });
});
