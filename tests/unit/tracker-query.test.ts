import { describe, expect, it } from 'vitest';
import { parseTrackerQuery, trackerQuery } from '../../src/ui/tracker/tracker-query';

describe('tracker filter in the URL', () => {
  it('round-trips a filter through the query string', () => {
    const filter = { side: 'russia' as const, actor: 'vladimir-putin', region: 'donbas', topic: 'territory' };
    expect(trackerQuery(filter)).toBe('?side=russia&actor=vladimir-putin&region=donbas&topic=territory');
    expect(parseTrackerQuery(trackerQuery(filter))).toEqual(filter);
  });

  it('gives an empty query for no filter, and no filter for an empty query', () => {
    expect(trackerQuery({})).toBe('');
    expect(parseTrackerQuery('')).toEqual({});
  });

  it('drops unknown sides and keys', () => {
    expect(parseTrackerQuery('?side=mars&colour=red&region=crimea')).toEqual({ region: 'crimea' });
  });

  it('keeps the saved items switched off as saved=off, and on by default', () => {
    expect(trackerQuery({ saved: false, side: 'russia' })).toBe('?side=russia&saved=off');
    expect(parseTrackerQuery('?side=russia&saved=off')).toEqual({ side: 'russia', saved: false });
    expect(parseTrackerQuery('?saved=on')).toEqual({});
  });
});
