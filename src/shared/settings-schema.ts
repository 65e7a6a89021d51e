/**
 * What the settings are, and how they sit in extension storage. `Settings` and `parseSettings` are the only
 * definition of their shape: every field has its default, and a field that is missing, of the wrong type or out of
 * bounds falls back to it on its own, so an older or damaged value never breaks the extension and never costs
 * the reader the fields that were fine. Pure (no extension API): the storage I/O is in ./settings.ts, and the
 * end-to-end tests use this file to write settings the way the extension stores them.
 */
import type { Category } from '../data/schema';
import { SETTINGS_PREFIX } from './settings-keys';

/** Which highlighting engine the content script uses; `auto` picks the CSS Highlight API where it exists. */
export type EngineChoice = 'auto' | 'css' | 'marks';

/**
 * The longest page text a mention may have: a quotation's whole wording is its alias. `getCard`
 * (messages.ts) accepts texts up to this long.
 */
export const MAX_MATCH_TEXT = 10_000;

/**
 * The longest text a "Not this" entry keeps (after `notThisKey`). Names are a few dozen characters and the
 * data set's quotations about 200, so a choice about any real mention fits; a longer text is not stored, which
 * bounds what a page's wording can make Dossier keep.
 */
export const MAX_NOT_THIS_TEXT = 300;

/**
 * How many "Not this" entries each list keeps. Lists are in the order the choices were made; past the cap the
 * oldest choice is forgotten (its mention is highlighted again).
 */
export const MAX_NOT_THIS_ENTRIES = 200;

/** The longest hostname (DNS limit). */
const MAX_SITE = 253;

/** The key a hostname is stored under: lower case, no trailing dot, no leading `www.`. */
export function siteKey(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/**
 * The form a "Not this" text is stored and compared in: Unicode NFC, every run of white space one space, no
 * white space at either end. A page that writes a name across a line break is still the same name.
 */
export function notThisKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A "Not this" on one site: this text is not highlighted on that hostname. */
export interface IgnoredMatch {
  site: string;
  text: string;
}

/** Everything the user can change (a type alias, so it is a plain record wherever one is expected). */
export type Settings = {
  /** Which highlight categories are shown. */
  categories: Record<Category, boolean>;
  engine: EngineChoice;
  /** Pause everywhere. */
  paused: boolean;
  /** Hostnames where Dossier is off (by `siteKey`). */
  disabledSites: string[];
  /** Show the number of entities on the toolbar badge. */
  badge: boolean;
  /** "Not this" everywhere: alias texts (by `notThisKey`) the matcher skips, oldest first. */
  excludedAliases: string[];
  /** "Not this" on one site: page texts (by `notThisKey`) not highlighted on that hostname, oldest first. */
  ignoredMatches: IgnoredMatch[];
};

// The repair is written by hand, field by field, rather than with a schema library: it runs in the content script
// of every frame, whose size budget has no room for one. Each field falls back to its default on its own.

const CATEGORY_KEYS = ['people', 'organisations', 'regions', 'quotes'] as const satisfies readonly Category[];
// Fails to compile if the data gains a category the switches do not list.
const everyCategory: Category extends (typeof CATEGORY_KEYS)[number] ? true : never = true;
void everyCategory;
const ENGINES: readonly EngineChoice[] = ['auto', 'css', 'marks'];

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const bool = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);

/** A hostname as stored, or null when it is not one. */
const site = (v: unknown): string | null => (typeof v === 'string' && v.length <= MAX_SITE ? siteKey(v) : null);
/** A "Not this" text as stored, or null when it is not one. */
const notThisText = (v: unknown): string | null => (typeof v === 'string' && v.length <= MAX_MATCH_TEXT ? notThisKey(v) : null);

/**
 * A list whose elements are checked one by one: an invalid element (wrong type, empty or oversized once
 * normalised) is dropped, the first of two equal elements kept, and only the last `max` kept.
 */
function listOf<T>(raw: unknown, item: (v: unknown) => T | null, key: (v: T) => string, valid: (v: T) => boolean, max = Infinity): T[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const out: T[] = [];
  for (const el of raw) {
    const v = item(el);
    if (v === null || !valid(v)) continue;
    const k = key(v);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out.slice(Math.max(0, out.length - max));
}

const fits = (text: string) => text.length > 0 && text.length <= MAX_NOT_THIS_TEXT;

function ignoredMatch(v: unknown): IgnoredMatch | null {
  if (!isRecord(v)) return null;
  const s = site(v.site);
  const text = notThisText(v.text);
  return s === null || text === null ? null : { site: s, text };
}

/** Validates a value field by field; anything invalid gets its default. Never throws. */
export function parseSettings(raw: unknown): Settings {
  const input = isRecord(raw) ? raw : {};
  const cats = isRecord(input.categories) ? input.categories : {};
  const categories = {} as Record<Category, boolean>;
  for (const c of CATEGORY_KEYS) categories[c] = bool(cats[c], true);
  return {
    categories,
    engine: ENGINES.includes(input.engine as EngineChoice) ? (input.engine as EngineChoice) : 'auto',
    paused: bool(input.paused, false),
    disabledSites: listOf(input.disabledSites, site, (s) => s, (s) => s !== ''),
    badge: bool(input.badge, true),
    excludedAliases: listOf(input.excludedAliases, notThisText, (t) => t, fits, MAX_NOT_THIS_ENTRIES),
    ignoredMatches: listOf(input.ignoredMatches, ignoredMatch, (m) => JSON.stringify([m.site, m.text]), (m) => m.site !== '' && fits(m.text), MAX_NOT_THIS_ENTRIES),
  };
}

/** A fresh copy of the settings of a fresh install. */
export function defaultSettings(): Settings {
  return parseSettings({});
}

/** The settings of a fresh install (compare against it; `defaultSettings()` gives a copy to change). */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(defaultSettings());

// ---- Storage layout -------------------------------------------------------------------------------------
// One storage key per field, and one per "Not this" entry. Writers in different contexts (the popup, the
// content script of every frame) then change different keys: a toggle in the popup and a "Not this" on a page
// never overwrite each other, and adding or removing one entry never rewrites the others.

export { SETTINGS_PREFIX } from './settings-keys';
/** Prefix of the "Not this" entry keys; the rest of the key is `JSON.stringify([site, text])`, site '' = everywhere. */
export const NOT_THIS_PREFIX = `${SETTINGS_PREFIX}notThis:`;
export { LEGACY_KEY } from './settings-keys';

/** The fields stored whole under one key each. */
export const FIELD_KEYS = ['categories', 'engine', 'paused', 'disabledSites', 'badge'] as const satisfies readonly (keyof Settings)[];

/** The storage key of a field. */
export function fieldKey(field: (typeof FIELD_KEYS)[number]): string {
  return SETTINGS_PREFIX + field;
}

/** The storage key of a "Not this" entry: on `site`, or everywhere for null. */
export function notThisEntryKey(site: string | null, text: string): string {
  return NOT_THIS_PREFIX + JSON.stringify([site ?? '', text]);
}

/** What a "Not this" entry key stores: when the choice was made, which orders the list and picks what to evict. */
export interface NotThisEntryValue {
  at: number;
}

/** When a stored entry was made; 0 (oldest) for a damaged value. */
export function entryStamp(value: unknown): number {
  const at = (value as Partial<NotThisEntryValue> | null)?.at;
  return typeof at === 'number' && Number.isFinite(at) ? at : 0;
}

/** The "Not this" entries of some settings, as storage keys. */
export function notThisEntryKeys(s: Pick<Settings, 'excludedAliases' | 'ignoredMatches'>): string[] {
  return [...s.excludedAliases.map((t) => notThisEntryKey(null, t)), ...s.ignoredMatches.map((m) => notThisEntryKey(m.site, m.text))];
}

/** The settings held by the keys of `storage.local` (every key may be present; others are ignored). */
export function settingsFromStorage(items: Record<string, unknown>): Settings {
  const raw: Record<string, unknown> = {};
  for (const field of FIELD_KEYS) raw[field] = items[fieldKey(field)];
  const entries: { at: number; key: string; site: string; text: string }[] = [];
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(NOT_THIS_PREFIX)) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(key.slice(NOT_THIS_PREFIX.length));
    } catch {
      continue;
    }
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') continue;
    entries.push({ at: entryStamp(value), key, site: parsed[0], text: parsed[1] });
  }
  entries.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  raw.excludedAliases = entries.filter((e) => e.site === '').map((e) => e.text);
  raw.ignoredMatches = entries.filter((e) => e.site !== '').map((e) => ({ site: e.site, text: e.text }));
  return parseSettings(raw);
}

/**
 * The storage items that hold `s`: a key per field, a key per "Not this" entry. Entries get `at` from
 * `stamp(i)` in list order (oldest first), so the order survives a round trip.
 */
export function settingsToStorage(s: Settings, stamp: (i: number) => number): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  for (const field of FIELD_KEYS) items[fieldKey(field)] = s[field];
  notThisEntryKeys(s).forEach((key, i) => {
    items[key] = { at: stamp(i) } satisfies NotThisEntryValue;
  });
  return items;
}

// ---- Site switches --------------------------------------------------------------------------------------

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

/** The texts (by `notThisKey`) the user marked "Not this" on this site. */
export function ignoredTextsOn(s: Settings, hostname: string): string[] {
  const key = siteKey(hostname);
  return s.ignoredMatches.filter((m) => m.site === key).map((m) => m.text);
}

/**
 * "Not this" as the page side applies it on `hostname`: whether a page text (a name as written, or a quotation's
 * wording) was marked here or everywhere. Texts are compared in `notThisKey` form, as they are stored.
 */
export function notThisOn(s: Settings, hostname: string): { ignoredHere(text: string): boolean; excludedEverywhere(text: string): boolean } {
  const here = new Set(ignoredTextsOn(s, hostname));
  const everywhere = new Set(s.excludedAliases);
  return {
    ignoredHere: (text) => here.has(notThisKey(text)),
    excludedEverywhere: (text) => everywhere.has(notThisKey(text)),
  };
}
