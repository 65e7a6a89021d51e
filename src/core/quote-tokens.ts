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
/** An ASCII word character's code as a word key has it (A–Z lower-cased); 0 for any other ASCII character. */
const FOLD = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) if (CLASS[c] === 1) FOLD[c] = c >= 65 && c <= 90 ? c + 32 : c;
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

/** Word keys by id, ids by key, and the table `tokenizeIds` hashes a word into. */
export interface Vocabulary {
  keys: readonly string[];
  ids: ReadonlyMap<string, number>;
  /** Open addressing (linear probing) over the FNV-1a hash of each key made only of ASCII: the key's id + 1, or 0. */
  table: Int32Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The vocabulary of the ids `ids` gives (0, 1, … without holes). */
export function hashVocabulary(ids: ReadonlyMap<string, number>): Vocabulary {
  const keys: string[] = [];
  let size = 16;
  while (size < ids.size * 4) size *= 2;
  const table = new Int32Array(size);
  for (const [key, id] of ids) {
    keys[id] = key;
    if (NON_ASCII_RE.test(key)) continue;
    let hash = FNV_OFFSET;
    for (let k = 0; k < key.length; k++) hash = Math.imul(hash ^ key.charCodeAt(k), FNV_PRIME);
    while (table[hash & (size - 1)]) hash++;
    table[hash & (size - 1)] = id + 1;
  }
  return { keys, ids, table };
}

const NO_WORDS = hashVocabulary(new Map());

/**
 * The words of `text` (those of `tokenizeWords`) as the ids `vocabulary` gives their keys, and whether one of them is
 * an anchor (`anchors[id]` is 1), with no string made per word in the usual case: a word of ASCII letters, digits and
 * apostrophes is hashed from its character codes as it is scanned (A–Z lower-cased, ’ and ʼ as ', what `wordKey` does
 * to it) and found in the vocabulary's table, compared character by character; any other word goes through `wordKey`.
 * Hashing instead of slicing each word and looking the slice up in a Map tokenizes about 1.7× faster.
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
    if (code < 0x80 ? FOLD[code] === 0 : !isWordAt(text, i)) {
      i++;
      continue;
    }
    const start = i;
    let plain = true;
    let hash = FNV_OFFSET;
    for (;;) {
      for (; i < n; i++) {
        code = text.charCodeAt(i);
        if (code < 0x80) {
          const folded = FOLD[code]!;
          if (folded === 0) break;
          hash = Math.imul(hash ^ folded, FNV_PRIME);
        } else if (isWordAt(text, i)) plain = false;
        else break;
      }
      // An apostrophe between two word characters stays inside the word.
      if (i + 1 >= n) break;
      code = text.charCodeAt(i);
      if ((code !== 0x27 && code !== 0x2019 && code !== 0x2bc) || !isWordAt(text, i + 1)) break;
      hash = Math.imul(hash ^ 0x27, FNV_PRIME);
      i++;
    }
    const id = plain ? lookup(vocabulary, hash, text, start, i) : (vocabulary.ids.get(wordKey(text.slice(start, i))) ?? -1);
    ids[count] = id;
    starts[count] = start;
    ends[count++] = i;
    if (id >= 0 && anchors[id] === 1) anchored = true;
  }
  out.count = count;
  out.anchored = anchored;
  return out;
}

/** The id of the ASCII word text[start, end) whose folded characters hash to `hash`, or −1. */
function lookup({ keys, table }: Vocabulary, hash: number, text: string, start: number, end: number): number {
  const mask = table.length - 1;
  for (let slot: number; (slot = table[hash & mask]!); hash++) {
    const key = keys[slot - 1]!;
    if (key.length !== end - start) continue;
    let k = 0;
    for (let code: number; k < key.length; k++) {
      code = text.charCodeAt(start + k);
      if (key.charCodeAt(k) !== (code >= 65 && code <= 90 ? code + 32 : code === 0x2019 || code === 0x2bc ? 0x27 : code)) break;
    }
    if (k === key.length) return slot - 1;
  }
  return -1;
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
