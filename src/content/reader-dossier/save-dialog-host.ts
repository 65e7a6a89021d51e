/**
 * The page side of saving: when the background says the reader asked to save their selection (`openSaveDialog`,
 * sent only after the reader's context-menu click or keyboard command), this reads the selection as W3C selectors
 * over the page text and shows the dialog in a closed shadow root, so the page can neither read nor click it.
 * The dialog's Save goes to the background with the gesture's token; the page address is added there, not here.
 */
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { selectorsFor } from '../../core/reader-dossier/selectors';
import { MAX_SAVED_TEXT, type TextPositionSelector, type TextQuoteSelector } from '../../data/reader-dossier-schema';
import { onDossierMessage, sendDossierMessage, type OpenSaveDialogData } from '../../shared/reader-dossier-messages';
import { SaveDialog, type SelectionProblem } from '../../ui/reader-dossier/save-dialog';
import dialogCss from '../../ui/reader-dossier/save-dialog.css?inline';
import { inEditable, rangeOffsets, readPageText } from './page-text';

/** The dialog's host element. */
export const SAVE_DIALOG_HOST = 'dossier-save-dialog';
/** How long "Saved" stays on screen before the dialog closes itself. */
const CLOSE_AFTER_SAVE_MS = 1_500;

type Selection = { exact: string; selector: [TextQuoteSelector, TextPositionSelector] } | { exact: null; problem: SelectionProblem };

/** The reader's selection as selectors over the page text, or why it cannot be saved (the dialog words it). */
export function readSelection(): Selection {
  const selection = window.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  if (!range || range.collapsed) return { exact: null, problem: { code: 'noSelection' } };
  if (inEditable(range)) return { exact: null, problem: { code: 'editable' } };
  const page = readPageText();
  const at = rangeOffsets(page, range);
  if (!at) return { exact: null, problem: { code: 'noText' } };
  if (at.end - at.start > MAX_SAVED_TEXT) return { exact: null, problem: { code: 'tooLong', max: MAX_SAVED_TEXT } };
  const selector = selectorsFor(page.text, at.start, at.end);
  return { exact: selector[0].exact, selector };
}

/** Listens for `openSaveDialog` and shows the dialog. Returns the function that removes the listener and the dialog. */
export function startReaderSave(ctx: ContentScriptContext): () => void {
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let returnFocus: Element | null = null;
  let generation = 0;

  const close = () => {
    generation++;
    ui?.remove();
    ui = null;
    if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  };

  const open = async ({ token, actors }: OpenSaveDialogData) => {
    close();
    const mine = generation;
    const selection = readSelection();
    returnFocus = document.activeElement;
    const created = await createShadowRootUi<HTMLElement>(ctx, {
      name: SAVE_DIALOG_HOST,
      position: 'inline',
      anchor: () => document.body ?? document.documentElement,
      mode: 'closed',
      css: dialogCss,
      // Keys typed in the dialog must not reach the page's shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount(container) {
        const layer = document.createElement('div');
        layer.className = 'ds-layer';
        // The top layer escapes the page's stacking contexts; where unsupported, the maximal z-index holds.
        if ('showPopover' in layer) layer.setAttribute('popover', 'manual');
        container.append(layer);
        // Shown before the dialog renders: it focuses its first field as it renders, and a hidden one cannot take focus.
        if ('showPopover' in layer) (layer as HTMLElement & { showPopover(): void }).showPopover();
        render(
          h(SaveDialog, {
            exact: selection.exact,
            problem: selection.exact === null ? selection.problem : undefined,
            actors,
            onClose: close,
            onSave: async (actor, kind, note) => {
              // The dialog offers Save only with a passage; this narrows the type.
              if (selection.exact === null) throw new Error('no passage to save');
              const result = await sendDossierMessage('saveFromDialog', {
                token,
                actor,
                kind,
                ...(note.trim() ? { note } : {}),
                title: document.title.slice(0, 500),
                selector: selection.selector,
              });
              if (result?.ok) ctx.setTimeout(() => mine === generation && close(), CLOSE_AFTER_SAVE_MS);
              return result ?? undefined;
            },
          }),
          layer,
        );
        return layer;
      },
      onRemove(layer) {
        if (layer) render(null, layer);
      },
    });
    if (mine !== generation) return; // closed or reopened while it was being created
    ui = created;
    ui.mount();
  };

  const off = onDossierMessage('openSaveDialog', (data) => {
    void open(data);
    return true;
  });
  const stop = () => {
    off();
    close();
  };
  ctx.onInvalidated(stop);
  return stop;
}
