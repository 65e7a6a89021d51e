/**
 * The marks engine wraps with mark.js, called the way that leaves nothing of mark.js on the page: `markRanges`
 * only, our element, contexts that are copies in a scratch document (so its node iterators are never the page's),
 * never `unmark()` (our restore instead), and marks a page's own mark.js cannot take away.
 */
import Mark from 'mark.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMarksEngine } from '../../src/content/engines/marks-engine';
import type { HighlightEngine } from '../../src/content/engines/types';
import { scanInto, textNodeSnapshot } from './highlight-helpers';

const calls = vi.hoisted(() => ({ methods: [] as string[], contexts: [] as unknown[], options: [] as Record<string, unknown>[] }));

// Records how the engine calls mark.js, and lets the real mark.js do the work.
vi.mock('mark.js', async (importOriginal) => {
  const Actual = ((await importOriginal()) as { default: typeof Mark }).default;
  function Recording(this: unknown, ctx: unknown) {
    const real = new Actual(ctx as HTMLElement) as unknown as Record<string, (...args: unknown[]) => unknown>;
    const out: Record<string, unknown> = {};
    for (const name of ['mark', 'markRegExp', 'markRanges', 'unmark']) {
      out[name] = (...args: unknown[]) => {
        calls.methods.push(name);
        calls.contexts.push(ctx);
        calls.options.push((args[name === 'unmark' ? 0 : 1] ?? {}) as Record<string, unknown>);
        return real[name]!(...args);
      };
    }
    return out;
  }
  return { default: Recording };
});

const marks = () => [...document.querySelectorAll('dossier-mark')];

describe('marks engine with mark.js', () => {
  let engine: HighlightEngine;
  beforeEach(() => {
    calls.methods.length = 0;
    calls.contexts.length = 0;
    calls.options.length = 0;
    document.body.innerHTML = '<p>Zelensky said <b>Putin</b> wants Donbas.</p><p>The Kremlin, Crimea and Putin.</p>';
    engine = createMarksEngine(document);
  });
  afterEach(() => engine.destroy());

  it('wraps the matcher ranges with markRanges, in <dossier-mark>, on contexts outside the page', () => {
    scanInto(engine);
    expect(marks().map((m) => m.textContent)).toEqual(['Zelensky', 'Putin', 'Donbas', 'Kremlin', 'Crimea', 'Putin']);
    expect(calls.methods.length).toBeGreaterThan(0);
    expect(new Set(calls.methods)).toEqual(new Set(['markRanges']));
    for (const ctx of calls.contexts) {
      const node = ctx as Node;
      // A detached element of another document: the iterator mark.js makes over it is not the page's.
      expect(node.ownerDocument).not.toBe(document);
      expect(node.isConnected).toBe(false);
    }
    for (const opts of calls.options) {
      expect(opts.element).toBe('dossier-mark');
      expect(opts.acrossElements).toBeUndefined();
    }
  });

  it('wraps many nodes per call right: mentions at the start and the end of nodes, side by side, across links', () => {
    const lines = [
      'Putin',
      'Crimea and Donbas',
      'Talks with Putin',
      'Zelensky Putin Kremlin',
      '<a href="#">Putin</a>, <b>Zelensky</b> and the <i>Kremlin</i>',
      'Nothing here',
      'Crimea, Crimea',
    ];
    document.body.innerHTML = Array.from({ length: 30 }, (_, i) => `<p>${lines[i % lines.length]}</p>`).join('');
    const texts = [...document.querySelectorAll('p')].map((p) => p.textContent);
    const found = scanInto(engine);
    expect(calls.methods.length).toBeLessThan(found); // several nodes per mark.js call
    expect(marks().length).toBe(found);
    expect([...document.querySelectorAll('p')].map((p) => p.textContent)).toEqual(texts);
    const nameOf: Record<string, string> = { 'vladimir-putin': 'Putin', 'volodymyr-zelensky': 'Zelensky', kremlin: 'Kremlin', crimea: 'Crimea', donbas: 'Donbas' };
    for (const m of marks()) expect(m.textContent).toBe(nameOf[m.getAttribute('data-dossier-id')!]);
    expect(document.querySelector('dossier-mark dossier-mark')).toBeNull();
  });

  it('leaves no data-markjs attribute: a page running mark.js unmark() itself cannot take our marks or normalize our splits', () => {
    scanInto(engine);
    expect(document.querySelectorAll('[data-markjs]').length).toBe(0);
    const before = document.body.innerHTML;
    new Mark(document.body).unmark();
    expect(document.body.innerHTML).toBe(before);
    expect(marks().every((m) => m.hasAttribute('data-dossier-id') && m.hasAttribute('data-dossier-category'))).toBe(true);
  });

  it('restores with its own exact restore, never mark.js unmark() or normalize()', () => {
    const html = document.body.innerHTML;
    const snapshot = textNodeSnapshot();
    const normalize = vi.spyOn(Node.prototype, 'normalize');
    scanInto(engine);
    engine.clear();
    expect(calls.methods).not.toContain('unmark');
    expect(normalize).not.toHaveBeenCalled();
    normalize.mockRestore();
    expect(document.body.innerHTML).toBe(html);
    expect(textNodeSnapshot().map((t) => t.node)).toEqual(snapshot.map((t) => t.node));
  });

  it('a framework holding its text node: a rewrite while marked shows the new text once; after restore its writes still show', () => {
    const p = document.querySelector('p')!;
    const owned = p.firstChild as Text; // "Zelensky said " — what a framework keeps a reference to
    scanInto(engine);
    // The framework rewrites its node in place; the controller's watcher then releases it.
    owned.data = 'Lavrov said ';
    engine.release(owned);
    expect(p.textContent).toBe('Lavrov said Putin wants Donbas.');
    expect(p.firstChild).toBe(owned);
    scanInto(engine);
    engine.clear();
    // Restored: the framework's node is the one on the page, so its next write is what the reader sees.
    owned.data = 'Zelensky said again ';
    expect(p.textContent).toBe('Zelensky said again Putin wants Donbas.');
  });
});
