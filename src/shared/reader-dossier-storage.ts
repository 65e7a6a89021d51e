/**
 * The reader's dossier in extension storage (`local:readerDossier`): one typed item on this device, never synced,
 * never sent. Every context may read it; only the background writes it (src/background/reader-dossier.ts), through
 * `createDossierWriter`, so two saves at once never overwrite each other.
 */
import { storage } from 'wxt/utils/storage';
import { emptyDossier, ReaderActor, SavedItem, type ReaderDossier } from '../data/reader-dossier-schema';
import { pageKey } from '../core/reader-dossier/page-items';
import type { ReaderPageData } from '../core/reader-dossier/reader-names';
import { readerPageDataSteps } from '../core/reader-dossier/reader-page-data';
import { runAtOnce, runInSlices } from '../core/reader-dossier/slices';

/**
 * The storage item, in its first stored shape. It declares no version and no migrations, so WXT never reads its
 * metadata key (`readerDossier$`): a damaged one can neither break reads nor log an error in every page. A later
 * shape adds `version: 2` and its migration here (WXT takes a missing version as 1); whatever a migration misses is
 * still repaired by `parseStoredDossier` on every read.
 */
export const readerDossierItem = storage.defineItem<ReaderDossier>('local:readerDossier', {
  fallback: emptyDossier(),
});

/**
 * Validates a stored value entry by entry: a damaged actor or item is left out of what is returned (and logged)
 * while every valid one is kept, so one bad entry never hides the rest. Never throws.
 */
export function parseStoredDossier(raw: unknown): ReaderDossier {
  const out = emptyDossier();
  if (raw === null || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  let dropped = 0;
  if (Array.isArray(r.actors)) {
    for (const a of r.actors) {
      const p = ReaderActor.safeParse(a);
      if (p.success) out.actors.push(p.data);
      else dropped++;
    }
  }
  if (Array.isArray(r.items)) {
    for (const i of r.items) {
      const p = SavedItem.safeParse(i);
      if (p.success) out.items.push(p.data);
      else dropped++;
    }
  }
  if (dropped > 0) console.warn(`[dossier] ${dropped} damaged entr${dropped === 1 ? 'y' : 'ies'} of the reader's dossier ignored`);
  return out;
}

/** The reader's dossier, validated; empty when storage cannot be read. */
export async function getReaderDossier(): Promise<ReaderDossier> {
  try {
    return parseStoredDossier(await readerDossierItem.getValue());
  } catch (err) {
    console.warn('[dossier] could not read the reader dossier', err);
    return emptyDossier();
  }
}

/** Calls `cb` with the validated dossier whenever it changes in any context. Returns the unwatch function. */
export function watchReaderDossier(cb: (d: ReaderDossier) => void): () => void {
  return readerDossierItem.watch((value) => cb(parseStoredDossier(value)));
}

/**
 * The valid saved items of one page, from a stored value: entries are matched by their raw page address first and
 * only those are validated, so a page with nothing saved costs a string comparison per item, not a full parse
 * (validating 5,000 items takes tens of milliseconds: too long on every page load).
 */
export function savedItemsOfPage(raw: unknown, url: string): SavedItem[] {
  const items = raw !== null && typeof raw === 'object' ? (raw as { items?: unknown }).items : undefined;
  if (!Array.isArray(items)) return [];
  const key = pageKey(url);
  const out: SavedItem[] = [];
  for (const entry of items) {
    const source = (entry as { target?: { source?: unknown } } | null)?.target?.source;
    if (typeof source !== 'string' || pageKey(source) !== key) continue;
    const p = SavedItem.safeParse(entry);
    if (p.success) out.push(p.data);
  }
  return out;
}

/** The saved items of the page at `url` (see savedItemsOfPage); none when storage cannot be read. */
export async function getSavedItemsOfPage(url: string): Promise<SavedItem[]> {
  try {
    return savedItemsOfPage(await readerDossierItem.getValue(), url);
  } catch {
    return [];
  }
}

/** Calls `cb` with the saved items of the page at `url` whenever the dossier changes. Returns the unwatch function. */
export function watchSavedItemsOfPage(url: string, cb: (items: SavedItem[]) => void): () => void {
  return readerDossierItem.watch((value) => cb(savedItemsOfPage(value, url)));
}

/** The valid saved items attributed to one actor, newest first (matched on the raw entries first, like savedItemsOfPage). */
export function savedItemsOfActor(raw: unknown, ref: { type: string; id: string }): SavedItem[] {
  const items = raw !== null && typeof raw === 'object' ? (raw as { items?: unknown }).items : undefined;
  if (!Array.isArray(items)) return [];
  const out: SavedItem[] = [];
  for (const entry of items) {
    const actor = (entry as { actor?: { type?: unknown; id?: unknown } } | null)?.actor;
    if (actor?.type !== ref.type || actor.id !== ref.id) continue;
    const p = SavedItem.safeParse(entry);
    if (p.success) out.push(p.data);
  }
  return out.sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt));
}

/** The saved items of one actor (see savedItemsOfActor); none when storage cannot be read. */
export async function getSavedItemsOfActor(ref: { type: string; id: string }): Promise<SavedItem[]> {
  try {
    return savedItemsOfActor(await readerDossierItem.getValue(), ref);
  } catch {
    return [];
  }
}

/** The reader's page data from a stored value, at once (see readerPageDataSteps). */
export function readerPageDataFor(raw: unknown, url: string): ReaderPageData {
  return runAtOnce(readerPageDataSteps(raw, url));
}

/** Milliseconds of validation per slice on a page: well under the 50 ms of a long task. */
const PAGE_SLICE_MS = 8;

/**
 * The reader's page data from a stored value, validated in slices of a few milliseconds with a timer between them:
 * a full dossier (5,000 items) takes tens of milliseconds to validate, too long for one task on every page load.
 */
export async function readerPageDataInSlices(raw: unknown, url: string): Promise<ReaderPageData> {
  const data = await runInSlices(readerPageDataSteps(raw, url), {
    pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
    now: () => performance.now(),
    budgetMs: PAGE_SLICE_MS,
  });
  return data ?? { quotes: [], entries: [] };
}

/** What the page at `url` looks for in the reader's dossier; nothing when storage cannot be read. */
export async function getReaderPageData(url: string): Promise<ReaderPageData> {
  try {
    return await readerPageDataInSlices(await readerDossierItem.getValue(), url);
  } catch {
    return { quotes: [], entries: [] };
  }
}

/** One saved item by its id, validated; null when there is none or storage cannot be read. */
export async function getSavedItem(id: string): Promise<SavedItem | null> {
  try {
    const raw = await readerDossierItem.getValue();
    const items = raw !== null && typeof raw === 'object' ? (raw as { items?: unknown }).items : undefined;
    if (!Array.isArray(items)) return null;
    const entry = items.find((i) => (i as { id?: unknown } | null)?.id === id);
    const p = SavedItem.safeParse(entry);
    return p.success ? p.data : null;
  } catch {
    return null;
  }
}

/** A change: from the current dossier to the next one (`dossier` unchanged or omitted: nothing is written) and a result. */
export type DossierChange<R> = (current: ReaderDossier) => { dossier?: ReaderDossier; result: R };

/**
 * The single writer: changes run one after another, each on the value the previous one stored, so concurrent saves
 * are applied in turn and none is lost. Only the background creates one.
 */
export function createDossierWriter(): <R>(change: DossierChange<R>) => Promise<R> {
  let chain: Promise<unknown> = Promise.resolve();
  return <R>(change: DossierChange<R>): Promise<R> => {
    const run = async (): Promise<R> => {
      const current = await getReaderDossier();
      const { dossier, result } = change(current);
      if (dossier && dossier !== current) await readerDossierItem.setValue(dossier);
      return result;
    };
    const result = chain.then(run, run);
    chain = result.catch(() => undefined);
    return result;
  };
}
