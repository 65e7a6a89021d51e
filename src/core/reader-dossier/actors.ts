/**
 * The actors a saved item can be attributed to: the data set's, and those the reader created. One list for the
 * save dialog's search, the dossier page's filter and the exports, so a name reads the same everywhere.
 */
import type { ActorRef, ReaderActor, ReaderActorCategory, ReaderDossier } from '../../data/reader-dossier-schema';
import type { Dataset } from '../../data/schema';
import { foldKey } from '../normalize';

/** What the reader's dossier needs to know of a bundled actor. */
export interface BundledActorInfo {
  id: string;
  name: string;
  kind: 'person' | 'institution' | 'state';
  aliases: readonly string[];
}

/** The bundled actors as the reader's dossier sees them. */
export function bundledActorInfo(actors: Dataset['actors']): BundledActorInfo[] {
  return actors.map((a) => ({ id: a.id, name: a.name, kind: a.kind, aliases: a.aliases.map((x) => x.text) }));
}

/** One actor to choose from. */
export interface ActorChoice {
  ref: ActorRef;
  name: string;
  category: ReaderActorCategory;
  aliases: readonly string[];
  /** Created by the reader (not in the bundled data). */
  own: boolean;
}

/** The key a name is searched and compared under: case, accents and dashes folded. */
function searchKey(text: string): string {
  return foldKey(text).toLowerCase();
}

/** The bundled actors (in data order), then the reader's. */
export function actorChoices(bundled: readonly BundledActorInfo[], dossier: Pick<ReaderDossier, 'actors'>): ActorChoice[] {
  return [
    ...bundled.map((a): ActorChoice => ({ ref: { type: 'bundled', id: a.id }, name: a.name, category: a.kind === 'person' ? 'people' : 'organisations', aliases: a.aliases, own: false })),
    ...dossier.actors.map((a): ActorChoice => ({ ref: { type: 'reader', id: a.id }, name: a.name, category: a.category, aliases: a.aliases, own: true })),
  ];
}

/** A stable string for an actor reference (map keys, form values). */
export function refKey(ref: ActorRef): string {
  return `${ref.type}:${ref.id}`;
}

/** The choice a reference names, or undefined (an actor no longer in the data). */
export function findChoice(choices: readonly ActorChoice[], ref: ActorRef): ActorChoice | undefined {
  const key = refKey(ref);
  return choices.find((c) => refKey(c.ref) === key);
}

/** The display name of a reference; an id the data no longer has is shown as it is, never invented. */
export function actorName(choices: readonly ActorChoice[], ref: ActorRef): string {
  return findChoice(choices, ref)?.name ?? ref.id;
}

/**
 * Choices whose name or an alias contains the query (case, accents and dashes folded), those whose name starts with
 * it first. An empty query gives every choice.
 */
export function searchActors(choices: readonly ActorChoice[], query: string, limit = Infinity): ActorChoice[] {
  const q = searchKey(query);
  if (q === '') return choices.slice(0, limit);
  const ranked: { choice: ActorChoice; rank: number; order: number }[] = [];
  choices.forEach((choice, order) => {
    const name = searchKey(choice.name);
    let rank = name.startsWith(q) ? 0 : name.includes(q) ? 1 : -1;
    if (rank < 0 && choice.aliases.some((a) => searchKey(a).includes(q))) rank = 2;
    if (rank >= 0) ranked.push({ choice, rank, order });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked.slice(0, limit).map((r) => r.choice);
}

/** The key two reader actors are the same under: folded name and category. */
export function readerActorKey(actor: Pick<ReaderActor, 'name' | 'category'>): string {
  return `${actor.category}\u0000${searchKey(actor.name)}`;
}
