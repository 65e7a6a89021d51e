import { describe, expect, it } from 'vitest';
import { diffWords } from '../../src/core/word-diff';

describe('diffWords (page wording against source wording)', () => {
  it('is one "same" run when only punctuation, case and quote marks differ', () => {
    expect(diffWords('“they’re PLAYING games — both with you”', "They're playing games, both with you")).toEqual([
      { op: 'same', text: 'they’re PLAYING games both with you' },
    ]);
  });

  it('shows a replaced word as removed (source) then added (page)', () => {
    expect(diffWords('the fighting will stop', 'the fighting will cease')).toEqual([
      { op: 'same', text: 'the fighting will' },
      { op: 'removed', text: 'cease' },
      { op: 'added', text: 'stop' },
    ]);
  });

  it('shows words the page adds and words it leaves out', () => {
    expect(
      diffWords('the Russian side has always signaled its readiness', 'The Russian side has repeatedly signaled its readiness to begin'),
    ).toEqual([
      { op: 'same', text: 'the Russian side has' },
      { op: 'removed', text: 'repeatedly' },
      { op: 'added', text: 'always' },
      { op: 'same', text: 'signaled its readiness' },
      { op: 'removed', text: 'to begin' },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffWords('', 'no compromise')).toEqual([{ op: 'removed', text: 'no compromise' }]);
    expect(diffWords('no compromise', '')).toEqual([{ op: 'added', text: 'no compromise' }]);
    expect(diffWords('', '')).toEqual([]);
  });
});
