/**
 * The marks engine on a long page: after a full scan it wraps what is on screen at once and the rest in
 * paced chunks (jsdom has no layout: one 20 px line per paragraph stands in for it). The chunks run outside
 * the controller's own-write guard, so their mutation records must read as ours (`textOf` null), or the
 * controller would take them for page edits and drop the highlights it just painted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMarksEngine } from '../../src/content/engines/marks-engine';
import type { HighlightEngine } from '../../src/content/engines/types';
import { scanInto, textNodeSnapshot } from './highlight-helpers';

const LINE = 20;
const PARAGRAPHS = 3500;

const markCount = () => document.getElementsByTagName('dossier-mark').length;
const lineOf = (el: Element) => Number(el.closest('p')!.getAttribute('data-line'));

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((ok) => setTimeout(ok, 10));
  }
}

// jsdom is slow with 3500 paragraphs on a shared machine: generous time limits (the assertions are about order and completeness).
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
    engine = createMarksEngine(document);
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
    // The first chunk continues below the screen (the band the reader scrolls into), not at the page's end.
    await until(() => markCount() > onScreen);
    const lines = new Set([...document.getElementsByTagName('dossier-mark')].map(lineOf));
    for (let i = onScreen; i < onScreen + 1000 / LINE; i++) expect(lines.has(i)).toBe(true);
    expect(lines.has(PARAGRAPHS - 1)).toBe(false);
    await until(() => markCount() === PARAGRAPHS);
    expect(engine.entries().map((e) => e.range().toString())).toEqual(Array(PARAGRAPHS).fill('Putin'));
    engine.clear();
    expect(document.body.innerHTML).toBe(html);
    const after = textNodeSnapshot();
    expect(after.length).toBe(snapshot.length);
    after.forEach((t, i) => expect(t.node).toBe(snapshot[i]!.node));
  });

  it("a chunk's mutation records read as the engine's own, as the controller's observer classifies them", async () => {
    const seen = { ownText: 0, pageText: 0, added: 0 };
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') {
          if (engine.textOf(r.target as Text) === null) seen.ownText++;
          else seen.pageText++;
        }
        for (const n of r.addedNodes) {
          const own = n.nodeType === 1 ? (n as Element).localName === 'dossier-mark' : engine.textOf(n as Text) === null;
          if (!own) seen.added++;
        }
      }
    });
    engine.deferPaint!(true);
    scanInto(engine);
    engine.deferPaint!(false);
    observer.observe(document.body, { childList: true, characterData: true, subtree: true });
    await until(() => markCount() === PARAGRAPHS);
    await new Promise((ok) => setTimeout(ok, 0));
    observer.disconnect();
    expect(seen.ownText).toBeGreaterThan(PARAGRAPHS / 2);
    expect(seen.pageText).toBe(0);
    expect(seen.added).toBe(0);
    // Afterwards the page's nodes are the page's again: a later rescan matches their whole original text.
    const p = document.querySelector('p[data-line="3000"]')!;
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
