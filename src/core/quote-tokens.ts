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

const NO_ANCHORS = new Uint8Array(0);

/**
 * Word-character class of every UTF-16 code unit, filled lazily: 0 unknown, 1 word, 2 not.
 * A char-code loop with this table is about four times faster than a Unicode regular expression.
 */
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) CLASS[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 2;
/**
 * The digit of an ASCII word character in a word's code (`tokenizeIds`): a–z (either case) 1–26, 0–9 27–36; 0 for any
 * other ASCII character. An apostrophe inside a word is APOSTROPHE_DIGIT.
 */
const DIGIT = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) if (CLASS[c] === 1) DIGIT[c] = c >= 48 && c <= 57 ? c - 48 + 27 : (c | 0x20) - 96;
const APOSTROPHE_DIGIT = 37;
/**
 * A word's code keeps its low 24 bits, so that `code * 38` stays a small integer (an engine's interpreter makes an
 * object for any number past 2³⁰); a word of up to EXACT_CODE_CHARS characters keeps all its digits (38⁴ < 2²⁴), so
 * no other word has its code.
 */
const CODE_MASK = 0xffffff;
const EXACT_CODE_CHARS = 4;
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

const out: WordIds = { count: 0, ids: new Int32Array(0), starts: new Int32Array(0), ends: new Int32Array(0), anchored: false };
// The buffers are replaced as they grow. Replaced once now, so that V8 never compiles them in as constants: a longer
// text would then throw that optimized code away in the middle of a page's first scan.
growBuffers(64);

function growBuffers(size: number): void {
  out.ids = new Int32Array(size);
  out.starts = new Int32Array(size);
  out.ends = new Int32Array(size);
}

/** Word keys by id, ids by key, and the table `tokenizeIds` finds a word's id in. */
export interface Vocabulary {
  keys: readonly string[];
  ids: ReadonlyMap<string, number>;
  /**
   * Open addressing (linear probing over `slotOf` a key's code) for the keys made only of ASCII: three numbers a slot,
   * the key's code, its length and its id + 1 (0: an empty slot).
   */
  table: Int32Array;
  /** Slots − 1. */
  mask: number;
}

/**
 * A word's code: `(code * 38 + digit) & CODE_MASK` over its characters' digits (DIGIT). A multiply and an add per
 * character on small integers, no call (an engine's interpreter pays for a call to `Math.imul` per character, and for a
 * number object per large result, while a page's first scan runs before the loop is optimized); up to
 * EXACT_CODE_CHARS characters it is the word itself, so a word that short needs no character-by-character comparison
 * with the key it finds. Mixed once per word into a slot.
 */
function slotOf(code: number, mask: number): number {
  return Math.imul(code ^ (code >>> 12), 0x2c1b3c6d) >>> 8 & mask;
}

/** The vocabulary of the ids `ids` gives (0, 1, … without holes). */
export function hashVocabulary(ids: ReadonlyMap<string, number>): Vocabulary {
  const keys: string[] = [];
  let size = 16;
  while (size < ids.size * 4) size *= 2;
  const table = new Int32Array(3 * size);
  for (const [key, id] of ids) {
    keys[id] = key;
    if (NON_ASCII_RE.test(key)) continue;
    let code = 0;
    for (let k = 0; k < key.length; k++) code = (code * 38 + (key[k] === "'" ? APOSTROPHE_DIGIT : DIGIT[key.charCodeAt(k)]!)) & CODE_MASK;
    let slot = slotOf(code, size - 1);
    while (table[3 * slot + 2]) slot = (slot + 1) & (size - 1);
    table[3 * slot] = code;
    table[3 * slot + 1] = key.length;
    table[3 * slot + 2] = id + 1;
  }
  return { keys, ids, table, mask: size - 1 };
}

const NO_WORDS = hashVocabulary(new Map());

/**
 * The words of `text` (those of `tokenizeWords`) as the ids `vocabulary` gives their keys, and whether one of them is
 * an anchor (`anchors[id]` is 1), with no string made per word in the usual case: a word of ASCII letters, digits and
 * apostrophes gets its code (`slotOf`) from its character codes as it is scanned (either case alike, ’ and ʼ as ', what
 * `wordKey` does to it) and is found in the vocabulary's table by code and length, compared character by character
 * only when longer than EXACT_CODE_CHARS; any other word goes through `wordKey`.
 */
export function tokenizeIds(text: string, vocabulary: Vocabulary, anchors: Uint8Array): WordIds {
  const n = text.length;
  // At most one word in two characters.
  if (out.ids.length <= n >> 1) growBuffers(n);
  const { ids, starts, ends } = out;
  let count = 0;
  let anchored = false;
  let i = 0;
  // Reads stay inside the text and the tables (an index past the end would make V8 drop the loop's optimized code
  // while a page's first scan runs it), and one table both tells an ASCII word character and folds it.
  while (i < n) {
    let code = text.charCodeAt(i);
    if (code < 0x80 ? DIGIT[code] === 0 : !isWordAt(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let plain = true;
    let wordCode = 0;
    for (;;) {
      for (; i < n; i++) {
        code = text.charCodeAt(i);
        if (code < 0x80) {
          const digit = DIGIT[code]!;
          if (digit === 0) break;
          wordCode = (wordCode * 38 + digit) & CODE_MASK;
        } else if (isWordAt(text, i)) plain = false;
        else break;
      }
      // An apostrophe between two word characters stays inside the word.
      if (i + 1 >= n) break;
      code = text.charCodeAt(i);
      if ((code !== 0x27 && code !== 0x2019 && code !== 0x2bc) || !isWordAt(text, i + 1)) break;
      wordCode = (wordCode * 38 + APOSTROPHE_DIGIT) & CODE_MASK;
      i++;
    }
    const id = plain ? lookup(vocabulary, wordCode, text, start, i) : (vocabulary.ids.get(wordKey(text.slice(start, i))) ?? -1);
    ids[count] = id;
    starts[count] = start;
    ends[count++] = i;
    if (id >= 0 && anchors[id] === 1) anchored = true;
  }
  out.count = count;
  out.anchored = anchored;
  return out;
}

/** The id of the key with the code and length of the ASCII word text[start, end), or −1. */
function lookup({ keys, table, mask }: Vocabulary, code: number, text: string, start: number, end: number): number {
  const length = end - start;
  for (let at = slotOf(code, mask), entry: number; (entry = table[3 * at + 2]!) !== 0; at = (at + 1) & mask) {
    // A word longer than EXACT_CODE_CHARS may share its code with another: it is compared with the key too.
    if (table[3 * at] === code && table[3 * at + 1] === length && (length <= EXACT_CODE_CHARS || sameWord(keys[entry - 1]!, text, start))) return entry - 1;
  }
  return -1;
}

/** Whether the ASCII word at text[start, start + key.length) is `key` (A–Z lower-cased, ’ and ʼ as '). */
function sameWord(key: string, text: string, start: number): boolean {
  for (let k = 0; k < key.length; k++) {
    const code = text.charCodeAt(start + k);
    if (key.charCodeAt(k) !== (code >= 65 && code <= 90 ? code + 32 : code === 0x2019 || code === 0x2bc ? 0x27 : code)) return false;
  }
  return true;
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
