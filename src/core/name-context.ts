/**
 * Context rules a careful reader applies to a name the dictionary found (docs/matching.md, rules 11–14): a known
 * name inside a longer name is not a mention ("The Washington Post", "Trump Tower", "USA Today", "Melania Trump"),
 * a capital shown as the place is not its government (datelines, "in Moscow", "the Washington area", addresses),
 * and a short code is not the country when it is a pronoun in capitals, a locale, a currency or a product region
 * ("FOLLOW US", "en-US", "US$", "EU release"). The words come from the data (`nameContexts`); the rules are here.
 *
 * Each rule reads only the characters around the mention in the scanned text, so it costs a few character tests
 * per mention, and nothing for a mention whose neighbours are plain lower-case prose.
 */
import type { NameContexts } from '../data/schema';
import { isWordCodePoint, isWordCodeUnit } from './word-char';

/** What kind of name an alias is: decides which rules apply (bit flags). */
export const SHAPE_PLACE = 1;
/** A short code in capitals: US, U.S., USA, EU. */
export const SHAPE_CODE = 2;
/** A person's lone surname (Trump, Putin). */
export const SHAPE_SURNAME = 4;

/** The compiled rules. */
export interface NameContext {
  /**
   * Whether the mention at [start, end) of `text` is not a mention in its context. `shape` is the alias's
   * SHAPE_* flags; `ownWords` (surnames) are the other words of the person's own names (a "Vladimir V." before
   * "Putin" is his). `block`: `text` is a whole block of the page (a paragraph, a menu item), so a place that is
   * all of it is a label ("Washington" in a menu), not a government; a single text node may be only a link inside
   * a sentence.
   */
  blocked(text: string, start: number, end: number, shape: number, ownWords?: ReadonlySet<string>, block?: boolean): boolean;
  /**
   * Whether a mention of an alias with no SHAPE_* flag could be blocked at all: the word after it could begin the head
   * of a longer name, or " of ", " on ", " of the " or " on the " right before it follows a word that could end one.
   * Cheap enough to run on every mention before `blocked`.
   */
  mayBeInsideName(text: string, start: number, end: number): boolean;
}

/** The SHAPE_* flags of an alias: `place` from the data, codes and surnames from the alias and its entity. */
export function aliasShape(alias: string, place: boolean, surname: boolean): number {
  let shape = place ? SHAPE_PLACE : 0;
  if (CODE_RE.test(alias)) shape |= SHAPE_CODE;
  if (surname) shape |= SHAPE_SURNAME;
  return shape;
}

/** Up to three capital letters, each optionally followed by a full stop: US, U.S., USA, EU. */
const CODE_RE = /^(?:\p{Lu}\.?){1,3}$/u;
const LATIN_UPPER_RE = /^[A-ZÀ-ÖØ-Þ]/;
const LATIN_WORD_RE = /^[A-Za-zÀ-ÖØ-öø-ÿ]/;
const ALL_CAPS_RE = /^[A-ZÀ-ÖØ-Þ]{2,}$/;
/** Exported for the test that the dateline gate (`datelineMark`) never hides a match of these two patterns. */
export const DATELINE_AGENCY_RE = /(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3})?\s*\(\s*\p{Lu}[^()\n]{0,30}\)\s*[-–—]/uy;
export const DATELINE_CAPS_RE = /(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3})?\s*[-–—]/uy;
const ADDRESS_RE = /,?\s*D\.?\s?C\.?(?![\p{L}\p{N}])/uy;
const CAPITAL_BEFORE_RE = /^[Cc]apital[\p{L}]*(?:[^\p{L}.!?;:\n][^.!?;:\n]{0,40},\s*|\s+)$/u;
const CAPITAL_AFTER_RE = /,\s*(?:the\s+|la\s+|le\s+|die\s+)?(?:[\p{L}’'-]+\s+){0,3}capita[l\p{L}]*\b/iuy;
const CREDIT_BEFORE_RE = /\p{Lu}[\p{L}.]*,\s*$/u;

/**
 * The code unit at `i`, or −1 outside the text. The rules read the characters either side of a mention, and a
 * mention often starts or ends its text node: a `charCodeAt` past either end makes V8 throw away the optimized code
 * of the function doing it (an "out of bounds" deoptimization), again for each function, while a page's first scan
 * is running them.
 */
function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** Whether sticky `re` matches at `at`. */
function stickyTest(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** Compiles the rules over the data's words. */
export function compileNameContext(words: NameContexts): NameContext {
  const lower = (list: readonly string[]) => new Set(list.map((w) => w.toLowerCase()));
  const nameHeads = new WordSet(words.nameHeads, false);
  const placeHeads = new WordSet([...words.nameHeads, ...words.placeHeads], false);
  const headsOf = new WordSet(words.headsOf, true);
  const free = new WordSet(words.freeBefore, true);
  const placeBefore = lower(words.placeBefore);
  const placeAfter = lower(words.placeAfter);
  const codeAfter = lower(words.codeAfter);
  const languages = new Set(words.languages);

  // Two-letter filters: the first two letters of a word that may follow, the last two of a word that may precede.
  const pairs = (list: Iterable<string>, last: boolean) => {
    const filter = new PairFilter();
    for (const w of list) {
      const word = last ? w.slice(-2) : w.slice(0, 2);
      if (word.length === 2) filter.add(word.charCodeAt(0), word.charCodeAt(1));
      else filter.add(0x20, word.charCodeAt(0));
    }
    return filter;
  };
  const placeAfterPairs = pairs(placeAfter, false);
  const placeBeforeEnds = pairs(placeBefore, true);
  const codeAfterPairs = pairs(codeAfter, false);
  // The word lists compared in place, letter by letter: no word is cut out of the text, no pattern runs.
  const placeAfterWords = new PhraseList(placeAfter);
  const placeBeforeWords = new PhraseList(placeBefore);
  const codeAfterWords = new PhraseList(codeAfter);
  // The first two letters of the heads that may follow a name, the last two of those that may stand before " of ".
  const headStarts = new EdgePairs([...words.nameHeads, ...words.placeHeads], false, false);
  const headOfEnds = new EdgePairs(words.headsOf, true, true);

  return {
    blocked(text, start, end, shape, ownWords, block = false) {
      if (insideLongerName(text, start, end, shape)) return true;
      if (shape === 0) return false;
      if (shape & SHAPE_SURNAME && surnameCandidate(text, start) && surnameBlocked(text, wordBefore(text, start), ownWords)) return true;
      if (shape & SHAPE_CODE && codeBlocked(text, start, end)) return true;
      if (shape & SHAPE_PLACE && placeBlocked(text, start, end, block)) return true;
      return false;
    },
    mayBeInsideName(text, start, end) {
      const after = codeAt(text, end);
      if ((after === 32 || after === 0xa0) && headAfter(text, end + 1)) return true;
      return ofBefore(text, start) !== -1;
    },
  };

  /** Whether the word at `at` starts with a capital and with two letters that begin a head ("Post", "Tower"). */
  function headAfter(text: string, at: number): boolean {
    const c = codeAt(text, at);
    return ((c >= 65 && c <= 90) || c > 0x7f) && headStarts.may(c, codeAt(text, at + 1));
  }

  /**
   * Where the word before " of ", " on ", " of the " or " on the " ends when those stand right before `start` and the
   * word could be a head that takes them ("University of", "March on"); −1 when not.
   */
  function ofBefore(text: string, start: number): number {
    if (codeAt(text, start - 1) !== 32) return -1;
    let p = start - 1;
    // "of the ", "on the ": the rule reads a "the" only after "of" or "on".
    if (codeAt(text, p - 1) === 101 && codeAt(text, p - 2) === 104 && codeAt(text, p - 3) === 116 && codeAt(text, p - 4) === 32) p -= 4;
    const b = codeAt(text, p - 1);
    if (!((b === 102 || b === 110) && codeAt(text, p - 2) === 111 && codeAt(text, p - 3) === 32)) return -1; // "of ", "on "
    return headOfEnds.may(codeAt(text, p - 5), codeAt(text, p - 4)) ? p - 3 : -1;
  }

  /** A name inside a longer name: "Washington Post", "Trump Tower", "University of Washington", "March on Washington". */
  function insideLongerName(text: string, start: number, end: number, shape: number): boolean {
    // Most mentions stand in lower-case prose: a character or two decide, and a neighbouring word is looked up only
    // when it could matter.
    const after = codeAt(text, end);
    if ((after === 32 || after === 0xa0) && headAfter(text, end + 1) && startsCapital(text, end + 1)) {
      // A name followed by the head of a longer name: "Washington Post", "Trump Tower", "USA Today".
      if ((shape & SHAPE_PLACE ? placeHeads : nameHeads).hasAt(text, end + 1, wordEnd(text, end + 1))) return true;
    }
    // "University of Washington", "Bank of Russia", "March on Washington", "State of the …".
    const headEnd = ofBefore(text, start);
    return headEnd !== -1 && headsOf.hasAt(text, wordStart(text, headEnd), headEnd);
  }

  /** A capitalised Latin word right before, not a free word ("President"): the only case the surname rule reads further. */
  function surnameCandidate(text: string, start: number): boolean {
    if (!isSpace(text, start - 1)) return false;
    let i = start - 1;
    while (i > 0 && isSpace(text, i - 1)) i--;
    if (codeAt(text, i - 1) === 46) i--; // a full stop
    const from = wordStart(text, i);
    const c = codeAt(text, from);
    return from < i && ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7)) && !free.hasAt(text, from, i);
  }

  /** A capital city shown as the place, not the government it stands for. */
  function placeBlocked(text: string, start: number, end: number, block: boolean): boolean {
    // Ordered from the cheapest test: most places stand in prose between lower-case words and pass them all.
    const after = codeAt(text, end);
    const spaceBefore = isSpace(text, start - 1);
    // The whole block is the name: a menu item, a caption; metonymy needs a sentence.
    if (block && onlySpaceBetween(text, end, text.length) && onlySpaceBetween(text, 0, start)) return true;
    let k = end;
    while (isSpace(text, k)) k++;
    const following = codeAt(text, k);
    // Both patterns after a comma need it right after the name, then a capital ("KYIV, Ukraine", "Washington, D.C."):
    // most commas after a place are followed by a lower-case word and need neither pattern.
    const nextAfterComma = after === 44 ? charAfterComma(text, end) : -1;
    // Datelines: "MOSCOW (Reuters) -", "WASHINGTON (AP) —", "KYIV, Ukraine —". A name followed by a comma and a
    // capital is common in prose, and the first run of a dateline pattern on a page compiles it (about 2 ms for
    // either): they run only where the bracket or the dash stands where a dateline would put it.
    const agency = following === 40 || (nextAfterComma >= 65 && (nextAfterComma <= 90 || nextAfterComma >= 0x80));
    const caps = isUpperAt(text, start + 1);
    if (agency || caps) {
      const mark = datelineMark(text, end);
      if (agency && mark === 40 && stickyTest(DATELINE_AGENCY_RE, text, end)) return true;
      if (caps && (mark === 45 || mark === 0x2013 || mark === 0x2014) && stickyTest(DATELINE_CAPS_RE, text, end)) return true;
    }
    // An address: "Washington, D.C.", "Washington DC"; apposition: "Kyiv, the Ukrainian capital".
    if ((following === 68 || nextAfterComma === 68 || nextAfterComma >= 0x80) && stickyTest(ADDRESS_RE, text, end)) return true;
    if (after === 44 && indexAfter(text, 'apita', end, 60) !== -1 && stickyTest(CAPITAL_AFTER_RE, text, end)) return true;
    // "the Washington area", "Moscow suburbs", "Washington-based".
    if ((after === 32 || after === 0xa0 || after === 45 || after === 0x2011) && placeAfterPairs.has(codeAt(text, end + 1), codeAt(text, end + 2))) {
      // White space (or a hyphen: "Washington-based") and a place word.
      const at = after === 45 || after === 0x2011 ? end + 1 : skipSpaces(text, end);
      if (placeAfterWords.startsAt(text, at)) return true;
    }
    if (spaceBefore) {
      let i = start - 1;
      while (i > 0 && isSpace(text, i - 1)) i--;
      // "in Moscow", "east of Moscow", "в Москве" (but "in Moscow's view" is the government's).
      const endsHere = isWordChar(text, i - 2) ? placeBeforeEnds.has(codeAt(text, i - 2), codeAt(text, i - 1)) : placeBeforeEnds.has(0x20, codeAt(text, i - 1));
      if (after !== 39 && after !== 0x2019 && endsHere && isPlainSpace(text, i) && placeBeforeWords.endsAt(text, i)) return true;
      const prevStart = wordStart(text, i);
      const c0 = codeAt(text, prevStart);
      const upper = (c0 >= 65 && c0 <= 90) || (c0 >= 0xc0 && c0 <= 0xde && c0 !== 0xd7);
      // A capitalised word right before it: a name ("George Washington") or a list of places ("Montreal Moscow").
      if (prevStart < i && upper && !free.hasAt(text, prevStart, i)) return true;
      // "the Ukrainian capital Kyiv"; after a comma: "la capital de Ucrania, Kiev".
      const afterComma = codeAt(text, start - 2) === 44 && isUpperAt(text, wordStart(text, start - 2));
      if (((c0 | 0x20) === 99 && text.startsWith('apita', prevStart + 1)) || afterComma) {
        const capital = indexBefore(text, 'apital', start, 60);
        if (capital > 0 && CAPITAL_BEFORE_RE.test(text.slice(capital - 1, start))) return true;
      }
      // A credit line ending with the place: "Jon Sopel, BBC News, Washington".
      if (codeAt(text, start - 2) === 44 && onlySpaceBetween(text, end, text.length) && CREDIT_BEFORE_RE.test(text.slice(Math.max(0, start - 40), start))) return true;
    }
    return false;
  }



  /**
   * A short code that is not the country: a pronoun in capitals, a locale, a currency, a product region. (A code
   * between capitalised words is often a name, "Global USA Green Card", but as often a title-case headline,
   * "Says US Peace Plan Could": left as a mention.)
   */
  function codeBlocked(text: string, start: number, end: number): boolean {
    const before = codeAt(text, start - 1);
    const after = codeAt(text, end);
    // Currency: "US$", "$US".
    if (after === 36 || before === 36) return true;
    // Locales: "en-US", "en_US", "English (US)".
    if ((before === 45 || before === 95) && isLowerAscii(text, start - 2) && isLowerAscii(text, start - 3) && !isWordChar(text, start - 4)) return true;
    if (before === 40 && after === 41 && languages.has(wordBefore(text, start - 1).word)) return true;
    // A product's region: "EU release", "US version".
    if (isSpace(text, end) && codeAfterPairs.has(codeAt(text, end + 1), codeAt(text, end + 2)) && isPlainSpace(text, end) && codeAfterWords.startsAt(text, skipSpaces(text, end))) return true;
    // "FOLLOW US", "CONTACT US": the pronoun in capitals (but "THE US").
    if (isSpace(text, start - 1) && isUpperAt(text, start - 2) && end - start === 2 && text.startsWith('US', start)) {
      const prev = wordBefore(text, start);
      if (ALL_CAPS_RE.test(prev.word) && prev.word !== 'THE') return true;
    }
    return false;
  }


  /**
   * A surname after another given name: "Melania Trump", "Barron Trump". Title-case headlines capitalise every
   * word ("Putin Tells Trump"), so a capitalised word that itself follows a capitalised word is not read as a name.
   */
  function surnameBlocked(text: string, prev: Word, ownWords: ReadonlySet<string> | undefined): boolean {
    if (!prev.spaced || !LATIN_UPPER_RE.test(prev.word) || free.hasAt(text, prev.start, prev.start + prev.word.length)) return false;
    if (prev.word.length === 1 || ownWords?.has(prev.word)) return false;
    if (ALL_CAPS_RE.test(prev.word)) return false;
    // The end of a hyphenated word ("Un-Angry Trump Supporters") is not a given name.
    const joined = prev.start > 0 ? text[prev.start - 1] : "";
    if (joined === '-' || joined === '‑' || joined === '–') return false;
    const earlier = wordBefore(text, prev.start);
    if (earlier.spaced && LATIN_WORD_RE.test(earlier.word) && isCapitalised(earlier.word)) return false;
    return true;
  }
}

/** A neighbouring word: its text (letters and digits, no final full stop), where it starts, and whether only white space separates it from the name. */
interface Word {
  word: string;
  start: number;
  /** Only white space (no line break) between it and the name. */
  spaced: boolean;
}

const NONE: Word = { word: '', start: -1, spaced: false };

/** Whether the character at `i` is a letter, digit or mark (false outside the text). */
function isWordChar(text: string, i: number): boolean {
  const code = codeAt(text, i);
  return code >= 0 && isWordCodeUnit(code);
}

/** Whether the character at `i` is white space within a line (false outside the text). */
function isSpace(text: string, i: number): boolean {
  const c = codeAt(text, i);
  return c === 32 || c === 0xa0 || c === 9 || c === 0x202f;
}

/** The word right before `start`, across white space only; a final full stop is dropped ("Mr." → "Mr"). */
function wordBefore(text: string, start: number): Word {
  let i = start;
  while (i > 0 && isSpace(text, i - 1)) i--;
  const spaced = i < start;
  if (!spaced) return NONE;
  if (codeAt(text, i - 1) === 46) i--; // a full stop
  const to = i;
  while (i > 0 && isWordChar(text, i - 1)) i--;
  return i < to ? { word: text.slice(i, to), start: i, spaced } : NONE;
}

/** Whether the character at `i` is an upper-case letter (Latin, Cyrillic, Greek…). */
function isUpperAt(text: string, i: number): boolean {
  const c = codeAt(text, i);
  if (c < 0x80) return c >= 65 && c <= 90;
  const ch = text[i]!;
  return ch !== ch.toLowerCase();
}

function isLowerAscii(text: string, i: number): boolean {
  const c = codeAt(text, i);
  return c >= 97 && c <= 122;
}

/**
 * Start of the first `needle` that begins within `span` characters after `from`, or -1: a bounded `indexOf` (the
 * string's own search over a slice reads faster than a loop over its characters).
 */
function indexAfter(text: string, needle: string, from: number, span: number): number {
  const at = text.slice(from, from + span + needle.length).indexOf(needle);
  return at === -1 ? -1 : from + at;
}

/** Start of the last `needle` that begins within `span` characters before `end` and ends by `end`, or -1. */
function indexBefore(text: string, needle: string, end: number, span: number): number {
  const from = Math.max(0, end - span);
  const at = text.slice(from, end).lastIndexOf(needle);
  return at === -1 ? -1 : from + at;
}

/** Whether the text at `i` starts with a capital letter. */
function startsCapital(text: string, i: number): boolean {
  const c = codeAt(text, i);
  if (c < 0x80) return c >= 65 && c <= 90;
  const ch = text[i]!;
  return ch !== ch.toLowerCase();
}

/**
 * The character where a dateline's bracket or dash would stand after a place ending at `end`: past an optional comma
 * with up to four words ("KYIV, Ukraine —", "MOSCOW, Russia (Reuters) -") and white space. It reads more than the
 * dateline patterns would (any letter, digit, mark, full stop or surrogate for a word's), so where this is neither
 * "(" nor a dash, neither pattern can match there.
 */
export function datelineMark(text: string, end: number): number {
  let i = end;
  if (codeAt(text, i) === 44) {
    i = skipWhiteSpace(text, i + 1);
    for (let words = 0; words < 4; words++) {
      const from = i;
      while (isDatelineWordCode(codeAt(text, i))) i++;
      if (i === from) break;
      const wordEnd = i;
      i = skipWhiteSpace(text, i);
      if (i === wordEnd) break;
    }
  }
  return codeAt(text, skipWhiteSpace(text, i));
}

function isDatelineWordCode(c: number): boolean {
  return c === 46 || (c >= 0xd800 && c <= 0xdfff) || (c >= 0 && isWordCodeUnit(c));
}

/** The first position at or after `i` that is not white space as a pattern's `\s` reads it. */
function skipWhiteSpace(text: string, i: number): number {
  while (isWhiteSpaceCode(codeAt(text, i))) i++;
  return i;
}

/** A pattern's `\s`: ECMAScript's white space and line terminators. */
function isWhiteSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The character after the comma at `comma` and any ASCII white space (a non-ASCII space is returned as itself). */
function charAfterComma(text: string, comma: number): number {
  let j = comma + 1;
  let c = codeAt(text, j);
  while (c === 32 || (c >= 9 && c <= 13)) c = codeAt(text, ++j);
  return c;
}

/** Where the word ending at `end` (exclusive) starts (`end` itself when no word ends there). */
function wordStart(text: string, end: number): number {
  let i = end;
  for (;;) {
    const c = codeAt(text, i - 1); // −1 before the start of the text
    if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) i--;
    else if (c >= 0x80 && isWordChar(text, i - 1)) i--;
    else if (c >= 0x30 && c <= 0x39) i--;
    else return i;
  }
}

/** Where the word starting at `from` ends. */
function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isWordChar(text, i)) i++;
  return i;
}

function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = codeAt(text, i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0) return false;
  }
  return true;
}

function isCapitalised(word: string): boolean {
  return word.length > 0 && word[0] !== word[0]!.toLowerCase();
}

/**
 * A set of words looked up where they stand in the text, without cutting them out: bucketed by length and first
 * letter, then compared letter by letter (lower-cased when `caseless`). Most lookups end at the bucket.
 */
class WordSet {
  private readonly buckets = new Map<number, string[]>();
  /** Whether some word has this length (below 32) and ASCII first letter: most lookups end here, without hashing. */
  private readonly asciiShapes = new Uint8Array(32 * 128);

  constructor(
    words: Iterable<string>,
    private readonly caseless: boolean,
  ) {
    for (const w of words) {
      const word = caseless ? w.toLowerCase() : w;
      const key = bucketKey(word.length, word.charCodeAt(0));
      if (word.length < 32 && word.charCodeAt(0) < 128) this.asciiShapes[word.length * 128 + word.charCodeAt(0)] = 1;
      const list = this.buckets.get(key);
      if (list) list.push(word);
      else this.buckets.set(key, [word]);
    }
  }

  /** Whether the text at [from, to) is one of the words. */
  hasAt(text: string, from: number, to: number): boolean {
    if (to <= from) return false;
    const first = this.caseless ? lowerCode(text, from) : codeAt(text, from);
    const length = to - from;
    if (length < 32 && first < 128 && this.asciiShapes[length * 128 + first] === 0) return false;
    const list = this.buckets.get(bucketKey(length, first));
    if (list === undefined) return false;
    for (const word of list) {
      let k = 1;
      while (k < word.length && (this.caseless ? lowerCode(text, from + k) : codeAt(text, from + k)) === word.charCodeAt(k)) k++;
      if (k === word.length) return true;
    }
    return false;
  }
}

function bucketKey(length: number, first: number): number {
  return length * 0x10000 + first;
}

/** The lower-case form of the character at `i` (as `toLowerCase` gives it for a one-letter string). */
function lowerCode(text: string, i: number): number {
  const c = codeAt(text, i);
  if (c < 0x80) return c >= 65 && c <= 90 ? c | 0x20 : c;
  const lower = text[i]!.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : -1; // "İ" lower-cases to two characters: like no listed word
}

/**
 * Lower-case phrases ("east of", "metro area") found where they stand in the text, as whole words compared
 * case-insensitively; a space in a phrase stands for any run of spaces and no-break spaces.
 */
class PhraseList {
  private readonly byFirst = new Map<number, string[]>();
  private readonly byLast = new Map<number, string[]>();

  constructor(phrases: Iterable<string>) {
    for (const p of phrases) {
      const phrase = p.toLowerCase();
      for (const [map, key] of [
        [this.byFirst, phrase.charCodeAt(0)],
        [this.byLast, phrase.charCodeAt(phrase.length - 1)],
      ] as const) {
        const list = map.get(key);
        if (list) list.push(phrase);
        else map.set(key, [phrase]);
      }
    }
  }

  /** Whether a phrase starts at `from` and ends at the end of a word. */
  startsAt(text: string, from: number): boolean {
    const list = this.byFirst.get(lowerCode(text, from));
    if (list === undefined) return false;
    for (const phrase of list) {
      let j = from;
      let k = 0;
      for (; k < phrase.length; k++) {
        const c = phrase.charCodeAt(k);
        if (c === 32) {
          if (!isPlainSpace(text, j)) break;
          j = skipSpaces(text, j);
        } else if (j < text.length && lowerCode(text, j) === c) j++;
        else break;
      }
      if (k === phrase.length && !isWordCodePointAt(text, j)) return true;
    }
    return false;
  }

  /** Whether a phrase ends right before `end` and starts at the start of a word. */
  endsAt(text: string, end: number): boolean {
    if (end === 0) return false;
    const list = this.byLast.get(lowerCode(text, end - 1));
    if (list === undefined) return false;
    for (const phrase of list) {
      let j = end;
      let k = phrase.length - 1;
      for (; k >= 0; k--) {
        const c = phrase.charCodeAt(k);
        if (c === 32) {
          if (!isPlainSpace(text, j - 1)) break;
          while (isPlainSpace(text, j - 1)) j--;
        } else if (j > 0 && lowerCode(text, j - 1) === c) j--;
        else break;
      }
      if (k < 0 && !isWordCodePointBefore(text, j)) return true;
    }
    return false;
  }
}

/** A space or a no-break space: what separates the words of a phrase. */
function isPlainSpace(text: string, i: number): boolean {
  const c = codeAt(text, i);
  return c === 32 || c === 0xa0;
}

/** The first position at or after `i` that is not a space or no-break space. */
function skipSpaces(text: string, i: number): number {
  while (isPlainSpace(text, i)) i++;
  return i;
}

/** Whether a letter, digit or mark starts at `i` (a whole code point: a surrogate pair is one character). */
function isWordCodePointAt(text: string, i: number): boolean {
  const c = codeAt(text, i);
  if (c >= 0xd800 && c <= 0xdbff) return isWordCodePoint(text.codePointAt(i)!);
  return isWordChar(text, i);
}

/** Whether a letter, digit or mark ends right before `i`. */
function isWordCodePointBefore(text: string, i: number): boolean {
  const c = codeAt(text, i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return isWordCodePoint(text.codePointAt(i - 2)!);
  return isWordChar(text, i - 1);
}

/**
 * The first (or last) two characters of each of a list of words: a test that rules out most words before they are
 * compared (`may` is true for every pair a listed word has there, and for some others). A character beyond ASCII, or a
 * word of one character, always says "maybe".
 */
class EdgePairs {
  private readonly ascii = new Uint8Array(128 * 128);
  private readonly always: boolean;

  constructor(
    words: Iterable<string>,
    last: boolean,
    private readonly caseless: boolean,
  ) {
    let always = false;
    for (const w of words) {
      if (w.length < 2) always = true;
      else this.add(w.charCodeAt(last ? w.length - 2 : 0), w.charCodeAt(last ? w.length - 1 : 1));
    }
    this.always = always;
  }

  /** `a` and `b`: the two characters of the text where a word's two would stand (−1 outside the text). */
  may(a: number, b: number): boolean {
    if (this.always || a >= 0x80 || b >= 0x80) return true;
    if (a < 0 || b < 0) return false;
    return this.ascii[this.fold(a) * 128 + this.fold(b)] === 1;
  }

  private add(a: number, b: number): void {
    if (a < 0x80 && b < 0x80) this.ascii[this.fold(a) * 128 + this.fold(b)] = 1;
  }

  /** Case-insensitive: A–Z as a–z (the lists hold lower-case words then). */
  private fold(c: number): number {
    return this.caseless && c >= 65 && c <= 90 ? c | 0x20 : c;
  }
}

/**
 * Pairs of letters compared case-insensitively (ASCII letters only, like `c | 0x20`): a table for ASCII pairs, a set
 * for the rest.
 */
class PairFilter {
  private readonly ascii = new Uint8Array(128 * 128);
  private readonly other = new Set<number>();

  add(a: number, b: number): void {
    const x = a | 0x20;
    const y = b | 0x20;
    if (x < 128 && y < 128) this.ascii[x * 128 + y] = 1;
    else this.other.add(x * 0x10000 + y);
  }

  has(a: number, b: number): boolean {
    // Outside the text (−1) reads as a space.
    const x = a < 0 ? 0x20 : a | 0x20;
    const y = b < 0 ? 0x20 : b | 0x20;
    return x < 128 && y < 128 ? this.ascii[x * 128 + y] === 1 : this.other.has(x * 0x10000 + y);
  }
}

