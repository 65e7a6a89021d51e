/**
 * The messages of the reader's dossier, validated with zod/mini on receipt (a malformed one is dropped with a
 * warning and never reaches a handler). Its own messenger, beside src/shared/messages.ts.
 *
 * background → content:  openSaveDialog({ token, actors }): the reader asked to save their selection (menu or command)
 * content → background:  saveFromDialog({ token, ... }): the dialog's Save; refused without the token of that gesture
 * dossier page → background: dossierEdit, dossierDelete, dossierRestore, dossierImport (extension pages only)
 * extension page → content:  savedOnPage(): the passages saved from this page, found again or not
 */
import * as z from 'zod/mini';
import { validatedMessaging, type ValidatedSender } from './validated-messaging';
import {
  ActorRef,
  MAX_NOTE,
  ReaderActorCategory,
  SavedItem,
  SavedKind,
  TextPositionSelector,
  TextQuoteSelector,
} from '../data/reader-dossier-schema';
import type { MergeSummary } from '../core/reader-dossier/transfer';

/** The one-time token of one reader gesture: made by the background, required by saveFromDialog. */
const Token = z.string().check(z.regex(/^[0-9a-f-]{36}$/));

const Name = z.string().check(z.trim(), z.minLength(2), z.maxLength(200));

/**
 * Most aliases of one actor the dialog is sent: every alias of every bundled actor (the most any has is under 60),
 * so the dialog can say when a new actor's name is already a bundled one.
 */
export const MAX_DIALOG_ALIASES = 200;

/** An actor to choose in the dialog. */
export const DialogActor = z.object({ ref: ActorRef, name: Name, category: ReaderActorCategory, aliases: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(MAX_DIALOG_ALIASES)), own: z.boolean() });
export type DialogActor = z.infer<typeof DialogActor>;

/** Payload of `openSaveDialog`. */
export const OpenSaveDialogData = z.object({ token: Token, actors: z.array(DialogActor).check(z.maxLength(2_000)) });
export type OpenSaveDialogData = z.infer<typeof OpenSaveDialogData>;

/** Who the dialog attributes the passage to: a listed actor, or a new one the reader creates. */
export const DialogActorChoice = z.discriminatedUnion('type', [
  z.object({ type: z.literal('existing'), ref: ActorRef }),
  z.object({ type: z.literal('new'), name: Name, category: ReaderActorCategory, aliases: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)) }),
]);
export type DialogActorChoice = z.infer<typeof DialogActorChoice>;

/** Payload of `saveFromDialog`. The page address is not in it: the background takes it from the sender. */
export const SaveFromDialogData = z.object({
  token: Token,
  actor: DialogActorChoice,
  kind: SavedKind,
  note: z.optional(z.string().check(z.maxLength(MAX_NOTE))),
  title: z.string().check(z.maxLength(500)),
  selector: z.tuple([TextQuoteSelector, TextPositionSelector]),
});
export type SaveFromDialogData = z.infer<typeof SaveFromDialogData>;

/** The outcome of a change, with the sentence the reader sees. */
export type ChangeResult = { ok: true; message: string } | { ok: false; error: string };

const ItemIdData = z.object({ id: SavedItem.shape.id });
/** Payload of `dossierEdit`. */
export const DossierEditData = z.object({
  id: SavedItem.shape.id,
  actor: z.optional(ActorRef),
  kind: z.optional(SavedKind),
  note: z.optional(z.string().check(z.maxLength(MAX_NOTE))),
});
/** Payload of `dossierRestore`: the item `dossierDelete` returned, and where it stood. */
export const DossierRestoreData = z.object({ item: SavedItem, index: z.number().check(z.int(), z.minimum(0)) });
/** Payload of `dossierImport`: the text of the chosen file (parsed and validated in the background). */
export const DossierImportData = z.object({ text: z.string().check(z.maxLength(50_000_000)) });

/** A passage saved from this page: found again (and how) or not. */
export interface SavedOnPage {
  id: string;
  found: boolean;
  how?: 'position' | 'exact' | 'context' | 'fuzzy';
}

/** The message types and their payload → response. */
export interface ReaderDossierProtocol {
  savedOnPage(): SavedOnPage[];
  openSaveDialog(data: OpenSaveDialogData): boolean;
  saveFromDialog(data: SaveFromDialogData): ChangeResult;
  dossierEdit(data: z.infer<typeof DossierEditData>): ChangeResult;
  /** The deleted item and its place, for undo; null when it was already gone. */
  dossierDelete(data: z.infer<typeof ItemIdData>): z.infer<typeof DossierRestoreData> | null;
  dossierRestore(data: z.infer<typeof DossierRestoreData>): ChangeResult;
  dossierImport(data: z.infer<typeof DossierImportData>): ({ ok: true; summary: MergeSummary } | { ok: false; error: string });
}

const payloadSchemas = {
  savedOnPage: z.undefined(),
  openSaveDialog: OpenSaveDialogData,
  saveFromDialog: SaveFromDialogData,
  dossierEdit: DossierEditData,
  dossierDelete: ItemIdData,
  dossierRestore: DossierRestoreData,
  dossierImport: DossierImportData,
} satisfies { [K in keyof ReaderDossierProtocol]: z.ZodMiniType };

const messaging = validatedMessaging<ReaderDossierProtocol>(payloadSchemas);

/** Sends a message; with `tabId`, to the content script of that tab's frame `frameId` (the top frame by default). */
export const sendDossierMessage = messaging.send;

/** What a handler may know of the sender, as the browser reports it. */
export type DossierSender = ValidatedSender;

/** Listens for one message type, validated first (see the module comment). Returns the function that removes it. */
export const onDossierMessage = messaging.on;

