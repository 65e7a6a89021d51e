/**
 * `isWordCodeUnit` answers the code units of European news pages from their ranges and asks its pattern for the rest
 * (src/core/word-char.ts): both must say what the pattern says, for every UTF-16 code unit.
 */
import { describe, expect, it, vi } from 'vitest';
import { isWordCodePoint, isWordCodeUnit, WORD_CHAR_RE } from '../../src/core/word-char';

describe('word characters', () => {
  it('agree with the pattern for every code unit', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (isWordCodeUnit(code) !== WORD_CHAR_RE.test(String.fromCharCode(code))) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('agree with the pattern outside the BMP', () => {
    for (const codePoint of [0x1d400, 0x1f600, 0x20000, 0x1e900, 0x10ffff]) {
      expect(isWordCodePoint(codePoint), codePoint.toString(16)).toBe(WORD_CHAR_RE.test(String.fromCodePoint(codePoint)));
    }
  });

  it('answer a page of Latin, Cyrillic and curly punctuation without the pattern', async () => {
    // A fresh copy of the module: the tests above filled its table.
    vi.resetModules();
    const fresh = await import('../../src/core/word-char');
    const test = fresh.WORD_CHAR_RE.test;
    let asked = 0;
    fresh.WORD_CHAR_RE.test = (s: string) => (asked++, test.call(fresh.WORD_CHAR_RE, s));
    try {
      for (const ch of 'Zelenskyy’s “Élysée” — Київ, Łódź, naïve, Straße, №, ¼') fresh.isWordCodeUnit(ch.charCodeAt(0));
    } finally {
      fresh.WORD_CHAR_RE.test = test;
    }
    // № (U+2116) is outside the known ranges: the one question for the pattern.
    expect(asked).toBe(1);
  });
});
