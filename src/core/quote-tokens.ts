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
  const { count, starts, ends } = bare.tokenize(text);
  const stream: WordStream = { keys: [], starts: [], ends: [] };
  for (let k = 0; k < count; k++) {
    stream.keys.push(wordKey(text.slice(starts[k], ends[k])));
    stream.starts.push(starts[k]!);
    stream.ends.push(ends[k]!);
  }
  return stream;
}

/** The words of a text as ids of a `Vocabulary`: parallel arrays, valid up to `count`. */
export interface WordIds {
  count: number;
  /** The id of each word's key, or −1 when the vocabulary does not hold it. */
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** Whether one of the words is an anchor (`Vocabulary.anchor`). */
  anchored: boolean;
}

/** Word keys interned as small integer ids, and a tokenizer giving a text's words as those ids. */
export interface Vocabulary {
  /** The id of `key` (a `wordKey`), given now if it has none. */
  intern(key: string): number;
  /** The id of `key`, or −1. */
  idOf(key: string): number;
  keyOf(id: number): string;
  /** Number of ids given. */
  readonly size: number;
  /** Marks an id as an anchor: `tokenize` says whether a text holds one. */
  anchor(id: number): void;
  /** The words of `text` (those of `tokenizeWords`), in arrays reused by the next call. */
  tokenize(text: string): WordIds;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * A vocabulary whose `tokenize` makes no string per word: a word of ASCII letters and digits (with apostrophes, the
 * usual case on an English page) is hashed from its character codes as it is scanned and looked up in an
 * open-addressing table of the keys made only of ASCII characters, compared character by character; any other word
 * is keyed with `wordKey` and looked up by its key. Either way its id is that of `wordKey(word)`: folding such a word
 * code by code (A–Z lower-cased, ’ and ʼ as ') is what `wordKey` does to it.
 */
export function createVocabulary(): Vocabulary {
  const byKey = new Map<string, number>();
  const keys: string[] = [];
  const anchors = new Set<number>();
  let table = new Int32Array(0);
  let mask = -1;
  let isAnchor = new Uint8Array(0);
  const out: WordIds = { count: 0, ids: new Int32Array(64), starts: new Int32Array(64), ends: new Int32Array(64), anchored: false };

  /** The table of the ASCII keys, and the anchor flags, after the last `intern`. */
  const seal = () => {
    let size = 16;
    while (size < keys.length * 4) size *= 2;
    table = new Int32Array(size);
    mask = size - 1;
    keys.forEach((key, id) => {
      let hash = FNV_OFFSET;
      for (let k = 0; k < key.length; k++) {
        if (key.charCodeAt(k) > 0x7f) return;
        hash = Math.imul(hash ^ key.charCodeAt(k), FNV_PRIME);
      }
      let slot = hash & mask;
      while (table[slot]) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    });
    isAnchor = new Uint8Array(keys.length);
    for (const id of anchors) isAnchor[id] = 1;
  };

  const lookupPlain = (hash: number, text: string, start: number, end: number): number => {
    for (let slot = hash & mask; table[slot]; slot = (slot + 1) & mask) {
      const key = keys[table[slot]! - 1]!;
      if (key.length !== end - start) continue;
      let k = 0;
      for (let code = 0; k < key.length; k++) {
        code = text.charCodeAt(start + k);
        if (key.charCodeAt(k) !== (code >= 65 && code <= 90 ? code + 32 : code === 0x2019 || code === 0x2bc ? 0x27 : code)) break;
      }
      if (k === key.length) return table[slot]! - 1;
    }
    return -1;
  };

  return {
    intern(key) {
      let id = byKey.get(key);
      if (id === undefined) {
        byKey.set(key, (id = keys.length));
        keys.push(key);
        mask = -1;
      }
      return id;
    },
    idOf: (key) => byKey.get(key) ?? -1,
    keyOf: (id) => keys[id]!,
    get size() {
      return keys.length;
    },
    anchor(id) {
      anchors.add(id);
      mask = -1;
    },
    tokenize(text) {
      if (mask < 0) seal();
      const n = text.length;
      if (out.ids.length <= n >> 1) {
        // At most one word in two characters.
        const size = (n >> 1) + 64;
        out.ids = new Int32Array(size);
        out.starts = new Int32Array(size);
        out.ends = new Int32Array(size);
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
        let hash = FNV_OFFSET;
        let plain = true;
        for (;;) {
          while (i < n) {
            code = text.charCodeAt(i);
            if (code < 0x80) {
              if (CLASS[code] !== 1) break;
              hash = Math.imul(hash ^ (code >= 65 && code <= 90 ? code + 32 : code), FNV_PRIME);
            } else if (isWordAt(text, i)) plain = false;
            else break;
            i++;
          }
          // An apostrophe between two word characters stays inside the word.
          code = text.charCodeAt(i);
          if (i + 1 < n && (code === 0x27 || code === 0x2019 || code === 0x2bc) && isWordAt(text, i + 1)) {
            hash = Math.imul(hash ^ 0x27, FNV_PRIME);
            i++;
          } else break;
        }
        const id = plain ? lookupPlain(hash, text, start, i) : (byKey.get(wordKey(text.slice(start, i))) ?? -1);
        ids[count] = id;
        starts[count] = start;
        ends[count++] = i;
        if (id >= 0 && isAnchor[id] === 1) anchored = true;
      }
      out.count = count;
      out.anchored = anchored;
      return out;
    },
  };
}

/** A vocabulary with no words: `tokenizeWords` reads its word boundaries. */
const bare = createVocabulary();

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
