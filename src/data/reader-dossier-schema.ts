/**
 * The zod schemas of the reader's own dossier: what the reader saved from the pages they read, the actors they
 * created, and the versioned export file (docs/reader-dossier.md). The only source of these types.
 *
 * Written with `zod/mini` because the same schemas validate messages in every context, the content script included,
 * where full zod is refused by `web-ext lint` and costs size.
 */
import * as z from 'zod/mini';

/** The most items the dossier keeps: storage stays small and every list stays quick to render. */
export const MAX_SAVED_ITEMS = 5_000;
/** The most actors a reader can create. */
export const MAX_READER_ACTORS = 1_000;
/** The longest passage that can be saved (the same bound as a matched quotation's page wording). */
export const MAX_SAVED_TEXT = 10_000;
/** The longest note. */
export const MAX_NOTE = 5_000;
/** Characters of context kept on each side of a saved passage (W3C TextQuoteSelector prefix / suffix). */
export const SELECTOR_CONTEXT = 32;

/** `format` of an export file: tells a Dossier export from any other JSON. */
export const EXPORT_FORMAT = 'dossier-reader-dossier';
/** Version of the export file this build writes. Older versions are migrated on import (reader-dossier/import.ts). */
export const EXPORT_VERSION = 1;

/** Id of a bundled actor (the data set's kebab-case ids). */
export const BundledActorId = z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));
/** Id of an actor the reader created: `reader-` and a random part, so it never collides with a bundled id. */
export const ReaderActorId = z.string().check(z.maxLength(100), z.regex(/^reader-[a-z0-9]+(?:-[a-z0-9]+)*$/));
/** Id of a saved item. */
export const SavedItemId = z.string().check(z.minLength(8), z.maxLength(100), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

/** Who said the saved text, or who it is about: a bundled actor or one the reader created. */
export const ActorRef = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bundled'), id: BundledActorId }),
  z.strictObject({ type: z.literal('reader'), id: ReaderActorId }),
]);
export type ActorRef = z.infer<typeof ActorRef>;

/** The highlight category of a reader's actor: people, or organisations (institutions and states). */
export const ReaderActorCategory = z.enum(['people', 'organisations']);
export type ReaderActorCategory = z.infer<typeof ReaderActorCategory>;

const Name = z.string().check(z.trim(), z.minLength(2), z.maxLength(200));
const IsoDate = z.iso.datetime();

/** An actor the reader created: found on pages by its name and aliases, like a bundled one. */
export const ReaderActor = z.strictObject({
  id: ReaderActorId,
  name: Name,
  category: ReaderActorCategory,
  aliases: z.array(Name).check(z.maxLength(50)),
  createdAt: IsoDate,
});
export type ReaderActor = z.infer<typeof ReaderActor>;

/** What a saved item is. */
export const SavedKind = z.enum(['quote', 'reported', 'note']);
export type SavedKind = z.infer<typeof SavedKind>;

/** W3C Web Annotation TextQuoteSelector: the exact text and a little of what precedes and follows it. */
export const TextQuoteSelector = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().check(z.minLength(1), z.maxLength(MAX_SAVED_TEXT)),
  prefix: z.string().check(z.maxLength(200)),
  suffix: z.string().check(z.maxLength(200)),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

/** W3C Web Annotation TextPositionSelector: [start, end) in the page's text when it was saved (a hint on return). */
export const TextPositionSelector = z
  .strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().check(z.int(), z.minimum(0)),
    end: z.number().check(z.int(), z.minimum(1)),
  })
  .check(z.refine((s) => s.end > s.start, 'end must be after start'));
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

/** A web page address (http, https or file): nothing else is stored as provenance or shown as a link. */
export const PageUrl = z.url({ protocol: /^(?:https?|file)$/ }).check(z.maxLength(4_096));

/** Where a saved item comes from: the page, as a W3C annotation target with its two selectors. */
export const SavedTarget = z.strictObject({
  source: PageUrl,
  title: z.string().check(z.maxLength(500)),
  /** The page's hostname as the address bar shows it (empty for a file). */
  site: z.string().check(z.maxLength(253)),
  selector: z.tuple([TextQuoteSelector, TextPositionSelector]),
});
export type SavedTarget = z.infer<typeof SavedTarget>;

/** One thing the reader saved: a passage of a page, attributed to an actor, with its provenance. */
export const SavedItem = z.strictObject({
  id: SavedItemId,
  actor: ActorRef,
  kind: SavedKind,
  note: z.optional(z.string().check(z.maxLength(MAX_NOTE))),
  target: SavedTarget,
  savedAt: IsoDate,
  updatedAt: IsoDate,
});
export type SavedItem = z.infer<typeof SavedItem>;

/** The reader's dossier as it is stored: the actors they created and what they saved. */
export const ReaderDossier = z.strictObject({
  actors: z.array(ReaderActor).check(z.maxLength(MAX_READER_ACTORS)),
  items: z.array(SavedItem).check(z.maxLength(MAX_SAVED_ITEMS)),
});
export type ReaderDossier = z.infer<typeof ReaderDossier>;

/** The export file, version 1 (docs/reader-dossier.md#export-file). */
export const ExportFileV1 = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: IsoDate,
  actors: z.array(ReaderActor).check(z.maxLength(MAX_READER_ACTORS)),
  items: z.array(SavedItem).check(z.maxLength(MAX_SAVED_ITEMS)),
});
export type ExportFile = z.infer<typeof ExportFileV1>;

/** An empty dossier (a fresh install). */
export function emptyDossier(): ReaderDossier {
  return { actors: [], items: [] };
}
