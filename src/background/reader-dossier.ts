/**
 * The background side of the reader's dossier: the only writer of `local:readerDossier`, and the only place a save
 * can start. A save starts from the reader's own gesture — the "Add to Dossier…" context-menu item on a selection
 * or the `add-to-dossier` keyboard command — which the browser delivers to the background alone. The background
 * then gives the content script of the frame holding the selection (the clicked frame, or for the command the
 * frame the selection is in) a one-time token with `openSaveDialog`; the dialog's Save must bring it back from the
 * same tab and frame within PENDING_MS. No page can send either message, and a content script without a token gets
 * a refusal, so no page can make a save happen.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { PageUrl } from '../data/reader-dossier-schema';
import { actorChoices, type BundledActorInfo } from '../core/reader-dossier/actors';
import { addActor, addItem, editItem, removeItem, restoreItem } from '../core/reader-dossier/store';
import { mergeExport, parseExport, type MergeSummary } from '../core/reader-dossier/transfer';
import { createDossierWriter, getReaderDossier } from '../shared/reader-dossier-storage';
import { MAX_DIALOG_ALIASES, onDossierMessage, sendDossierMessage, type ChangeResult, type DossierSender, type SaveFromDialogData } from '../shared/reader-dossier-messages';
import { t } from '../shared/i18n';
import { importReasonText, storeReasonText } from '../shared/reader-dossier-words';

/** The context-menu item's id. */
export const MENU_ID = 'dossier-add-selection';
/** The toolbar button's context-menu item that opens the "Your dossier" page. */
export const OPEN_MENU_ID = 'dossier-open-reader-dossier';
/** The keyboard command's name (wxt.config.ts `commands`). */
export const SAVE_COMMAND = 'add-to-dossier';
/** How long a gesture's token stays valid: time enough to fill in the dialog. */
export const PENDING_MS = 30 * 60_000;

/** A gesture waiting for its dialog's Save. In session storage, so an MV3 worker that sleeps meanwhile keeps it. */
const Pending = z.object({ token: z.string(), tabId: z.number(), frameId: z.number(), expires: z.number() });
type Pending = z.infer<typeof Pending>;
const pendingItem = storage.defineItem<Pending[]>('session:readerDossierPending', { fallback: [] });

async function readPending(now: number): Promise<Pending[]> {
  const raw = await pendingItem.getValue().catch(() => []);
  const list = z.array(Pending).safeParse(raw);
  return list.success ? list.data.filter((p) => p.expires > now) : [];
}


/** What the reader-dossier background needs from its entry point. */
export interface ReaderDossierDeps {
  /** The bundled actors (from the data set, which the entry point owns). */
  bundledActors(): readonly BundledActorInfo[];
  /** A new random id (crypto.randomUUID by default). */
  randomId?(): string;
  /** The current time (Date.now by default). */
  now?(): number;
  /** Makes the save dialog's script ready in the frame before it is asked to open (it is injected on demand). */
  prepareFrame?(tabId: number, frameId: number): Promise<unknown>;
  /**
   * The frame of the tab that holds the reader's selection, for the keyboard command (the browser says which frame
   * a context-menu click was in, but not where a command was pressed). The top frame when not given.
   */
  selectionFrame?(tabId: number): Promise<number>;
}

/** What the handler needs of a context-menu click: the item, and the frame it was in (0, the top frame, when absent). */
type MenuClick = { menuItemId: string | number; frameId?: number };

/** The handlers the browser's events call; returned so the entry point (and tests) can reach them. */
export interface ReaderDossierBackground {
  /** `contextMenus.onClicked`. */
  onMenuClicked(info: MenuClick, tab?: { id?: number }): Promise<boolean>;
  /** `commands.onCommand`. */
  onCommand(command: string, tab?: { id?: number }): Promise<boolean>;
  stop(): void;
}

/** Whether a message comes from one of the extension's own pages (the "Your dossier" page), not a content script. */
function fromExtensionPage(sender: DossierSender): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('/')) === true;
}

/** Wires the menu item, the command and the messages. Returns the handlers and the function that removes them all. */
export function startReaderDossier(deps: ReaderDossierDeps): ReaderDossierBackground {
  const randomId = deps.randomId ?? (() => crypto.randomUUID());
  const now = deps.now ?? (() => Date.now());
  const write = createDossierWriter();
  let pendingChain: Promise<unknown> = Promise.resolve();
  /** Reads, changes and stores the pending gestures, one change at a time (expired ones are dropped on the way). */
  function withPending<R>(change: (list: Pending[]) => { list?: Pending[]; result: R }): Promise<R> {
    const run = async (): Promise<R> => {
      const { list, result } = change(await readPending(now()));
      if (list) await pendingItem.setValue(list);
      return result;
    };
    const result = pendingChain.then(run, run);
    pendingChain = result.catch(() => undefined);
    return result;
  }
  // Firefox names the API `menus` and keeps `contextMenus` as an alias; both browsers have the latter.
  const menus = browser.contextMenus;

  // Menu items persist across worker restarts in Chromium, and creating one twice fails: start from none.
  // The toolbar button's menu is `action` in MV3 and `browser_action` in Firefox's MV2.
  const toolbarContext = (browser.action ? 'action' : 'browser_action') as 'action';
  void menus
    ?.removeAll()
    .then(() => {
      menus.create({ id: MENU_ID, title: t('menu.addToDossier'), contexts: ['selection'] });
      menus.create({ id: OPEN_MENU_ID, title: t('menu.yourDossier'), contexts: [toolbarContext] });
    })
    .catch((err: unknown) => console.warn('[dossier] could not add the context menu items', err));

  /** A reader gesture on frame `frameId` of tab `tabId`: a token for that frame, and the dialog in it. */
  async function beginSave(tabId: number, frameId: number): Promise<boolean> {
    const token = randomId();
    const expires = now() + PENDING_MS;
    // One pending gesture per tab: a new one, in any of its frames, replaces the last.
    await withPending((list) => ({ list: [...list.filter((p) => p.tabId !== tabId), { token, tabId, frameId, expires }], result: undefined }));
    const dossier = await getReaderDossier();
    const actors = actorChoices(deps.bundledActors(), dossier).map((c) => ({ ...c, aliases: [...c.aliases].slice(0, MAX_DIALOG_ALIASES) }));
    try {
      await deps.prepareFrame?.(tabId, frameId);
      return (await sendDossierMessage('openSaveDialog', { token, actors }, tabId, frameId)) === true;
    } catch {
      // No content script on this tab (a browser page, or a tab opened before Dossier was installed).
      return false;
    }
  }

  const onMenuClicked: ReaderDossierBackground['onMenuClicked'] = async (info, tab) => {
    if (info.menuItemId === OPEN_MENU_ID) {
      await browser.tabs.create({ url: browser.runtime.getURL('/dossier.html') });
      return true;
    }
    if (info.menuItemId !== MENU_ID || tab?.id == null) return false;
    return beginSave(tab.id, info.frameId ?? 0);
  };
  const onCommand: ReaderDossierBackground['onCommand'] = async (command, tab) => {
    if (command !== SAVE_COMMAND) return false;
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id == null) return false;
    // Where it cannot be told (a page scripts may not run in), the top frame: its dialog says what to select.
    const frameId = (await deps.selectionFrame?.(id).catch(() => 0)) ?? 0;
    return beginSave(id, frameId);
  };
  const menuListener = (info: MenuClick, tab?: { id?: number }) => void onMenuClicked(info, tab);
  const commandListener = (command: string, tab?: { id?: number }) => void onCommand(command, tab);
  menus?.onClicked.addListener(menuListener);
  browser.commands.onCommand.addListener(commandListener);

  async function save(data: SaveFromDialogData, sender: DossierSender): Promise<ChangeResult> {
    const at = now();
    // The token is taken (so it works once, even for two Saves at the same moment) and given back if the save fails.
    const gesture = await withPending((list) => {
      // Bound to the tab and the frame of the gesture: another frame of the same tab (an embedded page) cannot use it.
      const g = list.find((p) => p.token === data.token && p.tabId === sender.tabId && p.frameId === (sender.frameId ?? 0));
      return g ? { list: list.filter((p) => p !== g), result: g } : { result: null };
    });
    if (!gesture) return { ok: false, error: t('outcome.noGesture') };
    const giveBack = () => withPending((list) => ({ list: [...list, gesture], result: undefined }));
    // The page address comes from the browser (the sender: the frame's own document), never from the message.
    const source = PageUrl.safeParse(sender.url?.replace(/#.*$/s, ''));
    if (!source.success) {
      await giveBack();
      return { ok: false, error: t('outcome.notWebPage') };
    }
    const site = /^file:/i.test(source.data) ? '' : new URL(source.data).hostname;
    const stamp = new Date(at).toISOString();
    const result = await write<ChangeResult>((current) => {
      let dossier = current;
      let actor = data.actor.type === 'existing' ? data.actor.ref : null;
      if (data.actor.type === 'new') {
        const created = addActor(dossier, data.actor, `reader-${randomId()}`, stamp);
        if (!created.ok) return { result: { ok: false, error: storeReasonText(created.reason) } };
        dossier = created.dossier;
        actor = { type: 'reader', id: created.actor.id };
      }
      const added = addItem(dossier, { actor: actor!, kind: data.kind, note: data.note, target: { source: source.data, title: data.title, site, selector: data.selector } }, `item-${randomId()}`, stamp);
      if (!added.ok) return { result: { ok: false, error: storeReasonText(added.reason) } };
      return { dossier: added.dossier, result: { ok: true, message: added.duplicate ? t('outcome.duplicate') : t('outcome.saved') } };
    }).catch((err: unknown): ChangeResult => ({ ok: false, error: t('outcome.storeFailed', { detail: err instanceof Error ? err.message : String(err) }) }));
    if (!result.ok) await giveBack();
    return result;
  }

  const notFromPage: ChangeResult = { ok: false, error: t('outcome.notFromPage') };
  const stamp = () => new Date(now()).toISOString();
  const offs = [
    onDossierMessage('saveFromDialog', save),
    onDossierMessage('dossierEdit', ({ id, ...edit }, sender) => {
      if (!fromExtensionPage(sender)) return notFromPage;
      return write<ChangeResult>((d) => {
        const r = editItem(d, id, edit, stamp());
        return r.ok ? { dossier: r.dossier, result: { ok: true, message: t('outcome.changed') } } : { result: { ok: false, error: storeReasonText(r.reason) } };
      });
    }),
    onDossierMessage('dossierDelete', ({ id }, sender) => {
      if (!fromExtensionPage(sender)) return null;
      return write((d) => {
        const r = removeItem(d, id);
        return { dossier: r.dossier, result: r.removed };
      });
    }),
    onDossierMessage('dossierRestore', (removed, sender) => {
      if (!fromExtensionPage(sender)) return notFromPage;
      return write<ChangeResult>((d) => {
        const r = restoreItem(d, removed);
        return r.ok ? { dossier: r.dossier, result: { ok: true, message: t('dossier.restored') } } : { result: { ok: false, error: storeReasonText(r.reason) } };
      });
    }),
    onDossierMessage('dossierImport', ({ text }, sender) => {
      if (!fromExtensionPage(sender)) return notFromPage;
      const parsed = parseExport(text);
      if (!parsed.ok) return { ok: false as const, error: importReasonText(parsed.reason) };
      return write<{ ok: true; summary: MergeSummary } | { ok: false; error: string }>((d) => {
        const r = mergeExport(d, parsed.file);
        return r.ok ? { dossier: r.dossier, result: { ok: true, summary: r.summary } } : { result: { ok: false, error: importReasonText(r.reason) } };
      }).catch((err: unknown) => ({ ok: false as const, error: t('outcome.importStoreFailed', { detail: err instanceof Error ? err.message : String(err) }) }));
    }),
  ];

  return {
    onMenuClicked,
    onCommand,
    stop() {
      for (const off of offs) off();
      menus?.onClicked.removeListener(menuListener);
      browser.commands.onCommand.removeListener(commandListener);
    },
  };
}
