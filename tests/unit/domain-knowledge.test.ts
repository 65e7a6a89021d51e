/**
 * One place for each piece of domain knowledge. The canonical definitions (src/core/domain-order.ts,
 * source-links.ts, sources-mentioning.ts) and the copies still elsewhere must agree until the copies are gone.
 */
import { describe, expect, it } from 'vitest';
import { POSITION_TYPE_ORDER, positionTypeRank, SIDE_ORDER, isSide } from '../../src/core/domain-order';
import { sourceCardPath } from '../../src/core/source-links';
import { sourcePassages, sourcesMentioning } from '../../src/core/sources-mentioning';
import { SIDE_ORDER as TRACKER_SIDE_ORDER, sourceHref } from '../../src/core/tracker-model';
import { data } from '../../src/data/index';
import { localeMessages } from '../setup/locale-messages';

describe('orders', () => {
  it('sides: briefing order, the same as the tracker list, each with its name in the interface', async () => {
    expect(SIDE_ORDER).toEqual(['russia', 'ukraine', 'usa', 'europe', 'other']);
    const english = await localeMessages('en');
    expect(SIDE_ORDER.filter((s) => !english.get(`side_${s}`))).toEqual([]);
    expect(TRACKER_SIDE_ORDER).toEqual([...SIDE_ORDER]);
    expect(isSide('usa')).toBe(true);
    expect(isSide('mars')).toBe(false);
  });

  it('position types: what is asked before what is said, one rank each, each with its name in the interface', async () => {
    const english = await localeMessages('en');
    expect(POSITION_TYPE_ORDER.filter((t) => !english.get(`positionType_${t}`))).toEqual([]);
    expect(POSITION_TYPE_ORDER.map(positionTypeRank)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(positionTypeRank('demand')).toBeLessThan(positionTypeRank('claim'));
  });
});

describe('source card links', () => {
  it('one path shape, with the excerpt anchor when there is one, escaped', () => {
    expect(sourceCardPath('reuters-1')).toBe('/sources.html?id=reuters-1');
    expect(sourceCardPath('a b', 'x-1')).toBe('/sources.html?id=a%20b#x-1');
    for (const s of data.sources) {
      expect(sourceHref(s.id)).toBe(sourceCardPath(s.id));
    }
  });
});

describe('sources that mention an entity, by the matcher', () => {
  const passages = sourcePassages(data);
  const found = sourcesMentioning(data, passages);

  it('reads every passage of every source', () => {
    expect(new Set(passages.map((p) => p.source))).toEqual(new Set(data.sources.map((s) => s.id)));
    expect(passages.every((p) => p.text.length > 0)).toBe(true);
  });

  it('finds each actor and region in the sources whose passages name it as the page matcher does, and only there', () => {
    for (const entity of [...data.actors, ...data.regions]) {
      const sources = found.get(entity.id) ?? new Set<string>();
      for (const id of sources) expect(data.sources.some((s) => s.id === id)).toBe(true);
      // A passage that writes the entity's own name counts for its source.
      for (const p of passages) {
        if (new RegExp(`(?<![\\p{L}\\p{N}])${entity.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(p.text)) {
          expect(sources.has(p.source), `${entity.id} in ${p.source}`).toBe(true);
        }
      }
    }
  });

  it('does not count a phrase that contains a name but is not a mention of it', () => {
    const moscowTimes = [{ source: 'x', text: 'Support The Moscow Times!' }];
    expect([...sourcesMentioning(data, moscowTimes).keys()]).toEqual([]);
    expect([...sourcesMentioning(data, [{ source: 'x', text: 'Moscow said no.' }]).keys()].length).toBe(1);
  });
});
