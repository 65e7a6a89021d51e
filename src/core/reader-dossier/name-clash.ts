/**
 * A name of the reader's own actor that is already a name of a bundled actor. The name matcher takes the bundled
 * entries first and gives a mention to the first entry holding its alias, so under that name the page keeps
 * highlighting the bundled actor (with its card); the reader's actor is found only under its other names.
 */
import type { ActorRef } from '../../data/reader-dossier-schema';
import { aliasKey } from '../normalize';

/** An actor as the save dialog and the Your dossier page list it. */
export interface ClashCandidate {
  ref: ActorRef;
  name: string;
  aliases: readonly string[];
}

/** One of the reader's names, and the bundled actor that keeps it. */
export interface NameClash {
  /** The name as the reader wrote it. */
  name: string;
  /** The bundled actor that is highlighted under it. */
  owner: { id: string; name: string };
}

/** What the reader's names come to: those a bundled actor keeps, and those that stay the reader's. */
export interface NameClashes {
  clashes: NameClash[];
  /** The names under which the reader's actor is highlighted. */
  own: string[];
}

/**
 * Compares the reader's names (an actor's name and aliases) with every name and alias of the bundled actors among
 * `actors`, case, accents and dashes folded as the data's own alias checks fold them. Blank and repeated names are
 * dropped.
 */
export function nameClashes(names: readonly string[], actors: readonly ClashCandidate[]): NameClashes {
  const owners = new Map<string, { id: string; name: string }>();
  for (const a of actors) {
    if (a.ref.type !== 'bundled') continue;
    for (const text of [a.name, ...a.aliases]) {
      const key = aliasKey(text);
      if (!owners.has(key)) owners.set(key, { id: a.ref.id, name: a.name });
    }
  }
  const out: NameClashes = { clashes: [], own: [] };
  const seen = new Set<string>();
  for (const raw of names) {
    const name = raw.trim();
    const key = aliasKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    const owner = owners.get(key);
    if (owner) out.clashes.push({ name, owner });
    else out.own.push(name);
  }
  return out;
}
