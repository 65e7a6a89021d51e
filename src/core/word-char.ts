/**
 * Whether a character is a letter, digit or mark: the test for a word's edge that the matcher and the context rules
 * share. One pattern for both, and a table of its answers for the code units a page has shown: a pattern with
 * Unicode properties costs a fraction of a millisecond to compile, twice (V8 interprets it first, then compiles it to
 * machine code), on the first text with a character outside ASCII, which on a news page is the first curly quote.
 */
/** Exported for the test that compares the ranges `isWordCodeUnit` knows with it. */
export const WORD_CHAR_RE = /[\p{L}\p{N}\p{M}]/u;

/** What `WORD_CHAR_RE` said of each UTF-16 code unit met so far: 0 not asked yet, 1 no, 2 yes. */
const WORD_CODE_UNITS = new Uint8Array(0x10000);

/**
 * Whether the UTF-16 code unit `code` is a letter, digit or mark on its own (a surrogate is not). The code units a
 * European news page is made of are answered by their ranges, so most pages never compile the pattern: Latin-1 and
 * the Latin extensions, the combining accents, Cyrillic, and the punctuation block (curly quotation marks, dashes,
 * spaces). A test compares these ranges with the pattern for every code unit.
 */
export function isWordCodeUnit(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  // Latin-1: the letters (but × and ÷), ª º µ, and the digits ¹ ² ³ ¼ ½ ¾.
  if (code <= 0xff) return code >= 0xc0 ? code !== 0xd7 && code !== 0xf7 : code === 0xaa || code === 0xb5 || code === 0xba || code === 0xb2 || code === 0xb3 || code === 0xb9 || (code >= 0xbc && code <= 0xbe);
  if (code <= 0x24f || (code >= 0x300 && code <= 0x36f)) return true;
  if (code >= 0x400 && code <= 0x52f) return code !== 0x482; // ҂ is a symbol
  if (code >= 0x2000 && code <= 0x206f) return false;
  let known = WORD_CODE_UNITS[code]!;
  if (known === 0) WORD_CODE_UNITS[code] = known = WORD_CHAR_RE.test(String.fromCharCode(code)) ? 2 : 1;
  return known === 2;
}

/** Whether the code point `codePoint` (outside the BMP too) is a letter, digit or mark. */
export function isWordCodePoint(codePoint: number): boolean {
  return codePoint <= 0xffff ? isWordCodeUnit(codePoint) : WORD_CHAR_RE.test(String.fromCodePoint(codePoint));
}
