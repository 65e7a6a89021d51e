/**
 * The css engine's `forEachMention` (what the popup's counts and the badge are made from): the same mentions
 * as `entries()`, in the same order, hidden categories left out (jsdom has no CSS Highlight API: a
 * Map-backed registry and a Set-backed Highlight stand in for it).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mention } from '../../src/core/matcher';
import { createCssEngine } from '../../src/content/engines/css-engine';
import { scanInto } from './highlight-helpers';

describe('css engine: visiting the mentions without making hits', () => {
  const saved: Record<string, unknown> = {};

  beforeEach(() => {
    const w = window as unknown as Record<string, unknown>;
    for (const key of ['CSS', 'Highlight']) saved[key] = w[key];
    w.CSS = { highlights: new Map() };
    w.Highlight = class extends Set<AbstractRange> {
      priority = 0;
    };
    document.body.innerHTML =
      '<p>Putin spoke to the Kremlin about Donbas.</p><p>Zelensky answered Putin.</p><p>Crimea, then Donbas again.</p>';
  });

  afterEach(() => {
    const w = window as unknown as Record<string, unknown>;
    for (const key of ['CSS', 'Highlight']) w[key] = saved[key];
    document.body.innerHTML = '';
  });

  it('lists what entries() lists, in document order, and skips hidden categories', () => {
    const engine = createCssEngine(document);
    expect(scanInto(engine)).toBe(7);
    const visited = () => {
      const out: Mention[] = [];
      engine.forEachMention!((m) => out.push(m));
      return out;
    };
    expect(visited().map((m) => m.text)).toEqual(['Putin', 'Kremlin', 'Donbas', 'Zelensky', 'Putin', 'Crimea', 'Donbas']);
    expect(visited()).toEqual(engine.entries().map((h) => h.mention));
    engine.setVisibleCategories(new Set(['people']));
    expect(visited().map((m) => m.text)).toEqual(['Putin', 'Zelensky', 'Putin']);
    expect(visited()).toEqual(engine.entries().map((h) => h.mention));
    engine.destroy();
  });

  it('prune() drops exactly the mentions whose text left the page, removed in one batch', () => {
    document.body.innerHTML = Array.from({ length: 50 }, (_, i) => `<p id="p${i}">Putin in Crimea</p>`).join('');
    const engine = createCssEngine(document);
    scanInto(engine);
    const registry = (window as unknown as { CSS: { highlights: Map<string, Set<AbstractRange>> } }).CSS.highlights;
    for (let i = 0; i < 50; i += 2) document.getElementById(`p${i}`)!.remove();
    engine.prune();
    expect(registry.get('dossier-people')!.size).toBe(25);
    expect(registry.get('dossier-regions')!.size).toBe(25);
    expect(engine.entries()).toHaveLength(50);
    expect(engine.entries().every((h) => h.range().startContainer.isConnected)).toBe(true);
    engine.destroy();
  });
});
