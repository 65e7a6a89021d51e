/**
 * Words for quotation matching: the page text and the quotes are compared word by word, ignoring
 * punctuation, quotation marks, case and accents. Offsets always index the original text.
 */

/**
 * A word: letters and digits (any script), with combining marks and invisible characters a page may
 * put inside a word (soft hyphen, zero-width joiners), and inner apostrophes ("don't", "Russia’s").
 * Hyphens and dots split words ("U.S.-backed" → u, s, backed) on both sides alike.
 */
const WORD_CHAR_RE = /[\p{L}\p{N}\p{M}\u00ad\u200b-\u200d\u2060\ufeff]/u;
const NON_ASCII_RE = /[^\u0000-\u007f]/;
const COMBINING_OR_IGNORABLE_RE = /[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]/g;
const APOSTROPHE_RE = /[\u2019\u02bc]/g;

const NO_WORDS: ReadonlyMap<string, number> = new Map();
const NO_ANCHORS = new Uint8Array(0);

/**
 * Word-character class of every UTF-16 code unit, filled lazily: 0 unknown, 1 word, 2 not.
 * A char-code loop with this table is about four times faster than a Unicode regular expression.
 */
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) CLASS[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 2;
// Surrogates: a pair is classified as a whole in isWordAt.
for (let c = 0xd800; c <= 0xdfff; c++) CLASS[c] = 3;

function isWordAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  let cls = CLASS[code]!;
  if (cls === 0) {
    cls = WORD_CHAR_RE.test(text[i]!) ? 1 : 2;
    CLASS[code] = cls;
  }
  if (cls === 3) return WORD_CHAR_RE.test(String.fromCodePoint(text.codePointAt(i) ?? 0));
  return cls === 1;
}

/** The words of a text: parallel arrays of comparison keys and their [start, end) offsets. */
export interface WordStream {
  keys: string[];
  starts: number[];
  ends: number[];
}

/** The comparison key of one word: lower case, accents dropped, typographic apostrophes as `'`. */
export function wordKey(raw: string): string {
  const lower = raw.toLowerCase();
  if (!NON_ASCII_RE.test(lower)) return lower;
  return lower.normalize('NFD').replace(COMBINING_OR_IGNORABLE_RE, '').replace(APOSTROPHE_RE, "'").normalize('NFC');
}

/** Split a text into words (one pass over its character codes). */
export function tokenizeWords(text: string): WordStream {
  const { count, starts: from, ends: to } = tokenizeIds(text, NO_WORDS, NO_ANCHORS);
  const starts = Array.from(from.subarray(0, count));
  const ends = Array.from(to.subarray(0, count));
  return { keys: starts.map((start, k) => wordKey(text.slice(start, ends[k]))), starts, ends };
}

/** The words of a text as ids (`tokenizeIds`): parallel arrays, valid up to `count`, reused by the next call. */
export interface WordIds {
  count: number;
  /** The id of each word's key, or −1 when the vocabulary does not hold it. */
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** Whether one of the words is an anchor. */
  anchored: boolean;
}

const out: WordIds = { count: 0, ids: new Int32Array(64), starts: new Int32Array(64), ends: new Int32Array(64), anchored: false };

/**
 * The words of `text` (those of `tokenizeWords`) as the ids `vocabulary` gives their keys, and whether one of them is
 * an anchor (`anchors[id]` is 1). A word of ASCII letters, digits and apostrophes (the usual case on an English page)
 * is keyed from its slice, lower-cased only if it has a capital, typographic apostrophes made straight; any other
 * goes through `wordKey`. (Hashing the character codes into a table of its own tokenizes about 1.7× faster, but its
 * code does not fit the always-loaded script's size budget.)
 */
export function tokenizeIds(text: string, vocabulary: ReadonlyMap<string, number>, anchors: Uint8Array): WordIds {
  const n = text.length;
  if (out.ids.length <= n >> 1) {
    // At most one word in two characters.
    out.ids = new Int32Array(n);
    out.starts = new Int32Array(n);
    out.ends = new Int32Array(n);
  }
  const { ids, starts, ends } = out;
  let count = 0;
  let anchored = false;
  let i = 0;
  while (i < n) {
    let code = text.charCodeAt(i);
    if (code < 0x80 ? CLASS[code] !== 1 : !isWordAt(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let plain = true;
    let upper = false;
    let curly = false;
    for (;;) {
      while (i < n) {
        code = text.charCodeAt(i);
        if (code < 0x80) {
          if (CLASS[code] !== 1) break;
          if (code >= 65 && code <= 90) upper = true;
        } else if (isWordAt(text, i)) plain = false;
        else break;
        i++;
      }
      // An apostrophe between two word characters stays inside the word.
      code = text.charCodeAt(i);
      if (i + 1 < n && (code === 0x27 || code === 0x2019 || code === 0x2bc) && isWordAt(text, i + 1)) {
        curly ||= code !== 0x27;
        i++;
      } else break;
    }
    const raw = text.slice(start, i);
    const key = !plain ? wordKey(raw) : upper ? raw.toLowerCase() : raw;
    const id = vocabulary.get(curly ? key.replace(APOSTROPHE_RE, "'") : key) ?? -1;
    ids[count] = id;
    starts[count] = start;
    ends[count++] = i;
    if (anchors[id] === 1) anchored = true;
  }
  out.count = count;
  out.anchored = anchored;
  return out;
}

/**
 * Very common English words. A shingle (word pair) made only of these says nothing about which
 * quote a passage comes from ("of the", "it is"), so the candidate filter does not index it.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of to in on at by for from with as is are was were be been being it its this that these ' +
    'those there here we you he she they i me my our your his her their them us not no do does did have has had ' +
    "will would can could should may might must so than then too very just also about into over up down out what " +
    "which who whom when where why how all any some such only own same s t don't can't we'll it's that's"
  ).split(' '),
);
