/**
 * User settings: one typed storage item (`local:settings`), read through `parseSettings` so that a
 * corrupt or older value never breaks the extension: each field that is wrong falls back to its
 * default while the valid fields are kept.
 */
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import type { Category } from '../data/schema';
import { CATEGORY_ORDER } from './categories';

/** Which highlighting engine the content script uses; `auto` picks the CSS Highlight API where it exists. */
export type EngineChoice = 'auto' | 'css' | 'marks';

/** A "Not this" on one site: this exact matched text is not highlighted on that hostname. */
export interface IgnoredMatch {
  site: string;
  text: string;
}

/** Everything the user can change. */
export interface Settings {
  /** Which highlight categories are shown. */
  categories: Record<Category, boolean>;
  engine: EngineChoice;
  /** Pause everywhere. */
  paused: boolean;
  /** Hostnames where Dossier is off (normalised by `siteKey`). */
  disabledSites: string[];
  /** Show the number of entities on the toolbar badge. */
  badge: boolean;
  /** "Not this" everywhere: aliases the matcher skips. */
  excludedAliases: string[];
  /** "Not this" on one site. */
  ignoredMatches: IgnoredMatch[];
}

/** The settings of a fresh install. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  categories: Object.freeze({ people: true, organisations: true, regions: true, quotes: true }),
  engine: 'auto',
  paused: false,
  disabledSites: Object.freeze([]) as unknown as string[],
  badge: true,
  excludedAliases: Object.freeze([]) as unknown as string[],
  ignoredMatches: Object.freeze([]) as unknown as IgnoredMatch[],
}) as Readonly<Settings>;

/** A fresh, mutable copy of the defaults (the frozen constant is never handed out). */
export function defaultSettings(): Settings {
  return {
    categories: { ...DEFAULT_SETTINGS.categories },
    engine: DEFAULT_SETTINGS.engine,
    paused: DEFAULT_SETTINGS.paused,
    disabledSites: [],
    badge: DEFAULT_SETTINGS.badge,
    excludedAliases: [],
    ignoredMatches: [],
  };
}

/**
 * The longest page text a mention may have, hence an alias or a text in the "Not this" lists: a quotation's
 * whole wording is its alias. `getCard` (messages.ts) accepts the same, so a card's "Not this" is never dropped.
 */
export const MAX_MATCH_TEXT = 10_000;

const Engine = z.enum(['auto', 'css', 'marks']);
const Site = z.string().check(z.minLength(1), z.maxLength(500));
const Text = z.string().check(z.minLength(1), z.maxLength(MAX_MATCH_TEXT));
const IgnoredMatchSchema = z.object({ site: Site, text: Text });

/** Elements of a list that validate; invalid ones are dropped, duplicates removed. */
function validItems<T>(raw: unknown, item: z.ZodMiniType<T>, key: (v: T) => string): T[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const seen = new Set<string>();
  const out: T[] = [];
  for (const el of raw) {
    const r = item.safeParse(el);
    if (!r.success) continue;
    const k = key(r.data);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r.data);
  }
  return out;
}

/**
 * Validates a stored value field by field. Anything that is not a valid field (wrong type, missing,
 * from an older version) gets its default; valid fields are kept. Never throws.
 */
export function parseSettings(raw: unknown): Settings {
  const s = defaultSettings();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return s;
  const r = raw as Record<string, unknown>;

  const cats = r.categories;
  if (cats !== null && typeof cats === 'object' && !Array.isArray(cats)) {
    for (const c of CATEGORY_ORDER) {
      const v = (cats as Record<string, unknown>)[c];
      if (typeof v === 'boolean') s.categories[c] = v;
    }
  }
  const engine = Engine.safeParse(r.engine);
  if (engine.success) s.engine = engine.data;
  if (typeof r.paused === 'boolean') s.paused = r.paused;
  if (typeof r.badge === 'boolean') s.badge = r.badge;

  const sites = validItems(r.disabledSites, Site, (v) => siteKey(v));
  if (sites) s.disabledSites = sites.map(siteKey).filter((v) => v !== '');
  const aliases = validItems(r.excludedAliases, Text, (v) => v);
  if (aliases) s.excludedAliases = aliases;
  const ignored = validItems(r.ignoredMatches, IgnoredMatchSchema, (v) => `${siteKey(v.site)}\u0000${v.text}`);
  if (ignored) s.ignoredMatches = ignored.map((m) => ({ site: siteKey(m.site), text: m.text }));
  return s;
}

/**
 * The storage item. Version 1 is the first shipped shape, so there is nothing to migrate yet:
 * a future shape change bumps `version` and adds `migrations[2]`; fields the migration does not
 * cover are still repaired by `parseSettings` on every read.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: defaultSettings(),
  version: 1,
  migrations: {},
});

/** The current settings, validated. */
export async function getSettings(): Promise<Settings> {
  try {
    return parseSettings(await settingsItem.getValue());
  } catch (err) {
    // Storage unavailable (extension context invalidated after an update): behave as a fresh install.
    console.warn('[dossier] could not read settings', err);
    return defaultSettings();
  }
}

// Serialise writes from this context so two quick toggles do not overwrite each other.
let writeChain: Promise<unknown> = Promise.resolve();

/** Applies a patch (or a function of the current settings returning one) and stores the result. */
export function updateSettings(patch: Partial<Settings> | ((s: Settings) => Partial<Settings>)): Promise<Settings> {
  const run = async (): Promise<Settings> => {
    const current = await getSettings();
    const delta = typeof patch === 'function' ? patch(current) : patch;
    const next = parseSettings({ ...current, ...delta });
    await settingsItem.setValue(next);
    return next;
  };
  const result = writeChain.then(run, run);
  writeChain = result.catch(() => undefined);
  return result;
}

/** Calls `cb` with the validated settings whenever they change in any context. Returns the unwatch function. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((value) => cb(parseSettings(value)));
}

/** The key a hostname is stored under: lower case, no trailing dot, no leading `www.`. */
export function siteKey(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/** Whether the user left Dossier on for this site (ignores `paused`; see `isActiveOn`). */
export function isSiteEnabled(s: Settings, hostname: string): boolean {
  return !s.disabledSites.includes(siteKey(hostname));
}

/** Whether Dossier should highlight on this hostname: not paused and not off for the site. */
export function isActiveOn(s: Settings, hostname: string): boolean {
  return !s.paused && isSiteEnabled(s, hostname);
}

/** Settings with the site turned off (`enabled` false) or back on. */
export function withSiteEnabled(s: Settings, hostname: string, enabled: boolean): Partial<Settings> {
  const key = siteKey(hostname);
  const rest = s.disabledSites.filter((h) => h !== key);
  return { disabledSites: enabled ? rest : [...rest, key] };
}

/** The texts the user marked "Not this" on this site. */
export function ignoredTextsOn(s: Settings, hostname: string): string[] {
  const key = siteKey(hostname);
  return s.ignoredMatches.filter((m) => m.site === key).map((m) => m.text);
}
