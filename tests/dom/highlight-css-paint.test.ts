/**
 * The css engine's two-step paint after a full scan (jsdom has no CSS Highlight API nor layout: a
 * Map-backed registry, a Set-backed Highlight and one 20 px line per paragraph stand in for them).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCssEngine } from '../../src/content/engines/css-engine';
import { scanInto } from './highlight-helpers';

const LINE = 20;
const PARAGRAPHS = 3000;

type Registry = Map<string, Set<AbstractRange>>;

describe('css engine: highlights near the viewport first, the rest when idle', () => {
  let registry: Registry;
  const saved: Record<string, unknown> = {};

  beforeEach(() => {
    registry = new Map();
    const w = window as unknown as Record<string, unknown>;
    for (const key of ['CSS', 'Highlight']) saved[key] = w[key];
    w.CSS = { highlights: registry };
    w.Highlight = class extends Set<AbstractRange> {
      priority = 0;
    };
    // Paragraph i sits on line i: top = i * LINE - the scroll position.
    (Range.prototype as unknown as { getBoundingClientRect(): DOMRect }).getBoundingClientRect = function (this: Range) {
      const p = (this.startContainer as Node).parentElement!.closest('p')!;
      const top = Number(p.dataset.line) * LINE - window.scrollY;
      return { top, bottom: top + LINE, left: 0, right: 100, width: 100, height: LINE, x: 0, y: top } as DOMRect;
    };
    document.body.innerHTML = Array.from({ length: PARAGRAPHS }, (_, i) => `<p data-line="${i}">Talks with Putin in Kyiv</p>`).join('');
  });

  afterEach(() => {
    const w = window as unknown as Record<string, unknown>;
    for (const key of ['CSS', 'Highlight']) w[key] = saved[key];
    delete (Range.prototype as unknown as { getBoundingClientRect?: unknown }).getBoundingClientRect;
    document.body.innerHTML = '';
  });

  it('paints the viewport (± 1000 px) at once and every mention shortly after', async () => {
    const engine = createCssEngine(document);
    engine.deferPaint!(true);
    expect(scanInto(engine)).toBe(PARAGRAPHS);
    expect(registry.get('dossier-people')).toBeUndefined(); // nothing painted while the scan runs
    engine.deferPaint!(false);
    const first = registry.get('dossier-people')!.size;
    // jsdom's window is 768 px tall: the lines that start from 0 to 768 + 1000 px.
    expect(first).toBe(Math.floor((window.innerHeight + 1000) / LINE) + 1);
    expect(first).toBeLessThan(PARAGRAPHS / 10);
    await new Promise((ok) => setTimeout(ok, 100));
    expect(registry.get('dossier-people')!.size).toBe(PARAGRAPHS);
    engine.destroy();
    expect(registry.size).toBe(0);
  });

  it('a change in between (hiding a category, removing the highlights) does not leave the partial set registered', () => {
    const engine = createCssEngine(document);
    engine.deferPaint!(true);
    scanInto(engine);
    engine.deferPaint!(false);
    expect(registry.get('dossier-people')!.size).toBeLessThan(PARAGRAPHS);
    engine.setVisibleCategories(new Set(['people', 'organisations', 'regions', 'quotes']));
    expect(registry.get('dossier-people')!.size).toBe(PARAGRAPHS);
    engine.deferPaint!(true);
    engine.deferPaint!(false);
    expect(registry.get('dossier-people')!.size).toBeLessThan(PARAGRAPHS);
    engine.clear();
    expect(registry.get('dossier-people')!.size).toBe(0);
    scanInto(engine);
    expect(registry.get('dossier-people')!.size).toBe(PARAGRAPHS);
    engine.destroy();
    expect(registry.size).toBe(0);
  });

  it('a small rescan after the paint settled keeps every highlight painted (no second two-step paint)', async () => {
    const engine = createCssEngine(document);
    engine.deferPaint!(true);
    scanInto(engine);
    engine.deferPaint!(false);
    await new Promise((ok) => setTimeout(ok, 100));
    expect(registry.get('dossier-people')!.size).toBe(PARAGRAPHS);
    // The page edits one paragraph far below the viewport; the controller rescans it and ends no deferral it did not begin.
    const far = document.querySelector('p[data-line="2500"]')!;
    (far.firstChild as Text).data = 'Putin met Zelensky';
    scanInto(engine, far);
    engine.deferPaint!(false);
    expect(registry.get('dossier-people')!.size).toBe(PARAGRAPHS + 1);
    engine.destroy();
  });
});
