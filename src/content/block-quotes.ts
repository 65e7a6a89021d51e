/**
 * Known quotations on the page (the `quotes` category). A quotation often runs across several text nodes
 * (a link or an emphasis inside it), so quotes are matched over a whole block: the text nodes the walker
 * yields one after another under the same block element are joined, matched with the quote matcher, and
 * the matches are split back into one mention per node (`quotePieces`). The scan hands every text node
 * with its name mentions to `QuoteBlocks.add` and gets the finished block's nodes back, with their names, when
 * the next block starts (or at `end`). The blocks wait; once the walk has painted every name, their texts go to the
 * background, which matches them (`load`), and `matchQueued` applies the answers block by block, returning the nodes
 * holding a quotation, names and quote mentions merged. The answers are kept by text, so a later scan of an
 * unchanged block (a toggle, a page change elsewhere in it) costs a lookup.
 */
import type { Matcher, Mention } from '../core/matcher';
import type { QuoteMatch } from '../core/quote-matcher';
import { quotePieces } from '../core/quote-pieces';
import { withSpeakerNearby } from '../core/quote-speaker';
import type { NodeMentions } from './engines/types';
import type { QuoteResults } from './quote-results';

/** A quote mention: one text node's share of a quotation, with the whole match (score, exact, diff) for the card. */
export interface QuoteMention extends Mention {
  category: 'quotes';
  /** The whole quotation found in the block: `diff` compares the page wording with the source wording. */
  match: QuoteMatch;
}

/** Whether a mention is a quote mention carrying its match. */
export function isQuoteMention(m: Mention): m is QuoteMention {
  return m.category === 'quotes' && 'match' in m;
}

/**
 * Elements that sit inside a line of text. Any other element (p, li, td, blockquote, h1–h6, figcaption, div,
 * custom elements…) bounds a block: deciding by tag avoids a computed style per node, and counting an unknown
 * element as a block can only split a quotation, never join two unrelated texts.
 */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'label', 'mark',
  'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'big', 'tt', 'nobr', 'output',
]);

/** The element (or shadow root / document) whose text a node's text belongs to for quote matching. */
export function blockOf(node: Node): Node {
  let el: Node | null = node.nodeType === 1 ? node : node.parentNode;
  while (el && el.nodeType === 1 && INLINE_TAGS.has((el as Element).localName)) el = el.parentNode;
  return el ?? node;
}

/**
 * A block with more children than this is not a paragraph (a feed, a log, a container a page appends to): a
 * change inside it is rescanned where it happened, not with the whole block, or every appended line would
 * rescan all the lines before it.
 */
export const QUOTE_BLOCK_MAX_CHILDREN = 64;

/**
 * For a changed subtree, the root to scan again so that its quotations are matched whole: the enclosing block
 * of a text node or inline element, unless that block is the whole body or larger than a paragraph (then the
 * root itself: rescanning all of it for one inline change would cost more than a quotation split at the change).
 */
export function quoteRescanRoot(root: Node): Node {
  if (root.nodeType !== 3 && !(root.nodeType === 1 && INLINE_TAGS.has((root as Element).localName))) return root;
  const block = blockOf(root);
  if (block.nodeType !== 1) return root;
  const name = (block as Element).localName;
  if (name === 'body' || name === 'html') return root;
  return block.childNodes.length > QUOTE_BLOCK_MAX_CHILDREN ? root : block;
}

/**
 * Merges a node's name mentions and quote pieces. `layered` (engines that paint each category on its own
 * layer): both kept, sorted by start, a name first when both start together. Otherwise (one wrapper element per
 * mention, nothing may overlap) the quote is cut around the names: its parts between the names are kept.
 */
export function mergeQuoteMentions(names: readonly Mention[], quotes: readonly QuoteMention[], layered: boolean): Mention[] {
  if (quotes.length === 0) return names as Mention[];
  if (layered) {
    return [...names, ...quotes].sort((a, b) => a.start - b.start || (a.category === 'quotes' ? 1 : 0) - (b.category === 'quotes' ? 1 : 0));
  }
  const out: Mention[] = [...names];
  for (const q of quotes) {
    let from = q.start;
    // `names` are sorted and never overlap each other.
    for (const n of names) {
      if (n.end <= from) continue;
      if (n.start >= q.end) break;
      if (n.start > from) out.push(cut(q, from, n.start));
      from = Math.max(from, n.end);
    }
    if (from < q.end) out.push(cut(q, from, q.end));
  }
  return out.sort((a, b) => a.start - b.start);
}

function cut(q: QuoteMention, start: number, end: number): QuoteMention {
  if (start === q.start && end === q.end) return q;
  const text = q.text.slice(start - q.start, end - q.start);
  return { ...q, start, end, text };
}

/**
 * Drops, in place, the names that are all of their node's text but do not stand in the block's text. The nodes are
 * joined with a space: the walk skips one-character nodes, so the single spaces between a page's word elements are
 * missing from `texts`.
 */
function recheckWholeNodeNames(matcher: Pick<Matcher, 'standsInBlock'>, texts: readonly string[], names: (readonly Mention[])[]): void {
  const block = texts.join(' ');
  let offset = 0;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    const list = names[i]!;
    if (list.length === 1 && text.trim().length === list[0]!.end - list[0]!.start) {
      const m = list[0]!;
      if (!matcher.standsInBlock(block, offset + m.start, offset + m.end, m)) names[i] = [];
    }
    offset += text.length + 1;
  }
}

/** What `QuoteBlocks` needs from the controller. */
export interface QuoteBlocksOptions {
  /** The frame's quotations, as the background finds them. */
  matcher: Pick<QuoteResults, 'cached' | 'findInBlock' | 'speakersOf' | 'load' | 'pageMs' | 'backgroundMs'>;
  /**
   * The card title of a quote ("Vladimir Putin, quoted"); undefined for a quotation this page does not know (the
   * background's set changed before the page heard of it): its matches wait for the rescan that change brings.
   */
  nameOf(quoteId: string): string | undefined;
  /** Whether the engine paints overlapping mentions (css) or needs them cut apart (marks). */
  layered: boolean;
  /** "Not this": a quote piece is dropped when this says so. */
  ignore(m: Mention): boolean;
  /**
   * The name matcher: a name that is all of its text node is checked again in the block's text (a link inside a
   * sentence stays; "Washington" alone in a menu, or one span of "The|Washington|Post", does not).
   */
  names?: Pick<Matcher, 'standsInBlock'>;
}

/** A block read by the walk, waiting for its quotations to be matched. */
interface QueuedBlock {
  nodes: Text[];
  texts: string[];
  names: (readonly Mention[])[];
  joined: string;
  /** Entities named in this block, and in the one before: a short quotation's speaker may be named there. */
  named: ReadonlySet<string>;
  before: ReadonlySet<string>;
}

/** Groups consecutive text nodes by block; each block's quotations are matched later, after the names are painted. */
export class QuoteBlocks {
  private block: Node | null = null;
  private lastParent: Node | null = null;
  private nodes: Text[] = [];
  private texts: string[] = [];
  private names: (readonly Mention[])[] = [];
  /** Entities named in the last block with text: a short quotation's speaker may be named there. */
  private previousNames: ReadonlySet<string> = new Set();
  /** Milliseconds of this pass spent on quotations in the page: asking, keeping and applying answers. */
  private ownMs = 0;
  private readonly pageMsBefore: number;
  private readonly backgroundMsBefore: number;
  /** Blocks waiting for `matchQueued`, in walk order: those being matched, and those queued since. */
  private queue: QueuedBlock[] = [];
  private queueAt = 0;
  private queued: QueuedBlock[] = [];

  constructor(private readonly opts: QuoteBlocksOptions) {
    this.pageMsBefore = opts.matcher.pageMs;
    this.backgroundMsBefore = opts.matcher.backgroundMs;
  }

  /** Milliseconds the background's matcher took for this pass (off the page's main thread). */
  get backgroundMs(): number {
    return this.opts.matcher.backgroundMs - this.backgroundMsBefore;
  }

  /** Milliseconds of the page's main thread this pass spent on quotations (the browser benchmark reads the total). */
  get findMs(): number {
    return this.ownMs + this.opts.matcher.pageMs - this.pageMsBefore;
  }

  /**
   * Adds the next text node of the walk (its text as the engine reads it, its name mentions). Returns the nodes
   * of the block that just ended, with their merged mentions, or null while the block goes on.
   */
  add(node: Text, text: string, names: readonly Mention[]): NodeMentions[] | null {
    const parent = node.parentNode;
    const block = parent === this.lastParent && this.block ? this.block : blockOf(node);
    this.lastParent = parent;
    let done: NodeMentions[] | null = null;
    if (block !== this.block) {
      done = this.end();
      this.block = block;
    }
    this.nodes.push(node);
    this.texts.push(text);
    this.names.push(names);
    return done;
  }

  /**
   * Ends the current block and returns its nodes with their name mentions, to paint now. Its quotations are matched
   * later (`matchQueued`, after the names are painted); a block the matcher already found none in, from an earlier
   * scan of the same text, does not wait at all.
   */
  end(): NodeMentions[] {
    const { nodes, texts, names } = this;
    this.nodes = [];
    this.texts = [];
    this.names = [];
    this.block = null;
    this.lastParent = null;
    if (nodes.length === 0) return [];
    const joined = texts.length === 1 ? texts[0]! : texts.join('');
    if (this.opts.names) recheckWholeNodeNames(this.opts.names, texts, names);
    const named = new Set<string>();
    for (const list of names) for (const m of list) named.add(m.id);
    const before = this.previousNames;
    this.previousNames = named;
    const out = nodes.map((node, i) => ({ node, mentions: names[i]! }));
    // The whitespace between blocks (most text nodes of a page) holds no quotation: skip the matcher's set-up.
    if (joined.length < 4) return out;
    const block: QueuedBlock = { nodes, texts, names, joined, named, before };
    const t0 = performance.now();
    const known = this.opts.matcher.cached(joined);
    this.ownMs += performance.now() - t0;
    if (!known || known.length) this.queued.push(block);
    return out;
  }

  /** Asks the background about the waiting blocks it has not answered for; false when it could not answer. */
  load(): Promise<boolean> {
    const texts: string[] = [];
    for (let i = this.queueAt; i < this.queue.length; i++) texts.push(this.queue[i]!.joined);
    for (const block of this.queued) texts.push(block.joined);
    return this.opts.matcher.load(texts);
  }

  /** Whether blocks wait for `matchQueued`. */
  get pending(): boolean {
    return this.queue.length > this.queueAt || this.queued.length > 0;
  }

  /**
   * Matches the next waiting block's quotations. Returns its nodes that hold a quotation, with their name and quote
   * mentions merged (an empty list when it holds none), or null when no block waits. A block whose text the page
   * changed since it was read is dropped: the page's change queued it for a scan of its own. `textOf` is the engine's.
   */
  matchQueued(textOf: (node: Text) => string | null): NodeMentions[] | null {
    if (this.queueAt >= this.queue.length) {
      if (this.queued.length === 0) return null;
      this.queue = this.queued;
      this.queued = [];
      this.queueAt = 0;
    }
    const block = this.queue[this.queueAt]!;
    this.queue[this.queueAt++] = undefined!;
    const { nodes, texts, names, joined, named, before } = block;
    for (let i = 0; i < nodes.length; i++) {
      if (!nodes[i]!.isConnected || textOf(nodes[i]!) !== texts[i]) return [];
    }
    const t0 = performance.now();
    const found = this.opts.matcher.findInBlock(joined).filter((m) => this.opts.nameOf(m.quoteId) !== undefined);
    const matches = found.length === 0 ? found : withSpeakerNearby(found, this.opts.matcher, { has: (id) => named.has(id) || before.has(id) });
    this.ownMs += performance.now() - t0;
    if (matches.length === 0) return [];
    const perNode: QuoteMention[][] = nodes.map(() => []);
    const pieces = quotePieces(matches, texts.map((t) => t.length), joined, (id) => this.opts.nameOf(id)!);
    for (const piece of pieces) {
      const mention: QuoteMention = { ...piece.mention, category: 'quotes', match: piece.match };
      if (!this.opts.ignore(mention)) perNode[piece.segment]!.push(mention);
    }
    const out: NodeMentions[] = [];
    for (let i = 0; i < nodes.length; i++) {
      if (perNode[i]!.length) out.push({ node: nodes[i]!, mentions: mergeQuoteMentions(names[i]!, perNode[i]!, this.opts.layered) });
    }
    return out;
  }

  /** Forgets the blocks waiting for `matchQueued` (a whole-page walk reads them all again). */
  forgetQueued(): void {
    this.queue = [];
    this.queueAt = 0;
    this.queued = [];
  }

  /** Forgets the current block without matching it (the scan restarts from its root). */
  discard(): void {
    this.previousNames = new Set();
    this.nodes = [];
    this.texts = [];
    this.names = [];
    this.block = null;
    this.lastParent = null;
  }
}
