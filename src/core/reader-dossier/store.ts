/**
 * The reader's dossier as a value: every change is a pure function from one dossier to the next, so the background
 * (its one writer) applies them in order and a test can check each. Bounded: MAX_SAVED_ITEMS items.
 */
import {
  MAX_READER_ACTORS,
  MAX_SAVED_ITEMS,
  SavedItem,
  ReaderActor,
  type ActorRef,
  type ReaderActorCategory,
  type ReaderDossier,
  type SavedKind,
  type SavedTarget,
} from '../../data/reader-dossier-schema';
import type * as z from 'zod/mini';
import { readerActorKey } from './actors';

/**
 * Why a change could not be made, as data: the core is pure and speaks no language, so the shell that shows it
 * (src/shared/reader-dossier-words.ts) turns it into the reader's sentence. `detail` is the schema's own technical
 * wording of the first problem (a field path and zod's message).
 */
export type StoreReason =
  | { code: 'invalid'; action: 'save' | 'change' | 'createActor'; detail: string }
  | { code: 'actorMissing'; action: 'save' | 'change' }
  | { code: 'full'; max: number }
  | { code: 'actorsFull'; max: number }
  | { code: 'itemGone' };

/** A change that could not be made, and why. */
export interface StoreError {
  ok: false;
  reason: StoreReason;
}

/** The refusal of a full dossier. */
export const FULL: StoreError = { ok: false, reason: { code: 'full', max: MAX_SAVED_ITEMS } };

/** The key two saved items are the same passage under: the page (without its #fragment), the exact text, the actor. */
export function duplicateKey(item: Pick<SavedItem, 'target' | 'actor'>): string {
  const page = item.target.source.replace(/#.*$/s, '');
  return `${page}\u0000${item.target.selector[0].exact}\u0000${item.actor.type}:${item.actor.id}`;
}

/** What the reader gives when saving; the rest (id, dates) is added here. */
export interface NewItemInput {
  actor: ActorRef;
  kind: SavedKind;
  note?: string;
  target: SavedTarget;
}

function firstIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/**
 * Adds a saved item. A passage already saved for the same actor on the same page is not saved twice: the existing
 * item is returned (`duplicate`). A full dossier refuses (FULL) and is left as it was.
 */
export function addItem(
  dossier: ReaderDossier,
  input: NewItemInput,
  id: string,
  now: string,
): { ok: true; dossier: ReaderDossier; item: SavedItem; duplicate: boolean } | StoreError {
  const note = input.note?.trim();
  const parsed = SavedItem.safeParse({ id, actor: input.actor, kind: input.kind, ...(note ? { note } : {}), target: input.target, savedAt: now, updatedAt: now });
  if (!parsed.success) return { ok: false, reason: { code: 'invalid', action: 'save', detail: firstIssue(parsed.error) } };
  const item = parsed.data;
  if (item.actor.type === 'reader' && !dossier.actors.some((a) => a.id === item.actor.id)) return { ok: false, reason: { code: 'actorMissing', action: 'save' } };
  const key = duplicateKey(item);
  const existing = dossier.items.find((i) => duplicateKey(i) === key);
  if (existing) return { ok: true, dossier, item: existing, duplicate: true };
  if (dossier.items.length >= MAX_SAVED_ITEMS) return FULL;
  return { ok: true, dossier: { ...dossier, items: [...dossier.items, item] }, item, duplicate: false };
}

/** What the reader gives when creating an actor. */
export interface NewActorInput {
  name: string;
  category: ReaderActorCategory;
  aliases: readonly string[];
}

/**
 * Adds an actor the reader created. One with the same name and category (case and accents folded) is reused, so a
 * second "Add" never makes a twin; its aliases gain the new ones.
 */
export function addActor(dossier: ReaderDossier, input: NewActorInput, id: string, now: string): { ok: true; dossier: ReaderDossier; actor: ReaderActor } | StoreError {
  const aliases = [...new Set(input.aliases.map((a) => a.trim()).filter((a) => a !== '' && a !== input.name.trim()))];
  const parsed = ReaderActor.safeParse({ id, name: input.name, category: input.category, aliases, createdAt: now });
  if (!parsed.success) return { ok: false, reason: { code: 'invalid', action: 'createActor', detail: firstIssue(parsed.error) } };
  const actor = parsed.data;
  const key = readerActorKey(actor);
  const twin = dossier.actors.find((a) => readerActorKey(a) === key);
  if (twin) {
    const merged = { ...twin, aliases: [...new Set([...twin.aliases, ...actor.aliases])].slice(0, 50) };
    return { ok: true, dossier: { ...dossier, actors: dossier.actors.map((a) => (a.id === twin.id ? merged : a)) }, actor: merged };
  }
  if (dossier.actors.length >= MAX_READER_ACTORS) return { ok: false, reason: { code: 'actorsFull', max: MAX_READER_ACTORS } };
  return { ok: true, dossier: { ...dossier, actors: [...dossier.actors, actor] }, actor };
}

/** The fields of a saved item the reader can edit. */
export interface ItemEdit {
  actor?: ActorRef;
  kind?: SavedKind;
  /** An empty note removes it. */
  note?: string;
}

/** Edits a saved item; the provenance (page, text, selectors, date saved) never changes. */
export function editItem(dossier: ReaderDossier, id: string, edit: ItemEdit, now: string): { ok: true; dossier: ReaderDossier; item: SavedItem } | StoreError {
  const current = dossier.items.find((i) => i.id === id);
  if (!current) return { ok: false, reason: { code: 'itemGone' } };
  const { note: _old, ...rest } = current;
  const note = edit.note === undefined ? current.note : edit.note.trim();
  const next = { ...rest, ...(edit.actor ? { actor: edit.actor } : {}), ...(edit.kind ? { kind: edit.kind } : {}), ...(note ? { note } : {}), updatedAt: now };
  const parsed = SavedItem.safeParse(next);
  if (!parsed.success) return { ok: false, reason: { code: 'invalid', action: 'change', detail: firstIssue(parsed.error) } };
  const item = parsed.data;
  if (item.actor.type === 'reader' && !dossier.actors.some((a) => a.id === item.actor.id)) return { ok: false, reason: { code: 'actorMissing', action: 'change' } };
  return { ok: true, dossier: { ...dossier, items: dossier.items.map((i) => (i.id === id ? item : i)) }, item };
}

/** A deleted item and where it stood, for undo. */
export interface Removed {
  item: SavedItem;
  index: number;
}

/** Deletes a saved item; `removed` is what `restoreItem` needs to undo it (null when it was not there). */
export function removeItem(dossier: ReaderDossier, id: string): { dossier: ReaderDossier; removed: Removed | null } {
  const index = dossier.items.findIndex((i) => i.id === id);
  if (index < 0) return { dossier, removed: null };
  return { dossier: { ...dossier, items: dossier.items.filter((_, k) => k !== index) }, removed: { item: dossier.items[index]!, index } };
}

/** Undoes a delete: the item goes back where it stood (unless it, or the same passage, is there again). */
export function restoreItem(dossier: ReaderDossier, removed: Removed): { ok: true; dossier: ReaderDossier } | StoreError {
  const key = duplicateKey(removed.item);
  if (dossier.items.some((i) => i.id === removed.item.id || duplicateKey(i) === key)) return { ok: true, dossier };
  if (dossier.items.length >= MAX_SAVED_ITEMS) return FULL;
  const items = [...dossier.items];
  items.splice(Math.min(removed.index, items.length), 0, removed.item);
  return { ok: true, dossier: { ...dossier, items } };
}
