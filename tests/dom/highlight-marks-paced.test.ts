/**
 * The marks engine on a long page: after a full scan it wraps what is on screen at once and the rest in
 * paced chunks (jsdom has no layout: one 20 px line per paragraph stands in for it). The chunks run later, on
 * the engine's own schedule, inside the controller's own-write guard (passed in as `write`): their mutation
 * records must never reach the controller's observer as page edits, or it would drop the highlights it just painted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMarksEngine } from '../../src/content/engines/marks-engine';
import type { HighlightEngine } from '../../src/content/engines/types';
import { isOwnElement } from '../../src/content/excluded';
import { MutationWatcher } from '../../src/content/mutation-watcher';
import { scanInto, textNodeSnapshot } from './highlight-helpers';

const LINE = 20;
const PARAGRAPHS = 600;
/**
 * The engine's threshold for pacing, lowered from its default so the page stays small: jsdom registers every
 * node iterator mark.js creates with the test's document (browsers register it with its root's, the engine's
 * scratch document) and visits them all on each removal, so a jsdom page of thousands of marks takes minutes.
 */
const SYNC_MARKS = 300;

const markCount = () => document.getElementsByTagName('dossier-mark').length;
const lineOf = (el: Element) => Number(el.closest('p')!.getAttribute('data-line'));

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out at ${markCount()} marks`);
    await new Promise((ok) => setTimeout(ok, 10));
  }
}

// jsdom is slow on a shared machine: generous time limits (the assertions are about order and completeness).
describe('marks engine on a long page: the screen at once, the rest in paced chunks', { timeout: 30_000 }, () => {
  let engine: HighlightEngine;

  beforeEach(() => {
    // Paragraph i sits on line i: top = i * LINE.
    (Range.prototype as unknown as { getBoundingClientRect(): DOMRect }).getBoundingClientRect = function (this: Range) {
      const p = (this.startContainer as Node).parentElement!.closest('p')!;
      const top = Number(p.dataset.line) * LINE;
      return { top, bottom: top + LINE, left: 0, right: 100, width: 100, height: LINE, x: 0, y: top } as DOMRect;
    };
    document.body.innerHTML = Array.from({ length: PARAGRAPHS }, (_, i) => `<p data-line="${i}">Talks with Putin in Kyiv</p>`).join('');
    engine = createMarksEngine(document, { syncMarks: SYNC_MARKS });
  });

  afterEach(() => {
    engine.destroy();
    delete (Range.prototype as unknown as { getBoundingClientRect?: unknown }).getBoundingClientRect;
    document.body.innerHTML = '';
  });

  it('wraps the lines on screen at once, every mention shortly after, and restores the page exactly', async () => {
    const html = document.body.innerHTML;
    const snapshot = textNodeSnapshot();
    engine.deferPaint!(true);
    expect(scanInto(engine)).toBe(PARAGRAPHS);
    expect(markCount()).toBe(0); // nothing written while the scan runs
    engine.deferPaint!(false);
    // jsdom's window is 768 px tall: lines 0..38 are on screen.
    const onScreen = Math.floor(window.innerHeight / LINE) + 1;
    expect(markCount()).toBe(onScreen);
    expect([...document.getElementsByTagName('dossier-mark')].every((m) => lineOf(m) < onScreen)).toBe(true);
    // The jump command and hover see every mention already, over the text not yet split.
    const entries = engine.entries();
    expect(entries.length).toBe(PARAGRAPHS);
    expect(entries.every((e) => e.range().toString() === 'Putin')).toBe(true);
    // The chunks continue below the screen (the band the reader scrolls into), not at the page's end.
    const marked = () => new Set([...document.getElementsByTagName('dossier-mark')].map(lineOf));
    const band = Array.from({ length: 1000 / LINE }, (_, i) => onScreen + i);
    await until(() => {
      const lines = marked();
      return band.every((i) => lines.has(i));
    });
    expect(marked().has(PARAGRAPHS - 1)).toBe(false);
    await until(() => markCount() === PARAGRAPHS);
    expect(engine.entries().map((e) => e.range().toString())).toEqual(Array(PARAGRAPHS).fill('Putin'));
    engine.clear();
    expect(document.body.innerHTML).toBe(html);
    const after = textNodeSnapshot();
    expect(after.length).toBe(snapshot.length);
    after.forEach((t, i) => expect(t.node).toBe(snapshot[i]!.node));
  });

  it("a chunk's mutation records never reach the controller's observer as page edits; the page's own edits still do", async () => {
    engine.destroy();
    const seen = { stale: 0, dirty: 0, removed: 0, guarded: 0 };
    // The controller's wiring: its watcher, its isOwn, its guard passed to the engine.
    const watcher = new MutationWatcher({
      isOwn(node) {
        if (node.nodeType === 1) return isOwnElement(node as Element);
        if (node.nodeType !== 3) return false;
        const parent = node.parentElement;
        return (parent !== null && isOwnElement(parent)) || engine.textOf(node as Text) === null;
      },
      onStale(node) {
        seen.stale++;
        engine.release(node);
      },
      onRemoved: () => seen.removed++,
      onDirty: () => seen.dirty++,
    });
    engine = createMarksEngine(document, {
      write: (fn) => {
        seen.guarded++;
        return watcher.ownWrite(fn);
      },
      syncMarks: SYNC_MARKS,
    });
    engine.deferPaint!(true);
    scanInto(engine);
    watcher.observe(document);
    // The controller ends a scan's deferral inside its guard too (the screen is wrapped then).
    watcher.ownWrite(() => engine.deferPaint!(false));
    // The page edits a paragraph far below while the chunks run: the guard handles it first, as the page's.
    const edited = document.querySelector(`p[data-line="${PARAGRAPHS - 1}"]`)!.firstChild as Text;
    edited.data = 'Talks with Putin in Odesa';
    try {
      await until(() => markCount() === PARAGRAPHS - 1);
      await new Promise((ok) => setTimeout(ok, 50));
    } finally {
      watcher.disconnect();
    }
    expect(seen.guarded).toBeGreaterThan(1); // the chunks ran through the guard
    expect(seen.stale).toBe(1); // only the page's edit, none of the hundreds of nodes the chunks split
    expect(seen.removed).toBe(0);
    expect(seen.dirty).toBe(1); // the edited node, to be scanned again
    expect(edited.parentElement!.innerHTML).toBe('Talks with Putin in Odesa'); // released, not wrapped by a later chunk
    // The page's nodes are the page's: a later rescan matches their whole original text.
    const p = document.querySelector('p[data-line="500"]')!;
    expect(engine.textOf(p.firstChild as Text)).toBe('Talks with Putin in Kyiv');
  });

  it('a node the page rewrites before its chunk is not wrapped later, and clear() stops the chunks', async () => {
    engine.deferPaint!(true);
    scanInto(engine);
    engine.deferPaint!(false);
    const last = document.querySelector(`p[data-line="${PARAGRAPHS - 1}"]`)!.firstChild as Text;
    last.data = 'Talks in Kyiv';
    expect(engine.release(last)).toBe(true);
    await until(() => markCount() === PARAGRAPHS - 1);
    await new Promise((ok) => setTimeout(ok, 100));
    expect(last.parentElement!.innerHTML).toBe('Talks in Kyiv');

    engine.clear();
    document.body.innerHTML = Array.from({ length: PARAGRAPHS }, (_, i) => `<p data-line="${i}">Talks with Putin in Kyiv</p>`).join('');
    const html = document.body.innerHTML;
    engine.deferPaint!(true);
    scanInto(engine);
    engine.deferPaint!(false);
    engine.clear();
    await new Promise((ok) => setTimeout(ok, 150));
    expect(markCount()).toBe(0);
    expect(document.body.innerHTML).toBe(html);
  });
});
