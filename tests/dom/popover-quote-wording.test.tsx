import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCardBuilder, type QuoteCard, type QuoteMatchRef, type SourceRef } from '../../src/core/card-model';
import { PopoverCard } from '../../src/ui/popover/popover-card';
import { fixtureData, mentionOf } from './popover-fixture';

const href = (s: SourceRef) => `chrome-extension://test/sources.html?id=${s.id}`;
const build = createCardBuilder(fixtureData);
let root: HTMLElement;

function mount(match?: QuoteMatchRef) {
  const card = build({ ...mentionOf('putin-force', 'If they don’t withdraw'), match }) as QuoteCard;
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<PopoverCard card={card} sourceHref={href} />, root));
  return root;
}

afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

const REWORDED: QuoteMatchRef = {
  exact: false,
  coverage: 1,
  diff: [
    { op: 'same', text: 'If' },
    { op: 'removed', text: 'these' },
    { op: 'added', text: 'those' },
    { op: 'same', text: 'don’t withdraw we’ll achieve this through military force' },
  ],
};

describe('quote card: how the page words it', () => {
  it('a removed "these" and an added "those" are both marked, with a text cue, in reading order', () => {
    const el = mount(REWORDED);
    expect(el.querySelector('.dp-wording-label')!.textContent).toBe('Worded differently on this page');
    const line = el.querySelector('.dp-wording-diff')!;
    const del = line.querySelectorAll('del');
    const ins = line.querySelectorAll('ins');
    expect(del).toHaveLength(1);
    expect(ins).toHaveLength(1);
    // Screen readers hear which is which; the visible word is the same text without the cue.
    expect(del[0]!.textContent).toBe('[source: these]');
    expect(ins[0]!.textContent).toBe('[page: those]');
    expect(del[0]!.title).toMatch(/in the source/i);
    expect(ins[0]!.title).toMatch(/on this page/i);
    const visible = (n: Element) => [...n.childNodes].filter((c) => !(c instanceof Element && c.classList.contains('dp-sr'))).map((c) => c.textContent).join('');
    expect(visible(del[0]!)).toBe('these');
    expect(visible(ins[0]!)).toBe('those');
    expect(line.textContent).toBe('If [source: these] [page: those] don’t withdraw we’ll achieve this through military force');
    // A key for sighted readers who cannot tell the colours apart.
    expect(el.querySelector('.dp-wording-key')!.textContent).toMatch(/struck through: only in the source · underlined: only on this page/);
  });

  it('an exact quotation says so and marks nothing', () => {
    const el = mount({ exact: true, coverage: 1, diff: [{ op: 'same', text: 'If they don’t withdraw' }] });
    expect(el.querySelector('.dp-wording-label')!.textContent).toBe('Exact wording');
    expect(el.querySelector('.dp-wording del, .dp-wording ins')).toBeNull();
  });

  it('part of the quotation says how much', () => {
    const el = mount({ ...REWORDED, coverage: 0.4 });
    expect(el.querySelector('.dp-wording-label')!.textContent).toBe('Worded differently on this page · Part of the quotation (40\u00a0%)');
  });

  it('no match, no wording line; the speaker, the source and the verbatim text stay', () => {
    const el = mount();
    expect(el.querySelector('.dp-wording')).toBeNull();
    expect(el.querySelector('blockquote')!.textContent).toBe('“If they don’t withdraw, we’ll achieve this through military force”');
    expect(el.querySelector('.dp-quote a')!.textContent).toBe('The Kyiv Independent (credited)');
  });

  it('page words are text, never markup, and nothing is set through innerHTML', () => {
    const setHtml = vi.spyOn(Element.prototype, 'innerHTML', 'set');
    const adjacent = vi.spyOn(Element.prototype, 'insertAdjacentHTML');
    const evil = '<img src=x onerror="alert(1)">';
    const el = mount({ ...REWORDED, diff: [{ op: 'same', text: 'If' }, { op: 'added', text: evil }, { op: 'removed', text: '<b>these</b>' }] });
    expect(el.querySelector('img, b')).toBeNull();
    expect(el.querySelector('.dp-wording-diff ins')!.textContent).toBe(`[page: ${evil}]`);
    expect(setHtml).not.toHaveBeenCalled();
    expect(adjacent).not.toHaveBeenCalled();
    for (const f of ['src/ui/popover/card-parts.tsx', 'src/ui/popover/popover-card.tsx', 'src/core/card-model.ts']) {
      expect(readFileSync(join(process.cwd(), f), 'utf8')).not.toMatch(/innerHTML|dangerouslySetInnerHTML|insertAdjacentHTML/);
    }
  });
});
