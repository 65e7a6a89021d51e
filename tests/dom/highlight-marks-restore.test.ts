import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '../../src/core/matcher';
import { createMarksEngine } from '../../src/content/engines/marks-engine';
import type { HighlightEngine, NodeMentions } from '../../src/content/engines/types';
import { walkTextNodes } from '../../src/content/text-walker';
import { ENTRIES, scanInto, textNodeSnapshot } from './highlight-helpers';

const marks = (root: ParentNode = document) => [...root.querySelectorAll('dossier-mark')];
const texts = (root: ParentNode = document) => marks(root).map((m) => m.textContent);

describe('marks engine: page contract and exact restore', () => {
  let engine: HighlightEngine;
  beforeEach(() => {
    engine = createMarksEngine(document);
  });
  afterEach(() => engine.destroy());

  it('gives every mark the data attributes of its mention, and entries() ranges cover exactly the mention', () => {
    document.body.innerHTML = '<p>Putin and the Kremlin met in Crimea; Putin left.</p>';
    scanInto(engine);
    expect(marks().map((m) => [m.getAttribute('data-dossier-id'), m.getAttribute('data-dossier-category'), m.textContent])).toEqual([
      ['vladimir-putin', 'people', 'Putin'],
      ['kremlin', 'organisations', 'Kremlin'],
      ['crimea', 'regions', 'Crimea'],
      ['vladimir-putin', 'people', 'Putin'],
    ]);
    expect(engine.entries().map((e) => [e.mention.id, e.range().toString()])).toEqual([
      ['vladimir-putin', 'Putin'],
      ['kremlin', 'Kremlin'],
      ['crimea', 'Crimea'],
      ['vladimir-putin', 'Putin'],
    ]);
    expect(document.querySelector('p')!.textContent).toBe('Putin and the Kremlin met in Crimea; Putin left.');
  });

  it('after a category is hidden, shown and cleared, the page has its own text nodes back with their text, and normalize() is never called', () => {
    document.body.innerHTML = '<p>Zelensky said <b>Putin</b> wants Donbas.</p><p>Crimea, Crimea, Crimea</p><p>Nothing here.</p>';
    const html = document.body.innerHTML;
    const snapshot = textNodeSnapshot();
    const normalize = vi.spyOn(Node.prototype, 'normalize');
    scanInto(engine);
    engine.setVisibleCategories(new Set(['people', 'organisations', 'quotes']));
    expect(texts()).toEqual(['Zelensky', 'Putin']);
    engine.setVisibleCategories(new Set(['people', 'organisations', 'regions', 'quotes']));
    expect(texts()).toEqual(['Zelensky', 'Putin', 'Donbas', 'Crimea', 'Crimea', 'Crimea']);
    engine.clear();
    expect(document.body.innerHTML).toBe(html);
    const after = textNodeSnapshot();
    expect(after.map((t) => t.node)).toEqual(snapshot.map((t) => t.node));
    expect(after.map((t) => t.data)).toEqual(snapshot.map((t) => t.data));
    expect(normalize).not.toHaveBeenCalled();
    normalize.mockRestore();
  });

  it('leaves excluded contexts alone: code, pre, script, style, SVG text, selects, textbox roles, editable ancestors', () => {
    document.body.innerHTML = `
      <p id="ok">Putin</p>
      <code>Putin()</code><pre>Zelensky\n</pre><kbd>Kremlin</kbd>
      <script>var Putin = 1;</script><style>.Putin{}</style>
      <svg><text>Crimea</text></svg>
      <select><option>Donbas</option></select>
      <div role="textbox">Zelensky</div>
      <div contenteditable=""><p><b>Putin</b> in an editor</p></div>`;
    const html = document.body.innerHTML;
    scanInto(engine);
    expect(marks().map((m) => m.parentElement!.id)).toEqual(['ok']);
    engine.clear();
    expect(document.body.innerHTML).toBe(html);
  });

  it('re-highlights after the page changes a text node: new mentions appear, vanished ones leave no mark', () => {
    document.body.innerHTML = '<p id="a">Nothing yet.</p><p id="b">Putin spoke.</p>';
    scanInto(engine);
    expect(texts()).toEqual(['Putin']);
    const a = document.getElementById('a')!.firstChild as Text;
    const b = document.getElementById('b')!.firstChild as Text;
    // The page rewrites both of its own nodes in place, as a framework does.
    a.data = 'Now Zelensky and the Kremlin.';
    b.data = 'Nobody spoke.';
    engine.release(b);
    scanInto(engine);
    expect(texts()).toEqual(['Zelensky', 'Kremlin']);
    expect(document.getElementById('a')!.textContent).toBe('Now Zelensky and the Kremlin.');
    expect(document.getElementById('b')!.innerHTML).toBe('Nobody spoke.');
    engine.clear();
    expect(document.body.innerHTML).toBe('<p id="a">Now Zelensky and the Kremlin.</p><p id="b">Nobody spoke.</p>');
    expect(document.getElementById('a')!.firstChild).toBe(a);
  });

  it('matches a name our own marks split on a later scan against the whole original text, without nesting', () => {
    document.body.innerHTML = '<p>Volodymyr Zelensky met Vladimir Putin.</p>';
    const p = document.querySelector('p')!;
    const original = p.firstChild as Text;
    // First a dictionary that only knows the surnames: the page's node is split around them.
    const surnames = compileMatcher(ENTRIES.map((e) => ({ ...e, aliases: e.aliases.filter((a) => !a.text.includes(' ')) })));
    const scanWith = (scan: (text: string) => NodeMentions['mentions']) => {
      const batch: NodeMentions[] = [];
      for (const node of walkTextNodes(document.body)) {
        const text = engine.textOf(node);
        if (text === null) continue;
        const mentions = scan(text);
        if (mentions.length || engine.has(node)) batch.push({ node, mentions });
      }
      engine.highlight(batch);
    };
    scanWith((t) => surnames.scan(t));
    expect(texts(p)).toEqual(['Zelensky', 'Putin']);
    expect(original.data).toBe('Volodymyr ');
    // The page's node now holds "Volodymyr " only; our remainder " met Vladimir " is skipped (textOf null)
    // and the full names are found in the original text.
    expect(engine.textOf(original)).toBe('Volodymyr Zelensky met Vladimir Putin.');
    scanInto(engine);
    expect(texts(p)).toEqual(['Volodymyr Zelensky', 'Vladimir Putin']);
    expect(p.querySelector('dossier-mark dossier-mark')).toBeNull();
    expect(p.textContent).toBe('Volodymyr Zelensky met Vladimir Putin.');
    engine.clear();
    expect(p.childNodes.length).toBe(1);
    expect(p.firstChild).toBe(original);
    expect(original.data).toBe('Volodymyr Zelensky met Vladimir Putin.');
  });

  it('highlights a batch whose nodes sit in the same paragraph, around a link, and restores each one', () => {
    document.body.innerHTML = '<p>Putin, <a href="#">the Kremlin and Zelensky</a>, Crimea and Donbas.</p>';
    const p = document.querySelector('p')!;
    const [first, link, last] = [...p.childNodes];
    scanInto(engine);
    expect(texts()).toEqual(['Putin', 'Kremlin', 'Zelensky', 'Crimea', 'Donbas']);
    expect(p.textContent).toBe('Putin, the Kremlin and Zelensky, Crimea and Donbas.');
    engine.clear();
    expect([...p.childNodes]).toEqual([first, link, last]);
    expect((first as Text).data).toBe('Putin, ');
    expect((last as Text).data).toBe(', Crimea and Donbas.');
    expect(link!.childNodes.length).toBe(1);
  });
});
