import { describe, expect, it } from 'vitest';
import { foldChar, foldForScan, foldKey, foldText, letterCount } from '../../src/core/normalize';

describe('foldKey', () => {
  it('folds accents, typographic apostrophes, dashes and spaces to one key', () => {
    expect(foldKey('Élysée')).toBe('Elysee');
    expect(foldKey('E\u0301lyse\u0301e')).toBe('Elysee');
    expect(foldKey('Zelenskyy’s')).toBe("Zelenskyy's");
    expect(foldKey('Russia–Ukraine')).toBe('Russia-Ukraine');
    expect(foldKey('Vladimir\u00a0 Putin ')).toBe('Vladimir Putin');
    expect(foldKey('Dnipro\u00adpetrovsk')).toBe('Dnipropetrovsk');
    expect(foldKey('Łódź')).toBe('Lodz');
  });
  it('keeps case and letters that are not diacritic variants', () => {
    expect(foldKey('Putin')).toBe('Putin');
    expect(foldKey('putin')).not.toBe(foldKey('Putin'));
    expect(foldKey('Зеленський')).toBe('Зеленський');
    expect(foldKey('Київ')).toBe('Київ');
    expect(foldKey('Straße')).toBe('Straße');
  });
  it('composes decomposed Cyrillic letters instead of stripping them', () => {
    expect(foldKey('Зеленськии\u0306')).toBe('Зеленський');
    expect(foldKey('Алёна')).toBe('Алена');
  });
});

describe('foldChar', () => {
  it('maps variants to their key and leaves other characters alone', () => {
    expect(foldChar('é')).toBe('e');
    expect(foldChar('É')).toBe('E');
    expect(foldChar('’')).toBe("'");
    expect(foldChar('—')).toBe('-');
    expect(foldChar('ỳ')).toBe('y');
    expect(foldChar('a')).toBe('a');
    expect(foldChar('и')).toBe('и');
    expect(foldChar('ї')).toBe('ї');
  });
});

describe('foldText', () => {
  it('folds one character for one character, with no offset map, when nothing is removed', () => {
    const text = 'Élysée — Zelenskyy’s «Crimée» Путін';
    const folded = foldText(text);
    expect(folded.text).toBe("Elysee - Zelenskyy's «Crimee» Путін");
    expect(folded.text).toHaveLength(text.length);
    expect(folded.map).toBeNull();
  });
  it('returns the same string for plain ASCII text', () => {
    expect(foldText('Putin and Trump')).toEqual({ text: 'Putin and Trump', map: null });
  });
  it('removes invisible characters and decomposed accents and maps offsets back', () => {
    const text = 'Dnipro\u00adpetrovsk, E\u0301lyse\u0301e, Зеленськии\u0306!';
    const folded = foldText(text);
    expect(folded.text).toBe('Dnipropetrovsk, Elysee, Зеленський!');
    const map = folded.map!;
    expect(map).toHaveLength(folded.text.length + 1);
    // Every kept character maps to the same (folded) character of the original.
    expect(text[map[folded.text.indexOf('p', 6)]!]).toBe('p');
    expect(map[folded.text.indexOf('Elysee')]).toBe(text.indexOf('E\u0301'));
    expect(map[folded.text.indexOf('!')]).toBe(text.indexOf('!'));
    expect(map[folded.text.length]).toBe(text.length);
  });
});

describe('foldForScan', () => {
  it('folds letters one for one and leaves punctuation variants to the patterns', () => {
    const text = 'Élysée — Zelenskyy’s «Crimée» Путін Ёлка Zelenskyyʼs';
    const folded = foldForScan(text);
    expect(folded.text).toBe('Elysee — Zelenskyy’s «Crimee» Путін Елка Zelenskyy\'s');
    expect(folded.map).toBeNull();
  });
  it('keeps letters that have no fold (Æ, ß, ×) on the fast path', () => {
    expect(foldForScan('Æsir Straße 2×3')).toEqual({ text: 'Æsir Straße 2×3', map: null });
  });
  it('removes invisible characters and decomposed accents with an offset map, like foldText', () => {
    const text = 'Dnipro\u00adpetrovsk, E\u0301lyse\u0301e, Зеленськии\u0306!';
    expect(foldForScan(text)).toEqual(foldText(text));
  });
});

describe('letterCount', () => {
  it('counts letters of any script, not punctuation', () => {
    expect(letterCount('U.S.')).toBe(2);
    expect(letterCount('Київ')).toBe(4);
    expect(letterCount('Élysée Palace')).toBe(12);
  });
});
