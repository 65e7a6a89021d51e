/**
 * What the settings mean for this page, derived without side effects: whether Dossier runs here, which engine
 * paints, what the matcher leaves out, which categories show. `configChange` compares two configs field by field
 * to say what applying the new one costs: nothing, a repaint of the visible categories, a rescan, or a new engine.
 */
import type { Category } from '../data/schema';
import { CATEGORY_ORDER } from '../shared/categories';
import { ignoredTextsOn, isActiveOn, type Settings } from '../shared/settings';
import type { EngineKind } from './engines/types';

/** The page's configuration. */
export interface PageConfig {
  /** Whether Dossier highlights this page; when false, `status` says why. */
  active: boolean;
  status: 'active' | 'paused' | 'disabled';
  engine: EngineKind;
  /** Aliases the matcher never matches ("Not this" everywhere); a quotation's page wording is one too. */
  excludedAliases: readonly string[];
  /** Texts never highlighted on this site ("Not this" on this site). */
  ignoredTexts: readonly string[];
  /** Whether known quotations are matched (the matcher for them is compiled the first time this is on). */
  quotes: boolean;
  visible: ReadonlySet<Category>;
}

/**
 * Derives the page's configuration. `cssSupported` says whether the CSS Highlight API works here (the css engine is
 * the default wherever it does; marks otherwise or when chosen).
 */
export function derivePageConfig(s: Settings, hostname: string, cssSupported: boolean): PageConfig {
  const active = isActiveOn(s, hostname);
  return {
    active,
    status: active ? 'active' : s.paused ? 'paused' : 'disabled',
    engine: s.engine !== 'marks' && cssSupported ? 'css' : 'marks',
    excludedAliases: [...s.excludedAliases],
    ignoredTexts: ignoredTextsOn(s, hostname),
    quotes: s.categories.quotes,
    visible: new Set(CATEGORY_ORDER.filter((c) => s.categories[c])),
  };
}

/** What applying `next` over `prev` takes. */
export interface ConfigChange {
  /** A different engine (or none before): the old one goes, the page is scanned again. */
  engine: boolean;
  /** The matcher's dictionary changed (excluded aliases): compile it again. */
  matcher: boolean;
  /** What is highlighted changed: the whole page is scanned again. */
  rescan: boolean;
  /** Only the visible categories changed (no rescan needed for those). */
  visibility: boolean;
}

/** Compares two configurations; `prev` null (nothing applied yet, or Dossier was off) means everything is new. */
export function configChange(prev: PageConfig | null, next: PageConfig): ConfigChange {
  if (!prev || !prev.active) return { engine: true, matcher: true, rescan: true, visibility: true };
  const engine = prev.engine !== next.engine;
  const matcher = !sameList(prev.excludedAliases, next.excludedAliases);
  const ignored = !sameList(prev.ignoredTexts, next.ignoredTexts);
  // Turning quotations on matches the page again; turning them off only hides them.
  const quotesOn = next.quotes && !prev.quotes;
  return {
    engine,
    matcher,
    rescan: engine || matcher || ignored || quotesOn,
    visibility: !sameSet(prev.visible, next.visible),
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const v of a) if (!b.has(v)) return false;
  return true;
}
