/**
 * The candidate filter's index of the quotes' word pairs (shingles): a pair of word ids → the quotes holding it and
 * where. An open-addressing table over typed arrays, so that looking up a page's word pair makes no key object (two
 * ids packed into one number exceed the small integers a Map hashes cheaply).
 */

/** Where one quote holds a pair: the quote's index and the position of the pair's first word in it. */
export interface PairPosting {
  q: number;
  pos: number;
}

/** Pairs of word ids and their postings, read-only once built. */
export class PairIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly first: Int32Array;
  private readonly second: Int32Array;
  /** Postings of entry e: `postings[2k]` (quote), `postings[2k + 1]` (position) for k in [from[e], from[e + 1]). */
  private readonly from: Int32Array;
  readonly postings: Int32Array;

  constructor(pairs: ReadonlyMap<number, { a: number; b: number; list: readonly PairPosting[] }>) {
    let size = 16;
    while (size < pairs.size * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.first = new Int32Array(pairs.size);
    this.second = new Int32Array(pairs.size);
    this.from = new Int32Array(pairs.size + 1);
    let total = 0;
    for (const { list } of pairs.values()) total += list.length;
    this.postings = new Int32Array(total * 2);
    let e = 0;
    let k = 0;
    for (const { a, b, list } of pairs.values()) {
      this.first[e] = a;
      this.second[e] = b;
      this.from[e] = k;
      for (const { q, pos } of list) {
        this.postings[2 * k] = q;
        this.postings[2 * k + 1] = pos;
        k++;
      }
      let slot = pairHash(a, b) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = e + 1;
      e++;
    }
    this.from[e] = k;
  }

  /** The entry of pair (a, b), or −1 when no quote holds it. */
  lookup(a: number, b: number): number {
    for (let slot = pairHash(a, b) & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      if (this.first[entry - 1] === a && this.second[entry - 1] === b) return entry - 1;
    }
  }

  /** First posting of entry `e` (index into pairs of `postings`). */
  start(e: number): number {
    return this.from[e]!;
  }

  /** One past the last posting of entry `e`. */
  end(e: number): number {
    return this.from[e + 1]!;
  }
}

function pairHash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
