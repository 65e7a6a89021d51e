/**
 * A region the page makes editable after the marks engine wrapped it: the page's text comes back there before
 * the reader can type, nothing the reader types is ever reverted by a later restore, and no mark is left for an
 * editor to save. (Real typing is in tests/e2e/marks-editable.spec.ts; here the engine's side in jsdom.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMarksEngine } from '../../src/content/engines/marks-engine';
import type { HighlightEngine } from '../../src/content/engines/types';
import { scanInto } from './highlight-helpers';

const marksIn = (root: ParentNode) => root.querySelectorAll('dossier-mark').length;
const microtasks = () => new Promise((ok) => setTimeout(ok, 0));

describe('marks engine and regions that become editable later', () => {
  let engine: HighlightEngine;
  let a: HTMLElement;
  let b: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML = '<div id="a"><p>Zelensky met Putin in Kyiv.</p></div><div id="b"><p>The Kremlin and Crimea.</p></div>';
    a = document.getElementById('a')!;
    b = document.getElementById('b')!;
    engine = createMarksEngine(document);
    scanInto(engine);
  });
  afterEach(() => {
    engine.destroy();
    (document as unknown as { designMode: string }).designMode = 'off';
  });

  it('contenteditable set after the scan: that region gets its own text node back before any input; the rest stays marked', async () => {
    const p = a.querySelector('p')!;
    const own = p.firstChild as Text;
    expect(marksIn(a)).toBe(2);
    a.setAttribute('contenteditable', 'true');
    await microtasks();
    expect(marksIn(a)).toBe(0);
    expect(p.childNodes.length).toBe(1);
    expect(p.firstChild).toBe(own);
    expect(own.data).toBe('Zelensky met Putin in Kyiv.');
    expect(marksIn(b)).toBe(2);
    // Entries (the popup's counts, the jump command) no longer list what is now the reader's.
    expect(engine.entries().map((e) => e.mention.text)).toEqual(['Kremlin', 'Crimea']);
    // A later category change does not put marks back into the editable region.
    engine.setVisibleCategories(new Set(['organisations', 'regions', 'quotes']));
    engine.setVisibleCategories(new Set(['people', 'organisations', 'regions', 'quotes']));
    expect(marksIn(a)).toBe(0);
  });

  it('contenteditable="false" is not editable: the marks stay', async () => {
    a.setAttribute('contenteditable', 'false');
    await microtasks();
    expect(marksIn(a)).toBe(2);
  });

  it('designMode switched on: the reader\'s first key press gives the page its text back everywhere, the caret kept in place', () => {
    const p = a.querySelector('p')!;
    const own = p.firstChild as Text;
    // The caret inside "Putin" (our mark's text node), as a click would put it.
    const putin = [...a.querySelectorAll('dossier-mark')].find((m) => m.textContent === 'Putin')!;
    document.getSelection()!.collapse(putin.firstChild!, 2);
    (document as unknown as { designMode: string }).designMode = 'on';
    p.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true }));
    expect(marksIn(document.body)).toBe(0);
    expect(own.data).toBe('Zelensky met Putin in Kyiv.');
    const sel = document.getSelection()!;
    expect(sel.anchorNode).toBe(own);
    expect(sel.anchorOffset).toBe('Zelensky met Pu'.length);
  });

  it('text the reader typed inside a mark survives any later restore, and no mark remains around it', () => {
    // A region turned editable without our noticing (say, by a style) and typed into: the mark's text changed.
    const putin = [...a.querySelectorAll('dossier-mark')].find((m) => m.textContent === 'Putin')!;
    (putin.firstChild as Text).data = 'Putin and Lavrov';
    engine.setVisibleCategories(new Set(['organisations', 'regions', 'quotes'])); // a settings change
    expect(a.textContent).toBe('Zelensky met Putin and Lavrov in Kyiv.');
    engine.clear();
    expect(a.textContent).toBe('Zelensky met Putin and Lavrov in Kyiv.');
    expect(a.innerHTML).not.toContain('dossier-mark');
    expect(b.innerHTML).toBe('<p>The Kremlin and Crimea.</p>');
  });

  it('text typed into the page\'s own node in an editable region is kept, our pieces with it', async () => {
    const p = a.querySelector('p')!;
    const own = p.firstChild as Text; // holds "" : "Zelensky" starts the text
    // Switched on and typed into at once, before any event reached us (a script's edit).
    a.setAttribute('contenteditable', '');
    own.data = 'Yes: ';
    await microtasks();
    expect(a.textContent).toBe('Yes: Zelensky met Putin in Kyiv.');
    expect(marksIn(a)).toBe(0);
  });
});
