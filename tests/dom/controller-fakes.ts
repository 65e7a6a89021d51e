/**
 * Test doubles for the controller's parts: a recording engine (a Map per text node, no painting), a bench hook
 * with plain counters, and a lifetime.
 */
import type { Mention } from '../../src/core/matcher';
import type { Category } from '../../src/data/schema';
import { createBenchHook, type BenchHook } from '../../src/content/bench-hook';
import type { HighlightEngine, HighlightHit, NodeMentions } from '../../src/content/engines/types';

/** An engine that records what it is given: per node, its mentions. */
export interface RecordingEngine extends HighlightEngine {
  readonly nodes: Map<Text, Mention[]>;
  /** highlight() calls, and how many nodes each carried. */
  readonly calls: number[];
}

export function recordingEngine(): RecordingEngine {
  const nodes = new Map<Text, Mention[]>();
  const calls: number[] = [];
  let visible = new Set<Category>(['people', 'organisations', 'regions', 'quotes']);
  const hits = (): HighlightHit[] => {
    const out: HighlightHit[] = [];
    for (const [node, ms] of nodes) {
      for (const m of ms) {
        if (!visible.has(m.category)) continue;
        out.push({ mention: m, range: () => { const r = document.createRange(); r.setStart(node, m.start); r.setEnd(node, m.end); return r; } });
      }
    }
    return out;
  };
  return {
    kind: 'css',
    layered: true,
    nodes,
    calls,
    highlight(batch: readonly NodeMentions[]) {
      calls.push(batch.length);
      for (const { node, mentions } of batch) {
        if (mentions.length) nodes.set(node, [...mentions]);
        else nodes.delete(node);
      }
    },
    textOf: (node: Text) => node.data,
    has: (node: Text) => nodes.has(node),
    release: (node: Text) => nodes.delete(node),
    prune() {
      for (const node of nodes.keys()) if (!node.isConnected) nodes.delete(node);
    },
    clear: () => nodes.clear(),
    hitTest: () => null,
    setVisibleCategories(next) {
      visible = new Set(next);
    },
    entries: hits,
    forEachMention(visit) {
      for (const h of hits()) visit(h.mention);
    },
    destroy: () => nodes.clear(),
  };
}

/** A bench hook whose counters the test reads (no user-timing entries). */
export function testBench(): BenchHook {
  return createBenchHook(null);
}
