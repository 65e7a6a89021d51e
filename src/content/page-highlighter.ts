/**
 * What paints this page and what it looks for: the engine (made again when the configuration asks for another),
 * the name matcher (compiled again only when the excluded aliases change), the quotations the background found in
 * its blocks (kept until the quotations to look for change), and the texts "Not this" on this site. `apply` takes a page configuration and
 * says what it takes; the controller does the scanning.
 */
import { notThisKey } from '../shared/settings-schema';
import { compileMatcher, matcherFromPlan, type Matcher } from '../core/matcher';
import type { MatcherPlan } from '../core/matcher-plan';
import type { MatchDictionary, MatchEntry } from '../core/entity-index';
import type { ReaderPageData } from '../core/reader-dossier/reader-names';
import { dictionaryWithExtras, pageDictionary, type PageData, type PageExtras, type PageQuote } from '../core/page-data';
import { savedQuotesKey } from '../core/quotes-found';
import { QuoteBlocks } from './block-quotes';
import { QuoteResults, type FindQuotes } from './quote-results';
import { RemoteNames, type FindNames } from './remote-names';
import { createCssEngine } from './engines/css-engine';
import type { createMarksEngine } from './engines/marks-engine';
import type { HighlightEngine, OwnWrite } from './engines/types';
import { isOwnElement } from './excluded';
import { configChange, type PageConfig } from './page-config';

/**
 * What applying a configuration took: 'waiting' means the configuration wants the marks engine and its code is not
 * in this frame yet (it is injected on demand: src/content/injected-code.ts); apply again once it is.
 */
export type Applied = 'off' | 'rescan' | 'same' | 'waiting';

/** The marks engine's factory once its code is in this frame; null before. */
export type MarksSource = () => typeof createMarksEngine | null;

/** The page's engine and matchers. */
export class PageHighlighter {
  engine: HighlightEngine | null = null;
  matcher: Matcher | null = null;
  config: PageConfig | null = null;
  /** The background's answers for this page's blocks, for the quotations looked for now; null while quotations are off. */
  private quoteResults: QuoteResults | null = null;
  private ignoredTexts: ReadonlySet<string> = new Set();
  private entries: MatchDictionary;
  /** The names matcher of `entries` as the background planned it (`PageExtras.plan`), and the plan's fingerprint. */
  private plan: MatcherPlan | null = null;
  private planKey: string | null = null;
  /** Whether `matcher` is built from `plan` (the background's names matcher is then the same). */
  private fromPlan = false;
  private quoteNames;
  private quoteTexts;
  /** The data set's quotations: in the page data, or asked of the background (`setExtras`). */
  private bundled: readonly PageQuote[];
  /** The reader's saved quotations, matched with the bundled ones, and their key (`savedQuotesKey`). */
  private saved: readonly PageQuote[] = [];
  private savedKey = savedQuotesKey([]);
  /** The names of the actors the reader created, matched with the bundled ones. */
  private readerEntries: readonly MatchEntry[] = [];

  constructor(
    private readonly doc: Document,
    data: PageData,
    private readonly write: OwnWrite,
    private readonly marks: MarksSource,
    private readonly findQuotes: FindQuotes,
    /** Told how long each build of the names matcher took (ms), for the benchmark. */
    private readonly onNamesBuilt: (ms: number) => void = () => {},
    /** Asks the background for the names of a whole-page scan's texts (none: the page finds them itself). */
    private readonly findNames: FindNames | null = null,
  ) {
    this.entries = pageDictionary(data);
    this.bundled = data.quotes;
    this.quoteNames = new Map(data.quotes.map((q) => [q.id, q.label]));
    this.quoteTexts = new Map(data.quotes.map((q) => [q.id, q.text]));
  }

  /**
   * The quotations to match changed: the lookups follow, and the answers kept are dropped. Returns whether
   * quotations are looked for here now (the page must be scanned again).
   */
  private quotesChanged(): boolean {
    const all = [...this.bundled, ...this.saved];
    this.quoteNames = new Map(all.map((q) => [q.id, q.label]));
    this.quoteTexts = new Map(all.map((q) => [q.id, q.text]));
    const active = this.config?.active === true;
    this.quoteResults = active && this.config!.quotes ? this.newQuoteResults() : null;
    return this.quoteResults !== null;
  }

  private newQuoteResults(): QuoteResults {
    return new QuoteResults(this.findQuotes, this.savedKey);
  }

  /**
   * Sets the page data's extras, when the page data came without them (the content script asks the background): the
   * known quotations, the context rules' words and the aliases in other scripts. Returns whether the page must be scanned again (a matcher in use
   * changed).
   */
  setExtras(extras: PageExtras): boolean {
    let rescan = false;
    const entries = dictionaryWithExtras(this.entries, extras);
    this.plan = extras.plan ?? null;
    this.planKey = extras.planKey ?? null;
    if (entries.length !== this.entries.length || entries.some((e, i) => e !== this.entries[i]) || JSON.stringify(entries.nameContexts) !== JSON.stringify(this.entries.nameContexts)) {
      this.entries = entries;
      if (this.config?.active) {
        this.matcher = this.compileNames(this.config);
        rescan = true;
      }
    }
    const quotes = extras.quotes;
    if (quotes.length !== this.bundled.length || !quotes.every((q, i) => q.id === this.bundled[i]!.id && q.text === this.bundled[i]!.text)) {
      this.bundled = quotes;
      rescan = this.quotesChanged() || rescan;
    }
    return rescan;
  }

  /**
   * Sets what the page looks for in the reader's dossier. Returns whether the page must be scanned again: Dossier
   * is on here and what it looks for changed (an empty dossier changes nothing). The saved quotations are matched by
   * the background with the bundled ones; here they only name their mentions.
   */
  setReaderData(reader: ReaderPageData): boolean {
    let rescan = false;
    const { quotes: saved, entries } = reader;
    const sameQuotes = saved.length === this.saved.length && saved.every((q, i) => q.id === this.saved[i]!.id && q.text === this.saved[i]!.text);
    if (!sameQuotes) {
      this.saved = saved;
      this.savedKey = savedQuotesKey(saved);
      rescan = this.quotesChanged();
    }
    if (JSON.stringify(entries) !== JSON.stringify(this.readerEntries)) {
      const active = this.config?.active === true;
      this.readerEntries = entries;
      this.matcher = active ? this.compileNames(this.config!) : null;
      rescan ||= active;
    }
    return rescan;
  }

  private compileNames(config: PageConfig): Matcher {
    const start = performance.now();
    try {
      return this.buildNames(config);
    } finally {
      this.onNamesBuilt(performance.now() - start);
    }
  }

  private buildNames(config: PageConfig): Matcher {
    // The background's plan is of the bundled names with the extras: for a page that adds or excludes none.
    this.fromPlan = this.plan !== null && this.readerEntries.length === 0 && config.excludedAliases.length === 0;
    if (this.fromPlan) return matcherFromPlan(this.plan!);
    const entries = this.readerEntries.length ? Object.assign([...this.entries, ...this.readerEntries], { notMentions: this.entries.notMentions, ...(this.entries.nameContexts ? { nameContexts: this.entries.nameContexts } : {}) }) : this.entries;
    return compileMatcher(entries, { excludedAliases: config.excludedAliases });
  }

  /**
   * The source's wording of quotation `id`: "Not this" on a quotation stores it rather than the page's wording, so
   * what a page writes can never grow the reader's settings (the data holds a bounded set of quotations).
   */
  quoteText(id: string): string | undefined {
    return this.quoteTexts.get(id);
  }

  /**
   * Applies `next`: 'off' (Dossier is off here: the engine is gone), 'rescan' (a new engine or different matching:
   * every highlight is gone and the page must be scanned again), 'same' (at most the visible categories changed).
   */
  apply(next: PageConfig): Applied {
    const change = configChange(this.config, next);
    this.config = next;
    if (!next.active) {
      this.destroyEngine();
      return 'off';
    }
    const made = change.engine || !this.engine;
    if (made) {
      this.destroyEngine();
      if (next.engine === 'css') this.engine = createCssEngine(this.doc);
      else {
        const createMarks = this.marks();
        if (!createMarks) return 'waiting';
        this.engine = createMarks(this.doc, { write: this.write });
      }
    }
    if (change.matcher || !this.matcher) this.matcher = this.compileNames(next);
    this.ignoredTexts = new Set(next.ignoredTexts);
    if (next.quotes) this.quoteResults ??= this.newQuoteResults();
    const engine = this.engine!;
    this.write(() => engine.setVisibleCategories(next.visible));
    return change.rescan || made ? 'rescan' : 'same';
  }

  /** Texts never highlighted on this site. */
  ignored(): ReadonlySet<string> {
    return this.ignoredTexts;
  }

  /**
   * For a whole-page scan: the background's finder of its names, when the page's names matcher is the background's
   * (built from its plan); null when the page finds them itself.
   */
  remoteNames(): RemoteNames | null {
    if (!this.findNames || !this.fromPlan || !this.planKey || !this.matcher || !this.config?.active) return null;
    return new RemoteNames(this.findNames, this.planKey, this.matcher);
  }

  /** A fresh quotation grouper for a scan pass, or null while quotations are off. */
  quoteBlocks(): QuoteBlocks | null {
    const config = this.config;
    if (!config?.quotes || !this.quoteResults) return null;
    const decided = new Map<string, boolean>();
    return new QuoteBlocks({
      matcher: this.quoteResults,
      nameOf: (id) => this.quoteNames.get(id),
      layered: this.engine?.layered === true,
      names: this.matcher ?? undefined,
      // "Not this" on a quotation stores the source's wording (notThisPatch), compared as stored; decided once per
      // quotation and pass (a long page quotes the same ones many times).
      ignore: (m) => {
        let ignored = decided.get(m.id);
        if (ignored === undefined) {
          const key = notThisKey(this.quoteTexts.get(m.id) ?? m.alias);
          decided.set(m.id, (ignored = this.ignoredTexts.has(key) || config.excludedAliases.includes(key)));
        }
        return ignored;
      },
    });
  }

  /** Whether a node is one Dossier put on the page (a mark, a text node the marks engine split off, the popover). */
  isOwn(node: Node): boolean {
    if (node.nodeType === 1) return isOwnElement(node as Element);
    if (node.nodeType !== 3) return false;
    const parent = node.parentElement;
    if (parent && isOwnElement(parent)) return true;
    return this.engine ? this.engine.textOf(node as Text) === null : false;
  }

  /** Removes every highlight (the engine stays). */
  clear(): void {
    const engine = this.engine;
    if (engine) this.write(() => engine.clear());
  }

  /** Removes everything the engine added and drops it. */
  destroyEngine(): void {
    this.engine?.destroy();
    this.engine = null;
  }
}
