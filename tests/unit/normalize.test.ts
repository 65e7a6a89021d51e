import { describe, expect, it } from 'vitest';
import { foldChar, foldKey, letterCount, variantsOf } from '../../src/core/normalize';

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

describe('foldChar and variantsOf', () => {
  it('maps variants to their key and back', () => {
    expect(foldChar('é')).toBe('e');
    expect(foldChar('’')).toBe("'");
    expect(foldChar('—')).toBe('-');
    expect(foldChar('a')).toBe('a');
    expect(foldChar('ỳ')).toBe('y');
    expect(variantsOf('E')).toEqual(expect.arrayContaining(['E', 'É', 'È', 'Ê', 'Ë']));
    expect(variantsOf('e')).not.toContain('É');
    expect(variantsOf("'")).toEqual(expect.arrayContaining(["'", '’', 'ʼ']));
    expect(variantsOf('и')).toEqual(['и']);
  });
});

describe('letterCount', () => {
  it('counts letters of any script, not punctuation', () => {
    expect(letterCount('U.S.')).toBe(2);
    expect(letterCount('Київ')).toBe(4);
    expect(letterCount('Élysée Palace')).toBe(12);
  });
});
