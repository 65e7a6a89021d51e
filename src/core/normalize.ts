/**
 * Text folding shared by the matcher: which characters a reader treats as "the same letter".
 *
 * Aliases are folded to a key (`foldKey`) and the text is folded the same way (`foldText`) before the
 * one-pass scan. Folding the text is one character for one character (É→E, ’→', –→-) so offsets in the
 * folded text ARE offsets in the original; only when the text holds invisible characters or
 * decomposed accents (which folding removes) does `foldText` return an offset map.
 */

/** Typographic apostrophes that stand for `'` (right/left single quote, modifier letter apostrophe, prime, ...). */
export const APOSTROPHES = '\u2019\u2018\u02bc\u02b9\u2032\u00b4`';
/** Hyphens and dashes that stand for `-` (hyphen, non-breaking hyphen, figure/en/em dash, minus, ...). */
export const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d';
/** Invisible characters a page may put inside a word (soft hyphen, zero-width space/joiners, word joiner, BOM). */
const IGNORABLE_CHARS = '\u00ad\u200b\u200c\u200d\u2060\ufeff';
/** Letters whose diacritic has no Unicode decomposition but which readers treat as the base letter. */
const EXTRA_FOLDS: Record<string, string> = {
  Ø: 'O', ø: 'o', Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't',
  // Russian often writes ё as е; Ukrainian ї and й are distinct letters and are NOT folded.
  Ё: 'Е', ё: 'е',
};

/** char → the key character it folds to, for every character that folds to something else. */
const FOLD = new Map<string, string>();
function addFold(from: string, to: string): void {
  FOLD.set(from, to);
}

// Latin-1 Supplement, Latin Extended-A and B, Latin Extended Additional: a precomposed letter folds
// to its ASCII base letter.
for (const [from, to] of [[0xc0, 0x24f], [0x1e00, 0x1eff]] as const) {
  for (let cp = from; cp <= to; cp++) {
    const ch = String.fromCharCode(cp);
    const base = ch.normalize('NFD')[0] ?? ch;
    if (base !== ch && /^[A-Za-z]$/.test(base)) addFold(ch, base);
  }
}
for (const [from, to] of Object.entries(EXTRA_FOLDS)) addFold(from, to);
for (const ch of APOSTROPHES) addFold(ch, "'");
for (const ch of DASHES) addFold(ch, '-');

const IGNORABLE_RE = new RegExp(`[${IGNORABLE_CHARS}]`, 'g');
const WHITESPACE_RUN_RE = /\s+/g;
/** Printable ASCII but the backtick (an apostrophe variant), words separated by single spaces: its own key. */
const PLAIN_KEY_RE = /^[!-_a-~]+(?: [!-_a-~]+)*$/;

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
  // Most aliases are plain ASCII with single spaces: their key is themselves (the matcher folds every alias when it
  // compiles, on every page).
  if (PLAIN_KEY_RE.test(text)) return text;
  let out = '';
  for (const ch of text.normalize('NFC').replace(IGNORABLE_RE, '')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x300 && cp <= 0x36f) continue;
    out += foldChar(ch);
  }
  return out.replace(WHITESPACE_RUN_RE, ' ').trim();
}

/**
 * The key two aliases are the same name by: `foldKey` without case. The matcher's "Not this" exclusions and the
 * data's alias checks (duplicates, one entity per alias) compare by it, so they agree on what "the same" means.
 */
export function aliasKey(text: string): string {
  return foldKey(text).toLowerCase();
}

/** Number of letters (any script) in a string: the all-caps rule only applies to aliases of at least 4. */
export function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/** The text as the matcher scans it, and how to get back to offsets in the original. */
export interface FoldedText {
  text: string;
  /** Folded offset → original offset (length + 1 entries); null when the offsets are the same. */
  map: Int32Array | null;
}

/**
 * Every character `foldText` may change or remove except the invisible ones, as a few coarse ranges.
 * Measured in V8: a class listing the ~600 folded letters one by one, or one that also holds the
 * invisible characters, makes the pass about 5× slower; the rare extra hits are harmless.
 */
const FOLDABLE_RE = new RegExp(`[\\u00c0-\\u024f\\u1e00-\\u1eff\\u0300-\\u036f\\u0401\\u0451${APOSTROPHES}${DASHES}]`, 'g');
const HAS_IGNORABLE_RE = new RegExp(`[${IGNORABLE_CHARS}]`);
const IGNORABLE_SET = new Set(IGNORABLE_CHARS);

/**
 * Fold a text for scanning, character by character, keeping case: É→E, ’→', –→-, ё→е. Invisible
 * characters (soft hyphen, zero-width) and combining accents are removed, which shifts offsets: only
 * then is a `map` built (a rarer, slower path).
 */
export function foldText(text: string): FoldedText {
  let removes = false;
  const folded = text.replace(FOLDABLE_RE, (ch) => {
    const to = FOLD.get(ch);
    if (to !== undefined) return to;
    if (isCombiningMark(ch.charCodeAt(0))) removes = true;
    return ch;
  });
  return removes || HAS_IGNORABLE_RE.test(text) ? foldRemoving(text) : { text: folded, map: null };
}

/**
 * What the matcher folds: letters (accented Latin, ё, the letter-like apostrophes ʼ ʹ, combining
 * accents) and the invisible characters, in ONE class. Punctuation variants (’ ‘ – —) are left to the
 * patterns, which accept them wherever a key has `'` or `-` (`APOSTROPHE_CLASS`, `DASH_CLASS`): in
 * English news ’ and — are most of the foldable characters, and this class without them, even with
 * the invisible characters added, scans as fast as the letters alone (measured 2.4 ms per 2 MB against
 * 2.9 ms for `FOLDABLE_RE` plus 1.0 ms for the separate invisible-character test; the class holding
 * punctuation AND invisible characters takes 15 ms).
 */
const SCAN_FOLDABLE_CLASS = `\\u00c0-\\u024f\\u1e00-\\u1eff\\u0300-\\u036f\\u0401\\u0451\\u02b9\\u02bc${IGNORABLE_CHARS}`;
const SCAN_FOLDABLE_RE = new RegExp(`[${SCAN_FOLDABLE_CLASS}]`, 'g');

/** `'` and every apostrophe that folds to it, as a character class source (for the `u` flag). */
export const APOSTROPHE_CLASS = `['${APOSTROPHES}]`;
/** `-` and every dash that folds to it, as a character class source (for the `u` flag). */
export const DASH_CLASS = `[\\-${DASHES}]`;

/**
 * The text as the matcher scans it: like `foldText` but punctuation variants (’ –) are kept as
 * written, since the patterns accept them (`APOSTROPHE_CLASS`, `DASH_CLASS`); a text with nothing to
 * fold comes back as the same string. Offsets are the original's unless `map` is set (invisible
 * characters or combining accents removed; that path folds punctuation too, which the patterns also
 * accept).
 */
export function foldForScan(text: string): FoldedText {
  let removes = false;
  const folded = text.replace(SCAN_FOLDABLE_RE, (ch) => {
    const to = FOLD.get(ch);
    if (to !== undefined) return to;
    if (isCombiningMark(ch.charCodeAt(0)) || IGNORABLE_SET.has(ch)) removes = true;
    return ch;
  });
  return removes ? foldRemoving(text) : { text: folded, map: null };
}

/**
 * What `foldForScan` would change in `text`, without building anything: null when it holds characters that folding
 * removes (then only `foldForScan` will do), else the offsets of the characters that fold to another (often none).
 */
export function scanFoldPositions(text: string, probe: FoldProbe | null = null): readonly number[] | null {
  let re = probe === null ? SCAN_FOLDABLE_RE : probe.both;
  re.lastIndex = 0;
  if (probe !== null) probe.found = false;
  // Made only when a letter folds: the matcher asks this of every text node, and most have none.
  let positions: number[] | null = null;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const ch = m[0];
    if (FOLD.has(ch)) (positions ??= []).push(m.index);
    else if (isCombiningMark(ch.charCodeAt(0)) || IGNORABLE_SET.has(ch)) return null;
    if (re !== SCAN_FOLDABLE_RE && probe!.blocks[ch.charCodeAt(0) >> 7] === 1) {
      // A block of the probe's characters: whether the text holds one of them is tested once, and the rest of the
      // text is searched for the letters to fold alone.
      probe!.found = probe!.extra.test(text);
      SCAN_FOLDABLE_RE.lastIndex = re.lastIndex;
      re = SCAN_FOLDABLE_RE;
    }
  }
  return positions ?? NO_POSITIONS;
}

/**
 * Characters that `scanFoldPositions` looks out for in the same pass as the letters to fold (`found`): the matcher's
 * test for other scripts, which would otherwise read the whole of an English page a second time. The pass looks for
 * the blocks of 128 code points that hold them, as a few ranges added to its class (a class listing the characters
 * one by one scans English text at half the speed), and tests the text for the characters themselves once it meets
 * one of those blocks.
 */
export interface FoldProbe {
  /** The letters to fold and the blocks of `extra`, in one class. */
  readonly both: RegExp;
  /** 1 for each block of 128 code points that holds a character of `extra`. */
  readonly blocks: Uint8Array;
  /** A class of the characters looked out for. */
  readonly extra: RegExp;
  /** Whether the last `scanFoldPositions` found one (false when it stopped at a character folding removes). */
  found: boolean;
}

/**
 * A probe for `chars` (`extra`: a class of exactly them); null when one is ASCII or outside the Basic Multilingual
 * Plane, which the probe cannot look for without slowing every scan.
 */
export function foldProbe(chars: readonly string[], extra: RegExp): FoldProbe | null {
  const blocks = new Uint8Array(0x200);
  for (const ch of chars) {
    const code = ch.charCodeAt(0);
    if (ch.length !== 1 || code < 0x80 || (code >= 0xd800 && code <= 0xdfff)) return null;
    blocks[code >> 7] = 1;
  }
  let ranges = '';
  for (let b = 0; b < blocks.length; b++) {
    if (blocks[b] === 0 || blocks[b - 1] === 1) continue;
    let last = b;
    while (blocks[last + 1] === 1) last++;
    ranges += `${unicodeEscape(b << 7)}-${unicodeEscape((last << 7) + 127)}`;
  }
  return { both: new RegExp(`[${SCAN_FOLDABLE_CLASS}${ranges}]`, 'g'), blocks, extra, found: false };
}

function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

const NO_POSITIONS: readonly number[] = Object.freeze([]);

/** `text.slice(from, to)` folded as `foldForScan` folds it, for a range that holds no character folding removes. */
export function foldRangeForScan(text: string, from: number, to: number): string {
  return text.slice(from, to).replace(SCAN_FOLDABLE_RE, (ch) => FOLD.get(ch) ?? ch);
}

function foldRemoving(text: string): FoldedText {
  const out = new Uint16Array(text.length);
  const map = new Int32Array(text.length + 1);
  let n = 0;
  let lastRaw = ''; // the original spelling of the last output character, to compose accents onto it
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (IGNORABLE_SET.has(ch)) continue;
    if (isCombiningMark(code)) {
      // A decomposed accent: compose it with the previous letter (и + breve → й) or drop it (e + acute → e).
      const composed = (lastRaw + ch).normalize('NFC');
      if (n > 0 && composed.length === 1) {
        out[n - 1] = foldChar(composed).charCodeAt(0);
        lastRaw = composed;
      }
      continue;
    }
    const to = FOLD.get(ch);
    out[n] = to === undefined ? code : to.charCodeAt(0);
    map[n] = i;
    lastRaw = ch;
    n++;
  }
  map[n] = text.length;
  let folded = '';
  for (let i = 0; i < n; i += 8192) folded += String.fromCharCode(...out.subarray(i, Math.min(n, i + 8192)));
  return { text: folded, map: map.subarray(0, n + 1) };
}

function isCombiningMark(code: number): boolean {
  return code >= 0x300 && code <= 0x36f;
}
