/**
 * The popover's extension side (content script → background), injected into the page-side popover by the content
 * entry, so the popover (src/content/popover) holds no extension API.
 */
import { SOURCE_CARD_PAGE, sourceCardPath } from '../core/source-links';
import type { CardModel, SourceRef } from '../core/card-model';
import { sendToBackground } from './content-messaging';
import { extensionApi } from './extension-api';
import type { GetCardData, OpenSourceData } from './messages';

/** The card for a mention, built by the background (which holds the data set). */
function requestCard(mention: GetCardData['mention']): Promise<CardModel | null> {
  return sendToBackground('getCard', { mention });
}

/** Asks the background to open a source card in a tab next to this page; a failure is logged, never thrown. */
function openSourceCard(ref: OpenSourceData): void {
  sendToBackground('openSource', ref.anchor ? { id: ref.id, anchor: ref.anchor } : { id: ref.id }).catch((err: unknown) =>
    console.warn('[dossier] could not open the source card', err),
  );
}

/** The URL of a source card (`sources.html?id=…#…`), kept as the link's href for "Copy link address". */
function sourceCardUrl(ref: SourceRef): string {
  // getURL is typed for the extension's file paths; the query and fragment go on afterwards.
  return extensionApi().runtime.getURL(SOURCE_CARD_PAGE) + sourceCardPath(ref.id, ref.anchor).slice(SOURCE_CARD_PAGE.length);
}

/** Everything the popover needs from the extension, as `createPopover` takes it. */
export const popoverServices = { getCard: requestCard, openSource: openSourceCard, sourceHref: sourceCardUrl };
