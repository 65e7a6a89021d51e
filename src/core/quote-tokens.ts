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

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x02bc;
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
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  eachWord(text, (start, end) => {
    keys.push(wordKey(text.slice(start, end)));
    starts.push(start);
    ends.push(end);
    return false;
  });
  return { keys, starts, ends };
}

/**
 * Calls `visit` with the [start, end) of each word of `text` in order, until it returns true. Returns whether it did:
 * a caller looking for one word stops there rather than splitting the rest of the text.
 */
export function eachWord(text: string, visit: (start: number, end: number) => boolean): boolean {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordAt(text, i)) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < n && isWordAt(text, i)) i++;
      // An apostrophe between two word characters stays inside the word.
      if (i + 1 < n && isApostrophe(text.charCodeAt(i)) && isWordAt(text, i + 1)) i++;
      else break;
    }
    if (visit(start, i)) return true;
  }
  return false;
}

/** The words of a text as ids of a `Vocabulary`: parallel arrays, valid up to `count`, reused from text to text. */
export class WordIds {
  count = 0;
  ids = new Int32Array(256);
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  /** Whether one of the words is an anchor of the vocabulary (`Vocabulary.markAnchor`). */
  anchored = false;

  /** Room for the words of a text of `chars` characters (at most one word in two characters). */
  reserve(chars: number): void {
    const need = (chars >> 1) + 1;
    if (this.ids.length >= need) return;
    let size = this.ids.length;
    while (size < need) size *= 2;
    this.ids = new Int32Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The key character of an ASCII character or apostrophe in a word with no other character: A–Z lower-cased, ’ and ʼ as '. */
function foldPlain(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  return code === 0x2019 || code === 0x02bc ? 0x27 : code;
}

/**
 * Word keys interned as small integer ids, and a tokenizer that gives a text's words as ids without making a string
 * per word: a word of ASCII letters and digits (with apostrophes, the usual case on an English page) is hashed from
 * its character codes as it is scanned and looked up in an open-addressing table; any other word is keyed with
 * `wordKey` and looked up by its key. A word no interned key equals gets id −1. Either way the id is the one of
 * `wordKey(word)`: the table holds exactly the keys made only of ASCII characters, and folding such a word character
 * by character gives its key.
 */
export class Vocabulary {
  private readonly byKey = new Map<string, number>();
  private readonly keys: string[] = [];
  private table = new Int32Array(0);
  private mask = -1;
  private anchors = new Uint8Array(0);

  /** Number of ids given. */
  get size(): number {
    return this.keys.length;
  }

  /** The id of `key` (a `wordKey`), given now if it has none. */
  intern(key: string): number {
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.byKey.set(key, id);
      this.keys.push(key);
      this.mask = -1;
    }
    return id;
  }

  /** The id of `key`, or −1. */
  idOf(key: string): number {
    return this.byKey.get(key) ?? -1;
  }

  /** The key of an id. */
  keyOf(id: number): string {
    return this.keys[id]!;
  }

  /** Marks an id as an anchor: `tokenize` says whether a text holds one. */
  markAnchor(id: number): void {
    if (this.anchors.length < this.keys.length) {
      const grown = new Uint8Array(Math.max(this.keys.length, this.anchors.length * 2));
      grown.set(this.anchors);
      this.anchors = grown;
    }
    this.anchors[id] = 1;
  }

  /** Splits `text` into words (the same words as `tokenizeWords`) and writes their ids and offsets into `out`. */
  tokenize(text: string, out: WordIds): void {
    if (this.mask < 0) this.buildTable();
    out.reserve(text.length);
    const { ids, starts, ends } = out;
    const anchors = this.anchors;
    const n = text.length;
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
          } else {
            if (!isWordAt(text, i)) break;
            plain = false;
          }
          i++;
        }
        // An apostrophe between two word characters stays inside the word.
        if (i + 1 < n && isApostrophe(text.charCodeAt(i)) && isWordAt(text, i + 1)) {
          hash = Math.imul(hash ^ 0x27, FNV_PRIME);
          i++;
        } else break;
      }
      const id = plain ? this.lookupPlain(hash, text, start, i) : this.idOf(wordKey(text.slice(start, i)));
      ids[count] = id;
      starts[count] = start;
      ends[count] = i;
      count++;
      if (id >= 0 && id < anchors.length && anchors[id] === 1) anchored = true;
    }
    out.count = count;
    out.anchored = anchored;
  }

  private lookupPlain(hash: number, text: string, start: number, end: number): number {
    const table = this.table;
    const mask = this.mask;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot]!;
      if (entry === 0) return -1;
      const key = this.keys[entry - 1]!;
      if (key.length !== length) continue;
      let k = 0;
      while (k < length && key.charCodeAt(k) === foldPlain(text.charCodeAt(start + k))) k++;
      if (k === length) return entry - 1;
    }
  }

  /** Builds the lookup table now rather than on the first `tokenize` (after the last `intern`). */
  seal(): void {
    if (this.mask < 0) this.buildTable();
  }

  /** The hash table of the keys made only of ASCII characters (the others are found by `wordKey`). */
  private buildTable(): void {
    let size = 16;
    while (size < this.keys.length * 4) size *= 2;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.keys.length; id++) {
      const key = this.keys[id]!;
      let hash = FNV_OFFSET;
      let ascii = true;
      for (let k = 0; k < key.length && ascii; k++) {
        const code = key.charCodeAt(k);
        ascii = code < 0x80;
        hash = Math.imul(hash ^ code, FNV_PRIME);
      }
      if (!ascii) continue;
      let slot = hash & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
    this.mask = mask;
  }
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
