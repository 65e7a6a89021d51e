import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inEditable, rangeAt, rangeOffsets, readPageText } from '../../src/content/reader-dossier/page-text';
import { anchorPassage } from '../../src/core/reader-dossier/anchor';
import { selectorsFor } from '../../src/core/reader-dossier/selectors';
import { SaveDialog, type SelectionProblem } from '../../src/ui/reader-dossier/save-dialog';

// Two paragraphs of assets/articles/000_78f937a108842e39.txt, verbatim, split over inline elements as pages do.
const ARTICLE = readFileSync(join(import.meta.dirname, '../../assets/articles/000_78f937a108842e39.txt'), 'utf8');
const SENTENCE = 'Peskov also said no call between Putin and Zelenskiy was being discussed.';

function page(): HTMLElement {
  document.body.innerHTML = '';
  const main = document.createElement('main');
  const p1 = document.createElement('p');
  p1.append('“We are talking about the withdrawal of the regime’s armed forces from the ');
  const b = document.createElement('b');
  b.textContent = 'Donbas';
  p1.append(b, ',” Peskov said.');
  const p2 = document.createElement('p');
  const a = document.createElement('a');
  a.textContent = 'Peskov';
  p2.append(a, ' also said no call between Putin and Zelenskiy was being discussed.');
  const form = document.createElement('textarea');
  form.value = 'typed by the reader';
  const script = document.createElement('script');
  script.textContent = 'var x = 1;';
  main.append(p1, script, form, p2);
  document.body.append(main);
  return main;
}

describe('page text', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('joins the text nodes, without scripts and form fields', () => {
    page();
    const { text } = readPageText();
    expect(text).toContain('armed forces from the Donbas,” Peskov said.');
    expect(text).toContain(SENTENCE);
    expect(text).not.toContain('var x');
    expect(text).not.toContain('typed by the reader');
    expect(ARTICLE).toContain(SENTENCE);
  });

  it('a selection across elements becomes offsets of the exact sentence, trimmed, and a range back', () => {
    const main = page();
    const p2 = main.querySelectorAll('p')[1]!;
    const range = document.createRange();
    range.setStart(p2.firstChild!.firstChild!, 0); // inside the link
    range.setEnd(p2.lastChild!, p2.lastChild!.textContent!.length);
    const pt = readPageText();
    const at = rangeOffsets(pt, range)!;
    expect(pt.text.slice(at.start, at.end)).toBe(SENTENCE);
    const [quote, position] = selectorsFor(pt.text, at.start, at.end);
    expect(quote.exact).toBe(SENTENCE);
    const back = rangeAt(pt, position.start, position.end)!;
    expect(back.toString()).toBe(SENTENCE);
    // And the passage is found again in the page text.
    expect(anchorPassage(pt.text, quote, position)).toEqual({ found: true, start: at.start, end: at.end, how: 'position' });
  });

  it('a selection of only whitespace, or inside a form field, is not a passage', () => {
    const main = page();
    const range = document.createRange();
    const p1 = main.querySelector('p')!;
    range.setStart(p1.lastChild!, 2);
    range.setEnd(p1.lastChild!, 3); // the space after ',”'
    expect(rangeOffsets(readPageText(), range)).toBeNull();
    const inField = document.createRange();
    inField.selectNodeContents(main.querySelector('textarea')!);
    expect(inEditable(inField)).toBe(true);
  });
});

describe('SaveDialog', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const actors = [
    { ref: { type: 'bundled' as const, id: 'vladimir-putin' }, name: 'Vladimir Putin', category: 'people' as const, aliases: ['Putin', 'Путин'], own: false },
    { ref: { type: 'bundled' as const, id: 'dmitry-peskov' }, name: 'Dmitry Peskov', category: 'people' as const, aliases: ['Peskov'], own: false },
    { ref: { type: 'reader' as const, id: 'reader-umerov' }, name: 'Rustem Umerov', category: 'people' as const, aliases: [], own: true },
  ];

  function mount(onSave = vi.fn(async () => ({ ok: true as const, message: 'Saved to your dossier.' }))) {
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(<SaveDialog exact={'<img src=x onerror=alert(1)> ' + SENTENCE} actors={actors} onSave={onSave} onClose={() => {}} />, root));
    return onSave;
  }

  it('words why a selection cannot be saved', () => {
    root = document.createElement('div');
    document.body.append(root);
    const shown = (problem?: SelectionProblem) => {
      act(() => render(<SaveDialog exact={null} problem={problem} actors={actors} onSave={vi.fn()} onClose={() => {}} />, root));
      return root.querySelector('.ds-problem')!.textContent;
    };
    expect(shown()).toBe('Select some text on the page first, then choose “Add to Dossier…”.');
    expect(shown({ code: 'editable' })).toBe('Dossier saves the text of the page, not text in a form field or an editable area.');
    expect(shown({ code: 'noText' })).toBe('That selection has no text Dossier can save.');
    expect(shown({ code: 'tooLong', max: 10_000 })).toBe('That selection is too long: Dossier saves up to 10,000 characters.');
    expect(root.querySelector('form')).toBeNull();
  });

  it('shows the passage as text, never as HTML, and finds actors by alias', async () => {
    mount();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.ds-passage')!.textContent).toBe('<img src=x onerror=alert(1)> ' + SENTENCE);
    const input = root.querySelector<HTMLInputElement>('#ds-actor')!;
    expect(document.activeElement).toBe(input);
    await act(() => {
      input.value = 'Путин';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect([...root.querySelectorAll('[role="option"]')].map((o) => o.textContent)).toEqual(['Vladimir Putin']);
    await act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(root.querySelector('.ds-chosen')!.textContent).toBe('Saving for Vladimir Putin');
    expect(document.activeElement).toBe(root.querySelector('input[type="radio"][value="quote"]'));
  });

  it('ignores a script\'s click or submit: only the reader\'s own click or key press saves', async () => {
    const onSave = mount();
    const input = root.querySelector<HTMLInputElement>('#ds-actor')!;
    await act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(root.querySelector('.ds-chosen')).not.toBeNull();
    await act(() => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await act(() => {
      root.querySelector<HTMLButtonElement>('.ds-save')!.click();
    });
    await act(() => {
      root.querySelector('form')!.requestSubmit();
    });
    expect(onSave).not.toHaveBeenCalled();
  });

  it('warns while the reader names a new actor with a name a bundled actor already has, and says who keeps it', async () => {
    mount();
    const type = async (el: HTMLInputElement, value: string) =>
      act(() => {
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
    await act(() => {
      root.querySelector<HTMLButtonElement>('.ds-link')!.click(); // New actor…
    });
    const [name, aliases] = [...root.querySelectorAll<HTMLInputElement>('fieldset input[type="text"]')];
    await type(name!, 'Kremlin press office');
    expect(root.querySelector('.ds-warning')).toBeNull();
    await type(aliases!, 'Peskov, press office');
    const warning = root.querySelector<HTMLElement>('.ds-warning')!;
    expect(warning.getAttribute('role')).toBe('status');
    expect([...warning.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      '“Peskov” is already a name of Dmitry Peskov in Dossier’s data: on pages it stays highlighted as Dmitry Peskov and opens Dmitry Peskov’s card, not yours.',
      'Kremlin press office is highlighted only under “Kremlin press office”, “press office”.',
    ]);
    await type(name!, 'Putin');
    await type(aliases!, 'путин');
    expect([...root.querySelectorAll('.ds-warning p')].map((p) => p.textContent)).toEqual([
      '“Putin” is already a name of Vladimir Putin in Dossier’s data: on pages it stays highlighted as Vladimir Putin and opens Vladimir Putin’s card, not yours.',
      // Case folded: the data has “Путин”.
      '“путин” is already a name of Vladimir Putin in Dossier’s data: on pages it stays highlighted as Vladimir Putin and opens Vladimir Putin’s card, not yours.',
      'Putin has no other name, so it is not highlighted on pages; what you save for it is kept and listed all the same.',
    ]);
  });
});
