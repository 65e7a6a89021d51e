/**
 * The read of `storage.local` the settings come from. There is a key per field and one per "Not this" entry, so no
 * fixed list names them; the area also holds the reader's dossier (up to thousands of saved passages), which a read of
 * the whole area would carry into every page at every load. So the keys are listed first and only the settings' keys
 * are read; a browser without `getKeys` (or where it fails) reads the whole area.
 */
import { extensionApi } from './extension-api';
import { isSettingsKey } from './settings-keys';

/** What a read of the settings' keys of `storage.local` gives (other keys, if any, are ignored by the readers). */
export type StoredItems = Record<string, unknown>;

/** `storage.local`, with `getKeys` where the browser has it. */
type LocalArea = ReturnType<typeof extensionApi>['storage']['local'] & { getKeys?: () => Promise<string[]> };

/** The settings' keys of `storage.local` and their values. */
export async function readStorage(): Promise<StoredItems> {
  const local: LocalArea = extensionApi().storage.local;
  const listed = typeof local.getKeys === 'function' ? await local.getKeys().catch(() => null) : null;
  if (listed === null) return (await local.get(null)) as StoredItems;
  const keys = listed.filter(isSettingsKey);
  return keys.length === 0 ? {} : ((await local.get(keys)) as StoredItems);
}
