/**
 * The scan scheduler on its own: nested changed roots collapse into one walk, excluded roots are skipped, a huge
 * text node is matched in windows (mentions at window edges included) and registered in chunks over several
 * slices, and whole-page scans the page keeps forcing are coalesced and spaced out.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Disposer } from '../../src/content/lifetime';
import { ScanScheduler, TEXT_WINDOW } from '../../src/content/scan-scheduler';
import { matcher } from './highlight-helpers';
import { recordingEngine, testBench, type RecordingEngine } from './controller-fakes';

let life: Disposer;
let engine: RecordingEngine;
let bench: ReturnType<typeof testBench>;
let settled: number;
let clock: number;

function scheduler(opts: { now?: () => number } = {}) {
  return new ScanScheduler({
    life,
    doc: document,
    engine: () => engine,
    matcher: () => matcher,
    quoteBlocks: () => null,
    ignored: () => new Set(),
    write: (fn) => fn(),
    onShadowRoot: () => {},
    bench,
    onSettled: () => settled++,
    now: opts.now,
  });
}

const idle = async () => {
  for (let i = 0; i < 50; i++) await vi.advanceTimersByTimeAsync(20);
};

beforeEach(() => {
  vi.useFakeTimers();
  life = new Disposer();
  engine = recordingEngine();
  bench = testBench();
  settled = 0;
  clock = 0;
});
afterEach(() => {
  life.dispose();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('scan scheduler', () => {
  it('collapses nested roots: a root inside another queued root is not walked again', async () => {
    document.body.innerHTML = '<div id="a"><p id="b">Putin <b id="c">and Zelensky</b></p></div><p id="d">Donbas</p>';
    const s = scheduler();
    const q = (id: string) => document.getElementById(id)!;
    s.enqueue([q('c'), q('b'), q('a'), q('c').firstChild!, q('d')]);
    await idle();
    expect(bench.counters.rootScans).toBe(2); // #a (with #b, #c and its text inside) and #d
    expect([...engine.nodes.values()].flat().map((m) => m.id).sort()).toEqual(['donbas', 'vladimir-putin', 'volodymyr-zelensky']);
    expect(settled).toBe(1);
  });

  it('skips roots in an excluded context, asking each ancestor once per pass', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p id="x">Putin</p><p id="y">Crimea</p></div><p id="z">Donbas</p>';
    const s = scheduler();
    s.enqueue(['x', 'y', 'z'].map((id) => document.getElementById(id)!.firstChild!));
    await idle();
    expect([...engine.nodes.values()].flat().map((m) => m.id)).toEqual(['donbas']);
  });

  it('matches a text node longer than a window in windows, mentions across window edges included, over several slices', async () => {
    // A mention straddling each window edge, and one right after it.
    const filler = 'x '.repeat(TEXT_WINDOW / 2 - 3);
    const text = Array.from({ length: 4 }, () => `${filler}Putin Crimea `).join('');
    document.body.innerHTML = '<p id="huge"></p>';
    document.getElementById('huge')!.append(document.createTextNode(text));
    // Each clock read advances 5 ms: a window's match spends a slice.
    const s = scheduler({ now: () => (clock += 5) });
    s.requestFull('settings');
    await idle();
    const found = [...engine.nodes.values()].flat();
    expect(found.map((m) => m.text)).toEqual(Array.from({ length: 4 }, () => ['Putin', 'Crimea']).flat());
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(bench.counters.slices).toBeGreaterThan(2);
  });

  it('registers a long node with many mentions in one engine call, once all its windows are matched', async () => {
    document.body.innerHTML = '<p id="huge"></p>';
    const huge = document.createTextNode('Putin said so. '.repeat(TEXT_WINDOW / 15 + 10_000));
    document.getElementById('huge')!.append(huge);
    const highlight = vi.spyOn(engine, 'highlight');
    scheduler().requestFull('settings');
    await idle();
    const count = Math.floor(TEXT_WINDOW / 15 + 10_000);
    expect([...engine.nodes.values()][0]!.length).toBe(count);
    const calls = highlight.mock.calls.filter(([batch]) => batch.some((b) => b.node === huge));
    expect(calls.map(([batch]) => batch.find((b) => b.node === huge)!.mentions.length)).toEqual([count]);
  });

  it('coalesces whole-page scans the page keeps forcing, and spaces them out', async () => {
    document.body.innerHTML = '<p>Putin</p>';
    const s = scheduler({ now: () => Date.now() });
    // A URL change every frame for 3 s.
    for (let t = 0; t < 3000; t += 16) {
      s.requestFull('page');
      await vi.advanceTimersByTimeAsync(16);
    }
    await idle();
    // 0, 250, 500, 1000 and 2000 ms apart: five at most, where every frame would have been 188.
    expect(bench.counters.fullScans).toBeGreaterThan(1);
    expect(bench.counters.fullScans).toBeLessThanOrEqual(5);
    // The reader's own change is never delayed.
    const before = bench.counters.fullScans;
    s.requestFull('settings');
    await vi.advanceTimersByTimeAsync(20);
    expect(bench.counters.fullScans).toBe(before + 1);
  });

  it('cancel() ends a running pass; nothing is highlighted after it', async () => {
    document.body.innerHTML = Array.from({ length: 400 }, () => '<p>Putin</p>').join('');
    const s = scheduler({ now: () => (clock += 1) });
    s.requestFull('settings');
    await vi.advanceTimersByTimeAsync(0);
    s.cancel();
    engine.clear();
    await idle();
    expect(engine.nodes.size).toBe(0);
    expect(settled).toBe(0);
  });
});
