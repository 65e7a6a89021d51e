/**
 * The controller with the css engine on a long page (3 000 highlighted paragraphs, past the two-step paint's
 * threshold): a small rescan after the page changed one paragraph keeps every highlight painted; only a full
 * scan paints near the viewport first. jsdom has no CSS Highlight API nor layout: a Map-backed registry, a
 * Set-backed Highlight and one 20 px line per paragraph stand in for them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MARKER_ATTRIBUTE, startController } from '../../src/content/controller';
import { useControllerPage } from './controller-page';

const LINE = 20;
const PARAGRAPHS = 3000;
let registry: Map<string, Set<AbstractRange>>;
const saved: Record<string, unknown> = {};
const painted = () => registry.get('dossier-people')?.size ?? 0;

beforeEach(() => {
  registry = new Map();
  const w = window as unknown as Record<string, unknown>;
  for (const key of ['CSS', 'Highlight']) saved[key] = w[key];
  w.CSS = { highlights: registry };
  w.Highlight = class extends Set<AbstractRange> {
    priority = 0;
  };
  (document as unknown as { caretPositionFromPoint: () => null }).caretPositionFromPoint = () => null;
  (Range.prototype as unknown as { getBoundingClientRect(): DOMRect }).getBoundingClientRect = function (this: Range) {
    const p = (this.startContainer as Node).parentElement!.closest('p')!;
    const top = Number(p.dataset.line) * LINE - window.scrollY;
    return { top, bottom: top + LINE, left: 0, right: 100, width: 100, height: LINE, x: 0, y: top } as DOMRect;
  };
});

afterEach(() => {
  const w = window as unknown as Record<string, unknown>;
  for (const key of ['CSS', 'Highlight']) w[key] = saved[key];
  delete (Range.prototype as unknown as { getBoundingClientRect?: unknown }).getBoundingClientRect;
  delete (document as unknown as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
});

// Registered after the stubs' hooks, so the controller is destroyed before the stubs are taken away.
const page = useControllerPage(() =>
  Array.from({ length: PARAGRAPHS }, (_, i) => `<p data-line="${i}">Peskov said so.</p>`).join(''),
);

describe('controller + css engine: paint deferral', () => {
  it('a small rescan does not repeat the viewport-first paint (far highlights stay painted)', async () => {
    page.controller = await startController({ ctx: page.ctx, data: page.data, loadMarks: page.loadMarks, topFrame: false });
    await vi.waitFor(async () => {
      await vi.advanceTimersByTimeAsync(100);
      expect(document.documentElement.getAttribute(MARKER_ATTRIBUTE)).toBe('ready');
    });
    await vi.advanceTimersByTimeAsync(1500);
    expect(painted()).toBe(PARAGRAPHS);
    // The page rewrites one paragraph far below the viewport.
    (document.querySelector('p[data-line="2500"]')!.firstChild as Text).data = 'Peskov and Peskov.';
    let least = Infinity;
    for (let i = 0; i < 60; i++) {
      await vi.advanceTimersByTimeAsync(10);
      least = Math.min(least, painted());
    }
    expect(painted()).toBe(PARAGRAPHS + 1);
    expect(least).toBeGreaterThanOrEqual(PARAGRAPHS);
  });
});
