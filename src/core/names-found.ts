/**
 * The names in a frame's texts, as the background finds them for it (`findNames`): the names matcher there is built
 * once from the plan every frame gets (`PageExtras.plan`) and stays warm across pages, so a whole-page scan no longer
 * compiles the patterns or runs the context rules on the page's cold JIT. The frame walks, sends its texts, and turns
 * the answers back into mentions with its own matcher built from the same plan (`Matcher.mentionAt`). Pure.
 */
import type { Matcher, Mention } from './matcher';
import type { MatcherPlan } from './matcher-plan';
import { savedQuotesKey } from './quotes-found';

/** The answer to one `findNames`. */
export interface FoundNames {
  /**
   * The names of every text asked about, in order, as one string of numbers (`encodeNumbers`): for each text the
   * number of its names, then for each name its start after the end of the one before, its length and its key index
   * (`Matcher.scanRecords`). One string, not arrays of numbers: the browsers' extension messaging converts every
   * value of a message on its own, and a long page's names are tens of thousands of numbers.
   */
  found: string;
  /** Milliseconds the matcher took: spent in the background, off the page's main thread. */
  ms: number;
}

/** Finds the names of each of `texts`; `now` is the clock the time taken is read from. */
export function findNamesIn(matcher: Pick<Matcher, 'scanRecords'>, texts: readonly string[], now: () => number): FoundNames {
  const t0 = now();
  const numbers: number[] = [];
  for (const text of texts) {
    const records = matcher.scanRecords(text);
    numbers.push(records.length / 3);
    let last = 0;
    for (let i = 0; i < records.length; i += 3) {
      numbers.push(records[i]! - last, records[i + 1]! - records[i]!, records[i + 2]!);
      last = records[i + 1]!;
    }
  }
  return { found: encodeNumbers(numbers), ms: now() - t0 };
}

/**
 * Reads `FoundNames.found` text by text, in the order the texts were asked about, turning each text's numbers into its
 * mentions with the frame's own matcher (`Matcher.mentionAt`) as it goes: no array of numbers is made for a whole
 * answer, which a long page's scan would fill with tens of thousands.
 */
export class FoundNamesReader {
  private readonly numbers: NumberReader;

  constructor(
    found: string,
    private readonly matcher: Pick<Matcher, 'mentionAt'>,
  ) {
    this.numbers = new NumberReader(found);
  }

  /**
   * The mentions of the next text asked about (`text`), or null when the numbers are not mentions of it in order
   * (start, end and key of each, ascending, never overlapping): the frame then finds them itself. After a null, every
   * later text reads null too.
   */
  next(text: string): Mention[] | null {
    const count = this.numbers.next();
    if (count < 0) return this.fail();
    const mentions: Mention[] = [];
    let last = 0;
    for (let k = 0; k < count; k++) {
      const gap = this.numbers.next();
      const length = this.numbers.next();
      const record = this.numbers.next();
      if (gap < 0 || length < 0 || record < 0) return this.fail();
      const start = last + gap;
      last = start + length;
      const mention = this.matcher.mentionAt(text, start, last, record);
      if (mention === null) return this.fail();
      mentions.push(mention);
    }
    return mentions;
  }

  /** Whether every number was read (a well-formed answer read to its end). */
  get done(): boolean {
    return this.numbers.done;
  }

  private fail(): null {
    this.numbers.stop();
    return null;
  }
}

/** Reads the numbers of `encodeNumbers` one at a time. */
class NumberReader {
  private at = 0;

  constructor(private readonly text: string) {}

  /** Whether every number was read. */
  get done(): boolean {
    return this.at === this.text.length;
  }

  /** Reads no more: every later `next` is −1. */
  stop(): void {
    this.at = Infinity;
  }

  /** The next number, or −1 when there is none or the string is not one `encodeNumbers` made (then it stops). */
  next(): number {
    const { text } = this;
    let value = 0;
    let scale = 1;
    while (this.at < text.length) {
      const c = text.charCodeAt(this.at++);
      if (c >= 0x100 && c < 0x4100) return value + (c - 0x100) * scale;
      if (c < 0x4100 || c >= 0x8100 || scale > 2 ** 42) break;
      value += (c - 0x4100) * scale;
      scale *= 0x4000;
    }
    this.stop();
    return -1;
  }
}

/**
 * Non-negative integers as a string, 14 bits a character, low bits first: a last digit is 0x100 + d, a digit with more
 * after it 0x4100 + d. Every character is below the surrogates (a lone surrogate does not survive a message) and
 * above the control characters (which JSON escapes).
 */
export function encodeNumbers(numbers: readonly number[]): string {
  const codes: number[] = [];
  for (let v of numbers) {
    while (v >= 0x4000) {
      codes.push(0x4100 + (v & 0x3fff));
      v = Math.floor(v / 0x4000);
    }
    codes.push(0x100 + v);
  }
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/** The numbers of `encodeNumbers`, or null for a string it did not make. */
export function decodeNumbers(text: string): number[] | null {
  const reader = new NumberReader(text);
  const out: number[] = [];
  while (!reader.done) {
    const n = reader.next();
    if (n < 0) return null;
    out.push(n);
  }
  return out;
}

/**
 * A short key of a plan's keys and what each names. The background puts it in the extras beside the plan and answers
 * a frame's `findNames` only when the frame sends the key of the plan the background matches with: a key index means
 * the same name on both sides.
 */
export function planFingerprint(plan: Pick<MatcherPlan, 'keys' | 'keyTargets'>): string {
  return savedQuotesKey(plan.keys.map((key, i) => ({ id: String(plan.keyTargets[i]), text: key })));
}

