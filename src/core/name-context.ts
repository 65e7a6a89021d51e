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
   * "Putin" is his).
   */
  blocked(text: string, start: number, end: number, shape: number, ownWords?: ReadonlySet<string>): boolean;
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
const DATELINE_AGENCY_RE = /^(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3})?\s*\(\s*\p{Lu}[^()\n]{0,30}\)\s*[-–—]/u;
const DATELINE_CAPS_RE = /^(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3})?\s*[-–—]/u;
const ADDRESS_RE = /^,?\s*D\.?\s?C\.?(?![\p{L}\p{N}])/u;
const CAPITAL_BEFORE_RE = /\bcapital[\p{L}]*\b[^.!?;:\n]{0,40},\s*$|\bcapital[\p{L}]*\s+$/iu;
const CAPITAL_AFTER_RE = /^,\s*(?:the\s+|la\s+|le\s+|die\s+)?(?:[\p{L}’'-]+\s+){0,3}capita[l\p{L}]*\b/iu;
const CREDIT_BEFORE_RE = /\p{Lu}[\p{L}.]*,\s*$/u;
const POSSESSIVE_RE = /^['’]s\b/;

/** Compiles the rules over the data's words. */
export function compileNameContext(words: NameContexts): NameContext {
  const lower = (list: readonly string[]) => new Set(list.map((w) => w.toLowerCase()));
  const nameHeads = new Set(words.nameHeads);
  const placeHeads = new Set([...words.nameHeads, ...words.placeHeads]);
  const headsOf = lower(words.headsOf);
  const free = lower(words.freeBefore);
  const placeBefore = lower(words.placeBefore);
  const placeAfter = lower(words.placeAfter);
  const codeAfter = lower(words.codeAfter);
  const languages = new Set(words.languages);

  return {
    blocked(text, start, end, shape, ownWords) {
      const next = wordAfter(text, end);
      // A name followed by the head of a longer name: "Washington Post", "Trump Tower", "USA Today".
      if (next.spaced && isCapitalised(next.word) && (shape & SHAPE_PLACE ? placeHeads : nameHeads).has(next.word)) return true;
      const prev = wordBefore(text, start);
      // "University of Washington", "Bank of Russia", "March on Washington".
      if (prev.spaced && (prev.word === 'of' || prev.word === 'on' || prev.word === 'the')) {
        const head = prev.word === 'the' ? wordBefore(text, prev.start) : prev;
        const before = head.word === 'of' || head.word === 'on' ? wordBefore(text, head.start) : head;
        if (before !== head && before.spaced && headsOf.has(before.word.toLowerCase())) return true;
      }
      if (shape & SHAPE_PLACE && placeBlocked(text, start, end, prev, next)) return true;
      if (shape & SHAPE_CODE && codeBlocked(text, start, end, prev, next)) return true;
      if (shape & SHAPE_SURNAME && surnameBlocked(text, prev, ownWords)) return true;
      return false;
    },
  };

  function isFree(word: string): boolean {
    return free.has(word.toLowerCase());
  }

  /** A capital city shown as the place, not the government it stands for. */
  function placeBlocked(text: string, start: number, end: number, prev: Word, next: Word): boolean {
    const tail = text.slice(end, end + 80);
    // The whole text is the name: a menu item, a logo's word, a caption; metonymy needs a sentence.
    if (onlySpaceBetween(text, 0, start) && onlySpaceBetween(text, end, text.length)) return true;
    // Datelines: "MOSCOW (Reuters) -", "WASHINGTON (AP) —", "KYIV, Ukraine —".
    if (DATELINE_AGENCY_RE.test(tail)) return true;
    if (isAllCaps(text.slice(start, end)) && DATELINE_CAPS_RE.test(tail)) return true;
    // An address: "Washington, D.C.", "Washington DC".
    if (ADDRESS_RE.test(tail)) return true;
    // "in Moscow", "east of Moscow", "в Москве" (but "in Moscow's view" is the government's).
    if (!POSSESSIVE_RE.test(tail) && prev.spaced) {
      const one = prev.word.toLowerCase();
      if (placeBefore.has(one)) return true;
      const earlier = wordBefore(text, prev.start);
      if (earlier.spaced && placeBefore.has(`${earlier.word.toLowerCase()} ${one}`)) return true;
    }
    // "the Washington area", "Moscow suburbs", "Washington-based".
    if (next.word && (next.spaced || text[end] === '-' || text[end] === '‑') && placeAfter.has(next.word.toLowerCase())) return true;
    // "la capital de Ucrania, Kiev", "the Ukrainian capital Kyiv", "Kyiv, the capital".
    const head = text.slice(Math.max(0, start - 60), start);
    if (CAPITAL_BEFORE_RE.test(head) || CAPITAL_AFTER_RE.test(tail)) return true;
    // A credit line ending with the place: "Jon Sopel, BBC News, Washington".
    if (tail.trim() === '' && CREDIT_BEFORE_RE.test(head)) return true;
    // A capitalised word right before it: a name ("George Washington") or a list of places ("Montreal Moscow").
    if (prev.spaced && LATIN_UPPER_RE.test(prev.word) && !isFree(prev.word)) return true;
    return false;
  }

  /**
   * A short code that is not the country: a pronoun in capitals, a locale, a currency, a product region. (A code
   * between capitalised words is often a name, "Global USA Green Card", but as often a title-case headline,
   * "Says US Peace Plan Could": left as a mention.)
   */
  function codeBlocked(text: string, start: number, end: number, prev: Word, next: Word): boolean {
    const written = text.slice(start, end);
    // "FOLLOW US", "CONTACT US": the pronoun in capitals (but "THE US").
    if (written === 'US' && prev.spaced && ALL_CAPS_RE.test(prev.word) && prev.word !== 'THE') return true;
    // Locales: "en-US", "en_US", "English (US)".
    const before = text.slice(Math.max(0, start - 4), start);
    if (/(?:^|[^\p{L}])[a-z]{2}[-_]$/u.test(before)) return true;
    if (text[start - 1] === '(' && text[end] === ')') {
      const lang = wordBefore(text, start - 1);
      if (languages.has(lang.word)) return true;
    }
    // Currency: "US$", "$US".
    if (text[end] === '$' || text[start - 1] === '$') return true;
    // A product's region: "EU release", "US version".
    if (next.spaced && codeAfter.has(next.word.toLowerCase())) return true;
    return false;
  }

  /**
   * A surname after another given name: "Melania Trump", "Barron Trump". Title-case headlines capitalise every
   * word ("Putin Tells Trump"), so a capitalised word that itself follows a capitalised word is not read as a name.
   */
  function surnameBlocked(text: string, prev: Word, ownWords: ReadonlySet<string> | undefined): boolean {
    if (!prev.spaced || !LATIN_UPPER_RE.test(prev.word) || isFree(prev.word)) return false;
    if (prev.word.length === 1 || ownWords?.has(prev.word)) return false;
    if (ALL_CAPS_RE.test(prev.word)) return false;
    // The end of a hyphenated word ("Un-Angry Trump Supporters") is not a given name.
    const joined = text[prev.start - 1];
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

const WORD_CHAR_RE = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return WORD_CHAR_RE.test(c);
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\u00a0' || c === '\t' || c === '\u202f';
}

/** The word right after `end` (after white space, or right after a hyphen: "Washington-based"). */
function wordAfter(text: string, end: number): Word {
  let i = end;
  while (i < text.length && isSpace(text[i])) i++;
  const spaced = i > end;
  if (!spaced && (text[i] === '-' || text[i] === '‑')) i++;
  else if (!spaced) return NONE;
  const from = i;
  while (i < text.length && isWordChar(text[i])) i++;
  return i > from ? { word: text.slice(from, i), start: from, spaced } : NONE;
}

/** The word right before `start`, across white space only; a final full stop is dropped ("Mr." → "Mr"). */
function wordBefore(text: string, start: number): Word {
  let i = start;
  while (i > 0 && isSpace(text[i - 1])) i--;
  const spaced = i < start;
  if (!spaced) return NONE;
  if (text[i - 1] === '.') i--;
  const to = i;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  return i < to ? { word: text.slice(i, to), start: i, spaced } : NONE;
}

function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0) return false;
  }
  return true;
}

function isCapitalised(word: string): boolean {
  return word.length > 0 && word[0] !== word[0]!.toLowerCase();
}

function isAllCaps(s: string): boolean {
  return s === s.toUpperCase() && s !== s.toLowerCase();
}
