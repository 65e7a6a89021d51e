import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildMatchEntries } from '../../src/core/entity-index';
import { compileMatcher, type Mention } from '../../src/core/matcher';
import { compileQuoteMatcher, type QuoteMatcher } from '../../src/core/quote-matcher';
import { dataset } from '../../src/data/dataset';
import { blockOf, mergeQuoteMentions, QuoteBlocks, quoteRescanRoot, type QuoteMention } from '../../src/content/block-quotes';
import type { NodeMentions } from '../../src/content/engines/types';
import { walkTextNodes } from '../../src/content/text-walker';

// The quotes fixture page, fed through the walker and QuoteBlocks the way the controller's scan does.
const html = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pages', 'quotes.html'), 'utf8');
const names = compileMatcher(buildMatchEntries(dataset));
/** A matcher in this frame standing in for the background's answers: every block is answered before it is matched. */
function answered(matcher: Pick<QuoteMatcher, 'cached' | 'findInBlock' | 'speakersOf'>) {
  return { cached: matcher.cached, findInBlock: matcher.findInBlock, speakersOf: matcher.speakersOf, load: () => Promise.resolve(true), pageMs: 0, backgroundMs: 0 };
}
const quotes = answered(compileQuoteMatcher(dataset.quotes));

/** Names as the walk finds them, then each waiting block's quotations replacing its nodes' mentions (as an engine does). */
function scan(layered: boolean, ignore: (m: Mention) => boolean = () => false): NodeMentions[] {
  const blocks = new QuoteBlocks({ matcher: quotes, nameOf: (id) => `speaker of ${id}`, layered, ignore });
  const out = new Map<Text, NodeMentions>();
  const put = (items: readonly NodeMentions[]) => {
    for (const item of items) out.set(item.node, item);
  };
  for (const node of walkTextNodes(document.body)) {
    const done = blocks.add(node, node.data, names.scan(node.data));
    if (done) put(done);
  }
  put(blocks.end());
  for (let items = blocks.matchQueued((n) => n.data); items; items = blocks.matchQueued((n) => n.data)) put(items);
  expect(blocks.pending).toBe(false);
  return [...out.values()];
}

function quotesIn(items: NodeMentions[], blockId: string): QuoteMention[] {
  const block = document.getElementById(blockId)!;
  return items.filter((i) => block.contains(i.node)).flatMap((i) => i.mentions.filter((m): m is QuoteMention => m.category === 'quotes'));
}

describe('known quotations matched per block', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
  });

  it('finds the altered quotation with the words the page changed, for the card', () => {
    const [q, ...rest] = quotesIn(scan(true), 'altered');
    expect(rest).toEqual([]);
    expect(q).toMatchObject({ id: 'q-putin-liberate-by-force', category: 'quotes', name: 'speaker of q-putin-liberate-by-force' });
    expect(q!.text).toBe('Either we liberate those territories by force - or Ukrainian troops will leave these territories');
    expect(q!.match.exact).toBe(false);
    expect(q!.match.diff.filter((op) => op.op !== 'same')).toEqual([
      { op: 'removed', text: 'these' },
      { op: 'added', text: 'those' },
    ]);
  });

  it('splits a quotation across a link into one piece per text node; the name inside stays (layered)', () => {
    const items = scan(true);
    const pieces = quotesIn(items, 'linked');
    expect(pieces.map((p) => p.text)).toEqual([
      'We remain open to negotiations. But the ball is not in our court. So far, ',
      'Kiev',
      ' has not demonstrated its ability to negotiate',
    ]);
    expect(new Set(pieces.map((p) => p.match)).size).toBe(1);
    const link = items.find((i) => i.node.parentElement?.localName === 'a' && i.node.data === 'Kiev')!;
    expect(link.mentions.map((m) => m.category)).toEqual([expect.not.stringMatching('quotes'), 'quotes']);
  });

  it('cuts the quotation around names for an engine that cannot overlap (marks)', () => {
    const items = scan(false);
    const link = items.find((i) => i.node.data === 'Kiev')!;
    expect(link.mentions.map((m) => m.category)).not.toContain('quotes');
    for (const { mentions } of items) {
      for (let i = 1; i < mentions.length; i++) expect(mentions[i]!.start).toBeGreaterThanOrEqual(mentions[i - 1]!.end);
    }
    expect(quotesIn(items, 'linked').length).toBe(2);
  });

  it('marks the verbatim quotation and nothing in the decoys or elsewhere', () => {
    const items = scan(true);
    expect(quotesIn(items, 'exact').map((q) => [q.id, q.match.exact])).toEqual([['q-merz-playing-games', true]]);
    expect(quotesIn(items, 'decoys')).toEqual([]);
    const all = items.flatMap((i) => i.mentions).filter((m) => m.category === 'quotes');
    expect(new Set(all.map((m) => m.id))).toEqual(new Set(['q-putin-liberate-by-force', 'q-merz-playing-games', 'q-lavrov-ball-not-in-our-court']));
  });

  it('"Not this" drops a quotation by its page text', () => {
    const items = scan(true, (m) => m.alias.startsWith('They are playing games'));
    expect(quotesIn(items, 'exact')).toEqual([]);
    expect(quotesIn(items, 'altered').length).toBe(1);
  });

  it('a change inside a quotation rescans its block', () => {
    const link = document.querySelector('#linked a')!;
    expect(blockOf(link.firstChild!)).toBe(document.getElementById('linked'));
    expect(quoteRescanRoot(link)).toBe(document.getElementById('linked'));
    expect(quoteRescanRoot(link.firstChild!)).toBe(document.getElementById('linked'));
    const p = document.getElementById('exact')!;
    expect(quoteRescanRoot(p)).toBe(p);
  });

  it('gives the names at once and the quotations only when the waiting blocks are matched', () => {
    // A matcher of its own: one that matched these blocks before gives their quotations with the names (below).
    const blocks = new QuoteBlocks({ matcher: answered(compileQuoteMatcher(dataset.quotes)), nameOf: (id) => id, layered: true, ignore: () => false });
    const first: NodeMentions[] = [];
    for (const node of walkTextNodes(document.body)) first.push(...(blocks.add(node, node.data, names.scan(node.data)) ?? []));
    first.push(...blocks.end());
    expect(first.some((i) => i.mentions.some((m) => m.category === 'quotes'))).toBe(false);
    expect(first.some((i) => i.mentions.length > 0)).toBe(true);
    expect(blocks.pending).toBe(true);
    const exact = document.getElementById('exact')!;
    const changed = [...walkTextNodes(exact)];
    const later: NodeMentions[] = [];
    for (let items = blocks.matchQueued((n) => n.data); items; items = blocks.matchQueued((n) => n.data)) later.push(...items);
    expect(later.map((i) => i.node).filter((n) => exact.contains(n))).toHaveLength(changed.length);
    blocks.forgetQueued();
    expect(blocks.pending).toBe(false);
    // Read again by a matcher that has not seen them; the page rewrites the verbatim quotation's block before its turn.
    const fresh = new QuoteBlocks({ matcher: answered(compileQuoteMatcher(dataset.quotes)), nameOf: (id) => id, layered: true, ignore: () => false });
    for (const node of walkTextNodes(document.body)) fresh.add(node, node.data, names.scan(node.data));
    fresh.end();
    changed[0]!.data = 'Something else entirely.';
    const again: NodeMentions[] = [];
    for (let items = fresh.matchQueued((n) => n.data); items; items = fresh.matchQueued((n) => n.data)) again.push(...items);
    expect(again.filter((i) => exact.contains(i.node))).toEqual([]);
    expect(again.length).toBe(later.length - changed.length);
  });
});

describe('a rescan of unchanged blocks', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
  });

  it('matches nothing again: blocks without a quotation do not wait, the others get theirs from the cache', () => {
    const matcher = compileQuoteMatcher(dataset.quotes);
    let matched = 0;
    const counting = { ...matcher, findInBlock: (text: string) => (matched += matcher.cached(text) ? 0 : 1, matcher.findInBlock(text)) };
    const scanAll = (): { waiting: number; quoted: unknown[] } => {
      const blocks = new QuoteBlocks({ matcher: answered(counting), nameOf: (id) => id, layered: true, ignore: () => false });
      for (const node of walkTextNodes(document.body)) blocks.add(node, node.data, names.scan(node.data));
      blocks.end();
      let waiting = 0;
      const quoted: unknown[] = [];
      for (let items = blocks.matchQueued((n) => n.data); items; items = blocks.matchQueued((n) => n.data)) {
        waiting++;
        for (const i of items) for (const m of i.mentions) if (m.category === 'quotes') quoted.push([i.node, m.start, m.end, m.id]);
      }
      return { waiting, quoted };
    };
    const first = scanAll();
    expect(matched).toBeGreaterThan(3);
    expect(first.quoted.length).toBeGreaterThan(3);

    matched = 0;
    const second = scanAll();
    expect(matched).toBe(0);
    expect(second.quoted).toEqual(first.quoted);
    // The blocks the matcher found nothing in do not wait at all.
    expect(second.waiting).toBeLessThan(first.waiting);
    expect(second.waiting).toBeGreaterThanOrEqual(new Set(first.quoted.map((q) => blockOf((q as [Text])[0]))).size);
    // A block whose text changed is matched again.
    document.querySelector('#exact')!.firstChild!.textContent += ' ';
    const third = scanAll();
    expect(matched).toBe(1);
    expect(third.quoted).toEqual(first.quoted);
  });
});

describe('mergeQuoteMentions', () => {
  const q = { start: 0, end: 20, text: 'abcdefghijklmnopqrst', id: 'q', name: 'Q', category: 'quotes', alias: 'x' } as QuoteMention;
  const n = (start: number, end: number): Mention => ({ start, end, text: 'n', id: 'n', name: 'N', category: 'people', alias: 'n' });
  it('keeps both, sorted, when layered', () => {
    expect(mergeQuoteMentions([n(5, 8)], [q], true).map((m) => [m.start, m.end])).toEqual([[0, 20], [5, 8]]);
  });
  it('cuts the quote around names otherwise', () => {
    expect(mergeQuoteMentions([n(0, 3), n(5, 8), n(18, 25)], [q], false).map((m) => [m.category, m.start, m.end, m.text])).toEqual([
      ['people', 0, 3, 'n'],
      ['quotes', 3, 5, 'de'],
      ['people', 5, 8, 'n'],
      ['quotes', 8, 18, 'ijklmnopqr'],
      ['people', 18, 25, 'n'],
    ]);
  });
});
