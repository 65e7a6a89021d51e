import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMarksEngine } from '../../src/content/engines/marks-engine';
import type { HighlightEngine } from '../../src/content/engines/types';
import { scanInto, textNodeSnapshot } from './highlight-helpers';

const ARTICLE = `
  <article>
    <h1>Zelensky and Putin: no deal on Donbas</h1>
    <p id="lead">The <a href="/k">Kremlin</a> said Putin would not give up Crimea, and Zelensky refused to cede Donbas.</p>
    <figure><img alt=""><figcaption id="cap">Zelensky in Kyiv</figcaption></figure>
    <p id="plain">Nothing to see here.</p>
    <textarea id="ta">Putin typed here</textarea>
    <div id="ed" contenteditable="true">Zelensky in an editor</div>
  </article>`;

const marks = () => [...document.querySelectorAll('dossier-mark')];
const summary = () => marks().map((m) => `${m.getAttribute('data-dossier-category')}:${m.getAttribute('data-dossier-id')}:${m.textContent}`);

describe('marks engine', () => {
  let engine: HighlightEngine;
  beforeEach(() => {
    document.body.innerHTML = ARTICLE;
    engine = createMarksEngine(document);
  });
  afterEach(() => engine.destroy());

  it('wraps each mention in <dossier-mark> with its id and category, leaving the text as it was', () => {
    const before = document.body.textContent;
    const found = scanInto(engine);
    expect(found).toBe(9);
    expect(summary()).toEqual([
      'people:volodymyr-zelensky:Zelensky',
      'people:vladimir-putin:Putin',
      'regions:donbas:Donbas',
      'organisations:kremlin:Kremlin',
      'people:vladimir-putin:Putin',
      'regions:crimea:Crimea',
      'people:volodymyr-zelensky:Zelensky',
      'regions:donbas:Donbas',
      'people:volodymyr-zelensky:Zelensky',
    ]);
    expect(document.body.textContent).toBe(before);
    // Only our attributes: mark.js's own data-markjs is removed.
    expect(marks().every((m) => !m.hasAttribute('data-markjs'))).toBe(true);
  });

  it('never touches form fields or editable regions, and typing there still works', () => {
    scanInto(engine);
    const ta = document.getElementById('ta') as HTMLTextAreaElement;
    const ed = document.getElementById('ed')!;
    expect(ta.querySelector('dossier-mark')).toBeNull();
    expect(ed.querySelector('dossier-mark')).toBeNull();
    ta.value += ' and Zelensky';
    expect(ta.value).toBe('Putin typed here and Zelensky');
    expect(ed.innerHTML).toBe('Zelensky in an editor');
  });

  it('restores the original DOM exactly: same text nodes, same text, no leftover element, no normalize()', () => {
    const html = document.body.innerHTML;
    const snapshot = textNodeSnapshot();
    const normalize = vi.spyOn(Node.prototype, 'normalize');
    scanInto(engine);
    expect(marks().length).toBeGreaterThan(0);
    engine.clear();
    expect(document.body.innerHTML).toBe(html);
    const after = textNodeSnapshot();
    expect(after.length).toBe(snapshot.length);
    after.forEach((t, i) => {
      expect(t.node).toBe(snapshot[i]!.node);
      expect(t.data).toBe(snapshot[i]!.data);
    });
    expect(normalize).not.toHaveBeenCalled();
    normalize.mockRestore();
  });

  it('destroy() also restores the page', () => {
    const html = document.body.innerHTML;
    scanInto(engine);
    engine.destroy();
    expect(document.body.innerHTML).toBe(html);
  });

  it('hides and shows a category without touching the others, and clear(category) removes exactly those', () => {
    scanInto(engine);
    const all = summary();
    engine.setVisibleCategories(new Set(['people', 'organisations', 'quotes']));
    expect(summary()).toEqual(all.filter((s) => !s.startsWith('regions:')));
    engine.setVisibleCategories(new Set(['people', 'organisations', 'regions', 'quotes']));
    expect(summary()).toEqual(all);
    engine.clear('people');
    expect(summary()).toEqual(all.filter((s) => !s.startsWith('people:')));
    expect(document.body.textContent).toContain('Zelensky and Putin: no deal on Donbas');
  });

  it('re-highlights a text node the page rewrites (node.data = ...) without stale marks or duplicated text', () => {
    scanInto(engine);
    const lead = document.getElementById('lead')!;
    // The page (React-style) keeps a reference to the original text node and rewrites it.
    const original = [...lead.childNodes].find((n) => n.nodeType === 3 && (n as Text).data.startsWith(' said')) as Text;
    original.data = ' said Zelensky met nobody.';
    // The mutation watcher calls release() for that node; then the node is scanned again.
    expect(engine.release(original)).toBe(true);
    scanInto(engine, original);
    expect(lead.textContent).toBe('The Kremlin said Zelensky met nobody.');
    expect([...lead.querySelectorAll('dossier-mark')].map((m) => m.textContent)).toEqual(['Kremlin', 'Zelensky']);
  });

  it('removes our pieces when the page removes a text node it owns', () => {
    scanInto(engine);
    const cap = document.getElementById('cap')!;
    const original = cap.firstChild as Text; // the page's node, now holding the text before the first mark ("")
    cap.removeChild(original);
    engine.release(original);
    expect(cap.textContent).toBe('');
    expect(cap.querySelector('dossier-mark')).toBeNull();
  });

  it('rescanning an already highlighted page does not nest or duplicate marks', () => {
    scanInto(engine);
    const first = summary();
    const text = document.body.textContent;
    scanInto(engine);
    expect(summary()).toEqual(first);
    expect(document.body.textContent).toBe(text);
    expect(document.querySelector('dossier-mark dossier-mark')).toBeNull();
  });

  it('entries() lists visible mentions in document order, even when content was added above later', () => {
    scanInto(engine);
    const p = document.createElement('p');
    p.textContent = 'Crimea first';
    document.body.prepend(p);
    scanInto(engine, p);
    const ids = engine.entries().map((e) => e.mention.id);
    expect(ids[0]).toBe('crimea');
    expect(ids.length).toBe(marks().length);
  });
});
