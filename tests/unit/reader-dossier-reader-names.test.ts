import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/core/matcher';
import { readerActorCard, readerActorEntries } from '../../src/core/reader-dossier/reader-names';
import { readerPageDataFor } from '../../src/shared/reader-dossier-storage';
import type { ReaderActor } from '../../src/data/reader-dossier-schema';

const NEGOTIATORS: ReaderActor = {
  id: 'reader-k1x2',
  name: 'Kremlin negotiators',
  category: 'organisations',
  aliases: ['Russian negotiators', 'kremlin negotiators'],
  createdAt: '2026-12-01T08:00:00.000Z',
};

describe("the reader's actors on pages", () => {
  it('name and aliases become one match entry, each alias once', () => {
    expect(readerActorEntries([NEGOTIATORS])).toEqual([
      { id: 'reader-k1x2', name: 'Kremlin negotiators', category: 'organisations', aliases: [{ text: 'Kremlin negotiators' }, { text: 'Russian negotiators' }] },
    ]);
  });

  it('the name matcher finds them in page text', () => {
    const matcher = compileMatcher(Object.assign(readerActorEntries([NEGOTIATORS]), { notMentions: [] }));
    const found = matcher.scan('Russian negotiators met in Geneva; Kremlin negotiators later left.');
    expect(found.map((m) => [m.id, m.text])).toEqual([
      ['reader-k1x2', 'Russian negotiators'],
      ['reader-k1x2', 'Kremlin negotiators'],
    ]);
  });

  it('the card names the actor and says the name is from the dossier', () => {
    expect(readerActorCard(NEGOTIATORS, { id: 'reader-k1x2', text: 'Russian negotiators', alias: 'Russian negotiators' })).toMatchObject({
      kind: 'reader-actor',
      entityId: 'reader-k1x2',
      title: 'Kremlin negotiators',
      category: 'organisations',
      why: '“Russian negotiators” is a name of Kremlin negotiators in your dossier.',
    });
  });

  it('only valid actors are read from a stored value', () => {
    const raw = { actors: [NEGOTIATORS, { id: 'not-reader', name: 'x' }, null], items: [] };
    expect(readerPageDataFor(raw, 'https://news.example/').entries.map((e) => e.id)).toEqual(['reader-k1x2']);
    expect(readerPageDataFor(null, 'https://news.example/')).toEqual({ quotes: [], entries: [] });
  });
});
