/**
 * Actors the reader created, found on pages like bundled ones: their name and aliases join the name matcher
 * (`readerActorEntries`), and a mention of one gets a card that lists what the reader saved for it (`readerActorCard`).
 */
import type { ReaderActor } from '../../data/reader-dossier-schema';
import type { MentionRef, ReaderActorCard } from '../card-model';
import type { MatchEntry } from '../entity-index';
import type { PageQuote } from '../page-data';

/** What a page looks for in the reader's dossier: their saved quotations and the names of the actors they created. */
export interface ReaderPageData {
  quotes: readonly PageQuote[];
  entries: readonly MatchEntry[];
}

/** The match entries of the reader's actors: the name and every alias, once each (case aside). */
export function readerActorEntries(actors: readonly ReaderActor[]): MatchEntry[] {
  return actors.map((a) => {
    const seen = new Set<string>();
    const aliases: { text: string }[] = [];
    for (const text of [a.name, ...a.aliases]) {
      const key = text.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      aliases.push({ text });
    }
    return { id: a.id, name: a.name, category: a.category, aliases };
  });
}

/** The card of a mention of the reader's actor `actor`. */
export function readerActorCard(actor: ReaderActor, mention: MentionRef): ReaderActorCard {
  const alias = typeof mention.alias === 'string' ? mention.alias : mention.alias.text;
  return {
    kind: 'reader-actor',
    entityId: actor.id,
    category: actor.category,
    title: actor.name,
    matchedAlias: alias,
    matchedText: mention.text,
    why: mention.text === alias ? `“${alias}” is a name of ${actor.name} in your dossier.` : `“${mention.text}” matches “${alias}”, a name of ${actor.name} in your dossier.`,
    appearsIn: { count: 0, total: 0 },
    footer: null,
  };
}
