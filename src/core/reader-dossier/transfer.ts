/**
 * The export file (docs/reader-dossier.md#export-file) and its import: one versioned JSON format, validated with
 * zod on the way in. Import either merges the whole file or changes nothing: a malformed or foreign file gets one
 * reason, which the shell words in one sentence.
 */
import type * as z from 'zod/mini';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  ExportFileV1,
  MAX_READER_ACTORS,
  MAX_SAVED_ITEMS,
  type ActorRef,
  type ExportFile,
  type ReaderDossier,
  type SavedItem,
} from '../../data/reader-dossier-schema';
import { readerActorKey } from './actors';
import { duplicateKey } from './store';

/** The export file of a dossier. */
export function toExportFile(dossier: ReaderDossier, now: string): ExportFile {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now, actors: dossier.actors, items: dossier.items };
}

/** The export file as the JSON text that is downloaded (two-space indented, so a reader can diff two exports). */
export function exportJson(dossier: ReaderDossier, now: string): string {
  return `${JSON.stringify(toExportFile(dossier, now), null, 2)}\n`;
}

/**
 * Steps from an older export version to the next: `MIGRATIONS[n]` turns a version n file into version n + 1.
 * Version 1 is the first published format, so there is none yet; a new version adds its step here.
 */
const MIGRATIONS: Record<number, (file: Record<string, unknown>) => Record<string, unknown>> = {};

/**
 * Why a file was not imported, as data (the core speaks no language; src/shared/reader-dossier-words.ts words it in
 * one line). `where` is the field's path in the file ('' for the file itself) and `message` zod's own wording.
 */
export type ImportReason =
  | { code: 'notJson' }
  | { code: 'noFormat'; format: string }
  | { code: 'noVersion' }
  | { code: 'newerVersion'; version: number; max: number }
  | { code: 'unreadableVersion'; version: number }
  | { code: 'damaged'; where: string; message: string; more: number }
  | { code: 'orphan'; index: number }
  | { code: 'tooManyActors'; max: number }
  | { code: 'full'; max: number };

/** An import refused whole, and why. */
export interface ImportError {
  ok: false;
  reason: ImportReason;
}

/** The outcome of reading an export file. */
export type ParsedExport = { ok: true; file: ExportFile } | ImportError;

function describeIssue(error: z.core.$ZodError): ImportReason {
  const issue = error.issues[0]!;
  const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return { code: 'damaged', where, message: issue.message, more: error.issues.length - 1 };
}

const refuse = (reason: ImportReason): ImportError => ({ ok: false, reason });

/** Reads the text of an export file: JSON, a Dossier export, a version this build knows (migrated), valid. */
export function parseExport(text: string): ParsedExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse({ code: 'notJson' });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || (raw as Record<string, unknown>).format !== EXPORT_FORMAT) {
    return refuse({ code: 'noFormat', format: EXPORT_FORMAT });
  }
  let file = raw as Record<string, unknown>;
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return refuse({ code: 'noVersion' });
  if (version > EXPORT_VERSION) return refuse({ code: 'newerVersion', version, max: EXPORT_VERSION });
  for (let v = version; v < EXPORT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return refuse({ code: 'unreadableVersion', version });
    file = step(file);
  }
  const parsed = ExportFileV1.safeParse(file);
  if (!parsed.success) return refuse(describeIssue(parsed.error));
  const actorIds = new Set(parsed.data.actors.map((a) => a.id));
  const orphan = parsed.data.items.findIndex((i) => i.actor.type === 'reader' && !actorIds.has(i.actor.id));
  if (orphan >= 0) return refuse({ code: 'orphan', index: orphan });
  return { ok: true, file: parsed.data };
}

/** What an import did. */
export interface MergeSummary {
  /** Items new to this dossier. */
  added: number;
  /** Items already here (same id, or the same passage of the same page for the same actor): kept once. */
  duplicates: number;
  /** Actors new to this dossier. */
  actorsAdded: number;
}

/**
 * Merges an export file into a dossier. Actors are the same when their id, or their name and category, agree; items
 * when their id or duplicateKey agree, and then the one edited last is kept. Nothing is lost: an import that would
 * pass the bounds is refused whole.
 */
export function mergeExport(dossier: ReaderDossier, file: ExportFile): { ok: true; dossier: ReaderDossier; summary: MergeSummary } | ImportError {
  const actors = [...dossier.actors];
  const actorIdMap = new Map<string, string>();
  let actorsAdded = 0;
  for (const incoming of file.actors) {
    const same = actors.find((a) => a.id === incoming.id) ?? actors.find((a) => readerActorKey(a) === readerActorKey(incoming));
    if (same) {
      actorIdMap.set(incoming.id, same.id);
      const aliases = [...new Set([...same.aliases, ...incoming.aliases])].slice(0, 50);
      if (aliases.length !== same.aliases.length) actors[actors.indexOf(same)] = { ...same, aliases };
    } else {
      actorIdMap.set(incoming.id, incoming.id);
      actors.push(incoming);
      actorsAdded++;
    }
  }
  if (actors.length > MAX_READER_ACTORS) return refuse({ code: 'tooManyActors', max: MAX_READER_ACTORS });

  const remap = (ref: ActorRef): ActorRef => (ref.type === 'reader' ? { type: 'reader', id: actorIdMap.get(ref.id) ?? ref.id } : ref);
  const items: SavedItem[] = [...dossier.items];
  const byId = new Map(items.map((item, k) => [item.id, k]));
  const byKey = new Map(items.map((item, k) => [duplicateKey(item), k]));
  let added = 0;
  let duplicates = 0;
  for (const raw of file.items) {
    const item = { ...raw, actor: remap(raw.actor) };
    const key = duplicateKey(item);
    const at = byId.get(item.id) ?? byKey.get(key);
    if (at !== undefined) {
      duplicates++;
      if (Date.parse(item.updatedAt) > Date.parse(items[at]!.updatedAt)) items[at] = { ...item, id: items[at]!.id };
      continue;
    }
    byId.set(item.id, items.length);
    byKey.set(key, items.length);
    items.push(item);
    added++;
  }
  if (items.length > MAX_SAVED_ITEMS) return refuse({ code: 'full', max: MAX_SAVED_ITEMS });
  return { ok: true, dossier: { actors, items }, summary: { added, duplicates, actorsAdded } };
}
