/**
 * Text folding shared by the matcher: which characters a reader treats as "the same letter".
 *
 * The matcher never rewrites the page text (offsets must index the original). Instead it folds the
 * aliases to a key and builds, for every key character, the class of text characters that fold to it
 * (see `variantsOf`). `foldKey` is also used to identify which alias a matched span stands for.
 */

/** Typographic apostrophes that stand for `'` (right/left single quote, modifier letter apostrophe, prime, ...). */
const APOSTROPHES = '\u2019\u2018\u02bc\u02b9\u2032\u00b4`';
/** Hyphens and dashes that stand for `-` (hyphen, non-breaking hyphen, figure/en/em dash, minus, ...). */
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d';
/** Horizontal spaces that stand for ` ` (tab, no-break and narrow no-break space, thin spaces, ...). */
const SPACES = '\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000';
/** Invisible characters a page may put inside a word (soft hyphen, zero-width space/joiners, word joiner, BOM). */
export const IGNORABLE_CHARS = '\u00ad\u200b\u200c\u200d\u2060\ufeff';
/** Letters whose diacritic has no Unicode decomposition but which readers treat as the base letter. */
const EXTRA_FOLDS: Record<string, string> = {
  Ø: 'O', ø: 'o', Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't',
  // Russian often writes ё as е; Ukrainian ї and й are distinct letters and are NOT folded.
  Ё: 'Е', ё: 'е',
};

/** char → the key character it folds to, for every character that folds to something else. */
const FOLD = new Map<string, string>();
/** key character → every character (itself included) that folds to it. */
const VARIANTS = new Map<string, string[]>();

function addFold(from: string, to: string): void {
  FOLD.set(from, to);
  const list = VARIANTS.get(to) ?? [to];
  if (!list.includes(from)) list.push(from);
  VARIANTS.set(to, list);
}

// Latin-1 Supplement, Latin Extended-A and B: a precomposed letter folds to its ASCII base letter.
for (let cp = 0xc0; cp <= 0x24f; cp++) {
  const ch = String.fromCharCode(cp);
  const base = ch.normalize('NFD')[0] ?? ch;
  if (base !== ch && /^[A-Za-z]$/.test(base)) addFold(ch, base);
}
for (const [from, to] of Object.entries(EXTRA_FOLDS)) addFold(from, to);
for (const ch of APOSTROPHES) addFold(ch, "'");
for (const ch of DASHES) addFold(ch, '-');
for (const ch of SPACES) addFold(ch, ' ');

const IGNORABLE_RE = new RegExp(`[${IGNORABLE_CHARS}]`, 'g');
const WHITESPACE_RUN_RE = /\s+/g;

/** The key character a single character folds to (itself when it has no variant). */
export function foldChar(ch: string): string {
  const folded = FOLD.get(ch);
  if (folded !== undefined) return folded;
  if (ch.charCodeAt(0) < 0x80) return ch;
  // Rarer precomposed Latin letters (Vietnamese, ...) fold to their base too, so that a decomposed
  // spelling the pattern accepted ("n" + combining mark) always folds back to the alias key.
  const base = ch.normalize('NFD')[0] ?? ch;
  return base !== ch && /^[A-Za-z]$/.test(base) ? base : ch;
}

/**
 * Fold a string to its matching key: NFC first (so decomposed "E\u0301" and "и\u0306" become É and й),
 * then every character to its key (É→E, ’→', –→-, no-break space→space), invisible characters and
 * remaining combining marks dropped, whitespace runs collapsed to one space. Case is kept: proper names
 * match as written.
 */
export function foldKey(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').replace(IGNORABLE_RE, '')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x300 && cp <= 0x36f) continue;
    out += foldChar(ch);
  }
  return out.replace(WHITESPACE_RUN_RE, ' ').trim();
}

/** Every character that folds to `key` (the key itself first). */
export function variantsOf(key: string): readonly string[] {
  return VARIANTS.get(key) ?? [key];
}

/** Whether the key character is a Latin letter whose decomposed accents (combining marks) a text may carry. */
export function takesCombiningMarks(key: string): boolean {
  return /^[A-Za-z]$/.test(key) || key === 'е' || key === 'Е';
}

/** Number of letters (any script) in a string: the all-caps rule only applies to aliases of at least 4. */
export function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}
