/**
 * What the page holds, as the popup, the badge and the keyboard commands see it: the entities found and how often,
 * counted from the engine's records without sorting them, and cached until the highlights change (a state request
 * costs nothing between changes). A quotation is one mention to a reader even when a link splits it into pieces:
 * `onePerQuotation` is the one place that says so, for counting and for jumping alike.
 */
import type { Mention } from '../core/matcher';
import type { Category } from '../data/schema';
import { entityCount } from '../shared/content-messaging';
import type { PageState, PageMention } from '../shared/messages';
import type { BenchHook } from './bench-hook';
import { isQuoteMention } from './block-quotes';
import type { HighlightEngine } from './engines/types';

/**
 * A filter that passes each mention once per quotation: the first piece of a quotation seen, never its other
 * pieces (they share the quotation's match); every other mention passes.
 */
export function onePerQuotation(): (m: Mention) => boolean {
  const seen = new WeakSet<object>();
  return (m) => {
    if (!isQuoteMention(m)) return true;
    if (seen.has(m.match)) return false;
    seen.add(m.match);
    return true;
  };
}

/** The entities and the total, as a page state carries them. */
export interface Tally {
  mentions: PageMention[];
  total: number;
}

/** Counts the engine's visible mentions: one per quotation, entities in the order the engine lists them. */
export function tally(engine: HighlightEngine): Tally {
  const byId = new Map<string, { id: string; category: Category; count: number; firstText: string }>();
  let total = 0;
  const first = onePerQuotation();
  const count = (mention: Mention) => {
    if (!first(mention)) return;
    total++;
    const e = byId.get(mention.id);
    if (e) e.count++;
    else byId.set(mention.id, { id: mention.id, category: mention.category, count: 1, firstText: mention.text });
  };
  if (engine.forEachMention) engine.forEachMention(count);
  else for (const { mention } of engine.entries()) count(mention);
  return { mentions: [...byId.values()], total };
}

/** The page state with its tally cached until `changed()`. */
export class PageStateCache {
  private cached: Tally | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly engine: () => HighlightEngine | null,
    private readonly bench: BenchHook,
  ) {}

  /** The highlights changed (a write, a release, a category shown or hidden): the next read counts again. */
  changed(): void {
    this.cached = null;
    for (const listener of this.listeners) listener();
  }

  /** Hears every `changed()` (the state feed); returns the remover. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The page state for `status` and `progress`; entities only while Dossier is on here. */
  read(status: PageState['status'], progress: number, url: string, hostname: string): PageState {
    this.bench.stateRead();
    const engine = this.engine();
    let t: Tally = { mentions: [], total: 0 };
    if (engine && status !== 'paused' && status !== 'disabled') {
      if (!this.cached) {
        this.bench.stateTally();
        this.cached = tally(engine);
      }
      t = this.cached;
    }
    return {
      url,
      hostname,
      status,
      progress: status === 'ready' ? 1 : Math.max(0, Math.min(1, progress)),
      mentions: t.mentions.map((m) => ({ ...m })),
      total: t.total,
    };
  }
}

/** The numbers the toolbar badge shows for a state: actors and regions, as the popup counts them (a quotation is not an entity). */
export function badgeNumbers(state: PageState): { total: number; entities: number } {
  const total = state.mentions.reduce((sum, m) => (m.category === 'quotes' ? sum : sum + m.count), 0);
  return { total, entities: entityCount(state) };
}
