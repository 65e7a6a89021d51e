/**
 * The passes of other scripts run on a text only when it holds one of the letters their names start with, which the
 * matcher learns in the same pass over the text as the letters to fold (normalize.ts, `FoldProbe`). A name in another
 * script is found wherever it stands in a long English text, after letters to fold or not, and the Latin names are
 * found the same either way.
 */
import { describe, expect, it } from 'vitest';
import { buildMatchEntries } from '../../src/core/entity-index';
import { compileMatcher } from '../../src/core/matcher';
import { dataset } from '../../src/data/dataset';

const matcher = compileMatcher(buildMatchEntries(dataset));
const found = (text: string) => matcher.scan(text).map((m) => `${m.start} ${m.text} ${m.id}`);
const ENGLISH = 'The talks went on late into the night, officials said. '.repeat(100);

describe('names in other scripts', () => {
  it('are found at the end of a long English text', () => {
    const text = `${ENGLISH}Путін`;
    expect(found(text)).toEqual([`${ENGLISH.length} Путін vladimir-putin`]);
  });

  it('are found after a letter to fold, and the Latin names around them too', () => {
    const text = `Macron spoke at the Élysée. ${ENGLISH}Зеленський and Putin`;
    const ids = matcher.scan(text).map((m) => m.id);
    expect(ids).toContain('volodymyr-zelensky');
    expect(ids).toContain('vladimir-putin');
    expect(ids).toContain('emmanuel-macron');
  });

  it('leave a text alone whose other-script letters start no name', () => {
    const text = `${ENGLISH}жжж Putin`;
    expect(found(text)).toEqual([`${ENGLISH.length + 4} Putin vladimir-putin`]);
  });

  it('are found in a text of that script alone, as in one of the two', () => {
    expect(found('Путін і Зеленський')).toEqual(['0 Путін vladimir-putin', '8 Зеленський volodymyr-zelensky']);
    expect(found('Путін і Зеленський. Putin')).toEqual(['0 Путін vladimir-putin', '8 Зеленський volodymyr-zelensky', '20 Putin vladimir-putin']);
  });
});
