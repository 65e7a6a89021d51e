/**
 * The page state: one count per quotation (onePerQuotation, shared with jumping), a tally cached until the
 * highlights change, and css-engine records that stay in document order when nodes are highlighted again.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Mention } from '../../src/core/matcher';
import type { QuoteMention } from '../../src/content/block-quotes';
import { NodeRecords } from '../../src/content/engines/types';
import { onePerQuotation, PageStateCache, tally } from '../../src/content/page-state';
import { recordingEngine, testBench } from './controller-fakes';

const name = (id: string, start: number): Mention => ({ id, name: id, category: 'people', alias: id, text: id, start, end: start + 3 });
const piece = (match: object, start: number): QuoteMention =>
  ({ id: 'q1', name: 'Quote', category: 'quotes', alias: 'we will', text: 'we', start, end: start + 2, match }) as unknown as QuoteMention;

describe('page state', () => {
  it('counts a quotation split by a link once, and every name', () => {
    document.body.innerHTML = '<p>aaa <a>bbb</a> ccc</p>';
    const [t1, , t3] = [...document.querySelectorAll('p, a')].flatMap((e) => [...e.childNodes]) as Text[];
    const engine = recordingEngine();
    const match = {};
    engine.highlight([
      { node: t1!, mentions: [name('putin', 0), piece(match, 0)] },
      { node: t3!, mentions: [piece(match, 0), name('putin', 1)] },
    ]);
    expect(tally(engine)).toEqual({
      total: 3,
      mentions: [
        { id: 'putin', category: 'people', count: 2, firstText: 'putin' },
        { id: 'q1', category: 'quotes', count: 1, firstText: 'we' },
      ],
    });
    const first = onePerQuotation();
    expect([piece(match, 0), piece(match, 5), piece({}, 9), name('x', 0)].map(first)).toEqual([true, false, true, true]);
  });

  it('answers state requests from the cache until the highlights change', () => {
    document.body.innerHTML = '<p>Putin</p>';
    const engine = recordingEngine();
    const bench = testBench();
    const cache = new PageStateCache(() => engine, bench);
    engine.highlight([{ node: document.querySelector('p')!.firstChild as Text, mentions: [name('putin', 0)] }]);
    for (let i = 0; i < 10; i++) expect(cache.read('ready', 1, 'https://x.test/', 'x.test').total).toBe(1);
    expect(bench.counters).toMatchObject({ stateReads: 10, stateTallies: 1 });
    engine.clear();
    cache.changed();
    expect(cache.read('ready', 1, 'https://x.test/', 'x.test').total).toBe(0);
    expect(bench.counters.stateTallies).toBe(2);
    // Paused or off: no entities, whatever the engine still holds.
    expect(cache.read('paused', 0, 'https://x.test/', 'x.test').mentions).toEqual([]);
  });

  it('records stay in document order when a node is highlighted again, and when the last one is released', () => {
    document.body.innerHTML = '<p>a</p><p>b</p><p>c</p>';
    const [a, b, c] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    const records = new NodeRecords<string>();
    records.set(a!, 'a');
    records.set(b!, 'b');
    records.set(c!, 'c');
    records.set(b!, 'b again'); // replaced in place
    expect(records.inOrder).toBe(true);
    records.delete(c!);
    records.set(c!, 'c again'); // after the deleted last one: still in order
    expect(records.inOrder).toBe(true);
    records.delete(a!);
    records.set(a!, 'a again'); // before the last one: the order is repaired when needed
    expect(records.inOrder).toBe(false);
    expect(records.ordered().map(([, r]) => r)).toEqual(['a again', 'b again', 'c again']);
  });

  it('keeps lines appended to a long container in order without comparing document positions', () => {
    document.body.innerHTML = `<div id="feed">${'<span>Putin spoke.</span>'.repeat(3000)}</div>`;
    const compare = vi.spyOn(Node.prototype, 'compareDocumentPosition');
    const records = new NodeRecords<number>();
    [...document.querySelectorAll('#feed span')].forEach((span, i) => records.set(span.firstChild as Text, i));
    expect(records.inOrder).toBe(true);
    expect(compare).not.toHaveBeenCalled();
    compare.mockRestore();
  });
});
