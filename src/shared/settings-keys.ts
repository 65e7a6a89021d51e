/** The keys of `storage.local` that hold the settings (the layout is described in ./settings-schema.ts). */

/** Prefix of every settings key in `storage.local`. */
export const SETTINGS_PREFIX = 'settings.';
/** The single object that held every setting before they were split into keys (read once, then removed). */
export const LEGACY_KEY = 'settings';

/** Whether `key` holds settings: a field, a "Not this" entry, or the single object of older versions and its version record. */
export function isSettingsKey(key: string): boolean {
  return key.startsWith(SETTINGS_PREFIX) || key === LEGACY_KEY || key === `${LEGACY_KEY}$`;
}
