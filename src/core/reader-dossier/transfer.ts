/**
 * The export file (docs/reader-dossier.md#export-file) and its import: one versioned JSON format, validated with
 * zod on the way in. Import either merges the whole file or changes nothing: a malformed or foreign file gets one
 * sentence saying what is wrong.
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
import { duplicateKey, FULL_MESSAGE } from './store';

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

/** The outcome of reading an export file. */
export type ParsedExport = { ok: true; file: ExportFile } | { ok: false; error: string };

function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : 'the file';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  return `${where}: ${issue.message}${more}`;
}

/** Reads the text of an export file: JSON, a Dossier export, a version this build knows (migrated), valid. */
export function parseExport(text: string): ParsedExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not a Dossier export: it is not JSON.' };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || (raw as Record<string, unknown>).format !== EXPORT_FORMAT) {
    return { ok: false, error: `This file is not a Dossier export: it has no "format": "${EXPORT_FORMAT}".` };
  }
  let file = raw as Record<string, unknown>;
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, error: 'This Dossier export has no valid "version".' };
  if (version > EXPORT_VERSION) return { ok: false, error: `This Dossier export is version ${version}, made by a newer Dossier; this one reads up to version ${EXPORT_VERSION}.` };
  for (let v = version; v < EXPORT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, error: `This Dossier export is version ${version}, which this Dossier cannot read.` };
    file = step(file);
  }
  const parsed = ExportFileV1.safeParse(file);
  if (!parsed.success) return { ok: false, error: `This Dossier export is damaged, nothing was imported: ${describeIssue(parsed.error)}.` };
  const actorIds = new Set(parsed.data.actors.map((a) => a.id));
  const orphan = parsed.data.items.findIndex((i) => i.actor.type === 'reader' && !actorIds.has(i.actor.id));
  if (orphan >= 0) return { ok: false, error: `This Dossier export is damaged, nothing was imported: items[${orphan}] names an actor the file does not contain.` };
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
export function mergeExport(dossier: ReaderDossier, file: ExportFile): { ok: true; dossier: ReaderDossier; summary: MergeSummary } | { ok: false; error: string } {
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
  if (actors.length > MAX_READER_ACTORS) return { ok: false, error: `Nothing was imported: your dossier would have more than ${MAX_READER_ACTORS} actors of your own.` };

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
  if (items.length > MAX_SAVED_ITEMS) return { ok: false, error: `Nothing was imported: ${FULL_MESSAGE}` };
  return { ok: true, dossier: { actors, items }, summary: { added, duplicates, actorsAdded } };
}
