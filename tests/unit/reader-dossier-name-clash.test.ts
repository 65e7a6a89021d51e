import { describe, expect, it } from 'vitest';
import { actorChoices, bundledActorInfo } from '../../src/core/reader-dossier/actors';
import { compileMatcher } from '../../src/core/matcher';
import { buildMatchEntries } from '../../src/core/entity-index';
import { nameClashes } from '../../src/core/reader-dossier/name-clash';
import { readerActorEntries } from '../../src/core/reader-dossier/reader-names';
import { dataset } from '../../src/data/dataset';

const choices = actorChoices(bundledActorInfo(dataset.actors), {
  actors: [{ id: 'reader-peskov-fan', name: 'Dmitry Peskov fan club', category: 'organisations', aliases: ['Peskov'], createdAt: '2026-12-01T08:00:00.000Z' }],
});

describe('a reader’s name that is already a bundled actor’s', () => {
  it('names the bundled actor that keeps it, and the names that stay the reader’s', () => {
    expect(nameClashes(['Peskov', 'Kremlin talkers', 'Putin'], choices)).toEqual({
      clashes: [
        { name: 'Peskov', owner: { id: 'dmitry-peskov', name: 'Dmitry Peskov' } },
        { name: 'Putin', owner: { id: 'vladimir-putin', name: 'Vladimir Putin' } },
      ],
      own: ['Kremlin talkers'],
    });
  });

  it('folds case, accents and spaces the way the data’s alias checks do; ignores blanks and repeats', () => {
    const { clashes, own } = nameClashes(['  PESKOV ', 'peskov', '', 'Zelenskiy'], choices);
    expect(clashes.map((c) => [c.name, c.owner.id])).toEqual([['PESKOV', 'dmitry-peskov'], ['Zelenskiy', 'volodymyr-zelensky']]);
    expect(own).toEqual([]);
  });

  it('does not count the reader’s own actors as owners', () => {
    expect(nameClashes(['Dmitry Peskov fan club'], choices)).toEqual({ clashes: [], own: ['Dmitry Peskov fan club'] });
  });

  it('says what the page does: the matcher gives a clashing name to the bundled actor, the other names to the reader’s', () => {
    const bundled = buildMatchEntries(dataset);
    const reader = readerActorEntries([{ id: 'reader-k', name: 'Kremlin talkers', category: 'people', aliases: ['Peskov'], createdAt: '2026-12-01T08:00:00.000Z' }]);
    const matcher = compileMatcher(Object.assign([...bundled, ...reader], { notMentions: bundled.notMentions, ...(bundled.nameContexts ? { nameContexts: bundled.nameContexts } : {}) }));
    const found = matcher.scan('Peskov said the Kremlin talkers met.').map((m) => [m.text, m.id]);
    expect(found).toContainEqual(['Peskov', 'dmitry-peskov']);
    expect(found).toContainEqual(['Kremlin talkers', 'reader-k']);
    expect(nameClashes(['Kremlin talkers', 'Peskov'], choices).clashes.map((c) => c.owner.id)).toEqual(['dmitry-peskov']);
  });
});
