/**
 * User settings in extension storage: read, change, watch. The shape and the storage layout are in
 * ./settings-schema.ts; this file does the I/O.
 *
 * Every field has its own key and every "Not this" entry its own key, so contexts that write at the same
 * moment (the popup and the content script of any frame) change disjoint keys: a change computed from a
 * stale read can only touch the keys it meant to change. `updateSettings` turns a patch into exactly those
 * key writes (a field that changed, an entry added, an entry removed), never a rewrite of the whole.
 */
import { extensionApi } from './extension-api';
import { isSettingsKey } from './settings-keys';
import { readStorage, type StoredItems } from './settings-read';
import {
  FIELD_KEYS,
  fieldKey,
  LEGACY_KEY,
  notThisEntryKeys,
  NOT_THIS_PREFIX,
  parseSettings,
  SETTINGS_PREFIX,
  settingsFromStorage,
  settingsToStorage,
  defaultSettings,
  entryStamp,
  type Settings,
} from './settings-schema';

export {
  DEFAULT_SETTINGS,
  defaultSettings,
  ignoredTextsOn,
  isActiveOn,
  isSiteEnabled,
  MAX_MATCH_TEXT,
  MAX_NOT_THIS_ENTRIES,
  MAX_NOT_THIS_TEXT,
  notThisKey,
  notThisOn,
  parseSettings,
  siteKey,
  withSiteEnabled,
  type EngineChoice,
  type IgnoredMatch,
  type Settings,
} from './settings-schema';

const local = () => extensionApi().storage.local;

export { readStorage, type StoredItems } from './settings-read';

/**
 * Our keys of `storage.local`, with the single object of older versions split into keys first. `stored`: a read of
 * the area made by the caller, else one is made now.
 */
async function readItems(stored?: Promise<StoredItems>): Promise<Record<string, unknown>> {
  const all = await (stored ?? readStorage());
  const items: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(all)) if (k.startsWith(SETTINGS_PREFIX)) items[k] = v;
  if (!(LEGACY_KEY in all) && !(`${LEGACY_KEY}$` in all)) return items;
  return migrateLegacy(all[LEGACY_KEY], items);
}

/**
 * Versions before per-key storage kept every setting in one object (`settings`, with WXT's `settings$`
 * version record). Its fields are repaired like any stored value and written to their keys, except where a key
 * already holds a value (written since, so newer); then the object and its version record are removed. Two
 * contexts doing this at once write the same values.
 */
async function migrateLegacy(legacy: unknown, items: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (legacy !== undefined) {
    const fromLegacy = settingsToStorage(parseSettings(legacy), (i) => i);
    const missing: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fromLegacy)) {
      const isEntry = k.startsWith(NOT_THIS_PREFIX);
      if (isEntry ? k in items : items[k] !== undefined) continue;
      missing[k] = v;
    }
    await local().set(missing);
    Object.assign(items, missing);
  }
  await local().remove([LEGACY_KEY, `${LEGACY_KEY}$`]);
  return items;
}

/** The current settings, validated; from `stored` when given (a read of `storage.local` made by the caller). */
export async function getSettings(stored?: Promise<StoredItems>): Promise<Settings> {
  try {
    return settingsFromStorage(await readItems(stored));
  } catch (err) {
    // Storage unavailable (extension context invalidated after an update): behave as a fresh install.
    console.warn('[dossier] could not read settings', err);
    return defaultSettings();
  }
}

// Writes from one context run one after another, so each patch function sees the result of the one before.
let writeChain: Promise<unknown> = Promise.resolve();

/**
 * Applies a patch (or a function of the current settings returning one) and stores the difference: the fields
 * that changed, the "Not this" entries added (stamped now, so they are the newest) and removed (including those
 * past `MAX_NOT_THIS_ENTRIES`). Resolves to the settings as stored.
 */
export function updateSettings(patch: Partial<Settings> | ((s: Settings) => Partial<Settings>)): Promise<Settings> {
  const run = async (): Promise<Settings> => {
    const items = await readItems();
    const current = settingsFromStorage(items);
    const delta = typeof patch === 'function' ? patch(current) : patch;
    const next = parseSettings({ ...current, ...delta });

    // New entries are stamped after every stored one, even within one millisecond, so the oldest is evicted first.
    const newest = Math.max(0, ...Object.entries(items).filter(([k]) => k.startsWith(NOT_THIS_PREFIX)).map(([, v]) => entryStamp(v)));
    const now = Math.max(Date.now(), newest + 1);
    const wanted = settingsToStorage(next, (i) => now + i / 1000);
    const set: Record<string, unknown> = {};
    // Only fields this patch changed: a field written from a stale read would undo another context's change.
    for (const field of FIELD_KEYS) {
      if (JSON.stringify(next[field]) !== JSON.stringify(current[field])) set[fieldKey(field)] = wanted[fieldKey(field)];
    }
    const keep = new Set(notThisEntryKeys(next));
    for (const key of keep) if (!(key in items)) set[key] = wanted[key];
    const remove = Object.keys(items).filter((k) => k.startsWith(NOT_THIS_PREFIX) && !keep.has(k));

    if (Object.keys(set).length) await local().set(set);
    if (remove.length) await local().remove(remove);
    for (const k of remove) delete items[k];
    return settingsFromStorage(Object.assign(items, set));
  };
  const result = writeChain.then(run, run);
  writeChain = result.catch(() => undefined);
  return result;
}

/** The fields a watcher may limit itself to. */
export type SettingsField = keyof Settings;

/**
 * Calls `cb` with the validated settings whenever they change in any context; with `fields`, only when one of
 * those changed. The storage event carries only the keys that changed, which are applied to this context's
 * copy: no read per change. `stored`: the caller's read of `storage.local` as the starting point, made in this
 * task (no change can be missed in between) or watched for changes since (src/content/early-asks.ts). Returns the
 * unwatch function.
 */
export function watchSettings(cb: (s: Settings) => void, fields?: readonly SettingsField[], stored?: Promise<StoredItems>): () => void {
  let items: Record<string, unknown> | null = null;
  let early: Record<string, { newValue?: unknown }>[] = [];
  let last = '';
  const signature = (s: Settings) => JSON.stringify(fields ? fields.map((f) => s[f]) : s);

  const apply = (changes: Record<string, { newValue?: unknown }>) => {
    for (const [k, change] of Object.entries(changes)) {
      if (!k.startsWith(SETTINGS_PREFIX)) continue;
      if (change.newValue === undefined) delete items![k];
      else items![k] = change.newValue;
    }
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !Object.keys(changes).some(isSettingsKey)) return;
    if (!items) {
      early.push(changes);
      return;
    }
    if (changes[LEGACY_KEY]?.newValue !== undefined) {
      // An older build wrote the single object: fold it in through the same migration as a read.
      void readItems().then(
        (fresh) => {
          items = fresh;
          notify();
        },
        () => undefined,
      );
      return;
    }
    apply(changes);
    notify();
  };
  const notify = () => {
    const s = settingsFromStorage(items!);
    const sig = signature(s);
    if (sig === last) return;
    last = sig;
    cb(s);
  };

  extensionApi().storage.onChanged.addListener(listener);
  void readItems(stored).then(
    (initial) => {
      items = initial;
      // Changes seen before the read are applied again: each carries its key's new value, so this is harmless.
      for (const changes of early) apply(changes);
      const hadEarly = early.length > 0;
      early = [];
      last = signature(settingsFromStorage(items));
      if (hadEarly) cb(settingsFromStorage(items));
    },
    () => undefined,
  );
  return () => extensionApi().storage.onChanged.removeListener(listener);
}
