/**
 * The mention finder: one regular expression compiled once from the whole dictionary, run once over
 * the folded text. Rules (documented in docs/matching.md): whole words with Unicode boundaries, names
 * match as written (case-sensitive) plus an upper-case form for aliases of 4+ letters, typographic
 * variants (’ ' – - É E, soft hyphens, decomposed accents) treated alike, leftmost-longest, never
 * overlapping.
 */
import type { Category, NameContexts } from '../data/schema';
import { classChars, SEPARATOR_CLASS } from './alias-pattern';
import { passSource, planMatcher, type MatchDictionaryLike, type MatcherPlan } from './matcher-plan';
import { compileNameContext, type NameContext } from './name-context';
import { foldForScan, foldKey, foldProbe, foldRangeForScan, scanFoldPositions, type FoldProbe } from './normalize';
import { cutTableOf, dirtySegments } from './scan-segments';
import { isWordCodePoint, isWordCodeUnit } from './word-char';

export { ALL_CAPS_MIN_LETTERS } from './matcher-plan';

/** One mention found in text. Offsets index the original text (UTF-16 code units, end exclusive). */
export interface Mention {
  start: number;
  end: number;
  /** The text as written at [start, end). */
  text: string;
  id: string;
  name: string;
  category: Category;
  /** The alias of the data set this mention was matched as (as written in the data). */
  alias: string;
}

/** Options of `compileMatcher`. */
export interface MatcherOptions {
  /** "Not this": alias texts never matched (compared case- and accent-insensitively). */
  excludedAliases?: readonly string[];
  /**
   * Phrases that contain an alias but are not mentions ("Moscow Times"): matched like aliases, so
   * leftmost-longest consumes them whole, then dropped. Default: the `notMentions` that
   * `buildMatchEntries` attaches to its list (the data set's), or none.
   */
  notMentions?: readonly string[];
  /**
   * The words of the context rules (names inside longer names, places, codes: docs/matching.md). Default: the
   * `nameContexts` that `buildMatchEntries` attaches to its list, or none (no context rules).
   */
  nameContexts?: NameContexts;
  /**
   * Fold the whole text before scanning it, instead of only the stretches that hold a letter to fold
   * (scan-segments.ts): the reference that the usual way must agree with, for tests and benchmarks.
   */
  foldWholeText?: boolean;
}

/** A compiled dictionary. */
export interface Matcher {
  /** Every mention in `text`, sorted by start, never overlapping. */
  scan(text: string): Mention[];
  /** How many distinct alias forms the matcher looks for (after exclusions; upper-case forms not counted). */
  readonly aliasCount: number;
  /**
   * Whether a mention found in one text node still stands in the text of its whole block (`block`, where it spans
   * [start, end)): not when the block's words make it part of a longer name ("The|Washington|Post" written in three
   * spans), or when a place is the whole block (a menu item). The page side asks this for a mention that is all of
   * its text node.
   */
  standsInBlock(block: string, start: number, end: number, mention: Mention): boolean;
  /**
   * `scan`'s mentions as numbers, three per mention: start, end and the index of what was matched among the matcher's
   * keys (the plan's `keys`), which `mentionAt` of a matcher built from the same plan turns back into the mention.
   * What the background answers a frame with (names-found.ts).
   */
  scanRecords(text: string): number[];
  /**
   * The mention of key `record` at [start, end) of `text`, as `scan` gives it; null when no key has that index, the
   * key is a phrase that is not a mention, or the range is not in the text.
   */
  mentionAt(text: string, start: number, end: number, record: number): Mention | null;
}

/** What a matched key stands for: the fields every mention of it shares, built once per alias. */
interface AliasTarget {
  /** null for a phrase that contains an alias but is not a mention (MatcherOptions.notMentions). */
  id: string | null;
  name: string;
  category: Category;
  alias: string;
  /** The folded key this record is stored under. */
  key: string;
  /** SHAPE_* flags of name-context.ts (place, code, surname). */
  shape: number;
  /** For a surname: the other words of the person's names ("Vladimir", "V"), which may stand before it. */
  own?: ReadonlySet<string>;
  /** Its place in `Matcher`'s list of records, which a scan notes per mention for the context rules. */
  index: number;
}

/** A scan notes each match as a number (`standing`): the SHAPE_* flags of name-context.ts in these bits, */
const SHAPE_MASK = 0b111;
/** this bit when the key was matched as written in the text (`mentionOf`), */
const AS_KEY = 0b1000;
/** and the index of the key's record above them. */
const RECORD_SHIFT = 4;

/** How many recently matched aliases a matcher remembers (a power of two: 2 ** RECENT_BITS). */
const RECENT_BITS = 10;
const RECENT_SLOTS = 1 << RECENT_BITS;

/**
 * The slot of a matched text among the recent ones: its length and three of its letters, mixed by a multiplicative hash
 * so that a page's few dozen names seldom share a slot (a shared slot sends both to the map again and again).
 */
function recentSlot(written: string): number {
  const letters = (written.length << 24) ^ (written.charCodeAt(0) << 16) ^ (written.charCodeAt(written.length >> 1) << 8) ^ written.charCodeAt(written.length - 1);
  return Math.imul(letters, 0x9e3779b1) >>> (32 - RECENT_BITS);
}

/**
 * Compile the dictionary into a matcher. When two entries share an alias text, the FIRST entry in
 * `entries` keeps it (buildMatchEntries already applies the data's `sharedAliases` resolution).
 * Not-mention phrases come from `options.notMentions`, else from the list (`buildMatchEntries` attaches the data's).
 */
export function compileMatcher(entries: MatchDictionaryLike, options: MatcherOptions = {}): Matcher {
  return matcherFromPlan(planMatcher(entries, options), options);
}

/** The matcher of a plan (`planMatcher`, here or in the background). */
export function matcherFromPlan(plan: MatcherPlan, options: Pick<MatcherOptions, 'foldWholeText'> = {}): Matcher {
  const targets = new Map<string, AliasTarget>();
  const own = plan.targets.map((t) => (t.own ? new Set(t.own) : undefined));
  const aliasTargets: AliasTarget[] = [];
  for (let i = 0; i < plan.keys.length; i++) {
    const key = plan.keys[i]!;
    const at = plan.keyTargets[i]!;
    const t = plan.targets[at]!;
    const e = plan.entries[t.entry]!;
    // Every record built by one literal, fields in one order: the scan reads them per mention, and objects of one
    // shape keep those reads fast (a plan's targets differ in shape: some have `own`, and a clone orders fields anew).
    const target: AliasTarget = { id: e.id, name: e.name, category: e.category, alias: t.alias, key, shape: t.shape, own: own[at], index: i };
    targets.set(key, target);
    aliasTargets.push(target);
  }
  const { aliasCount } = plan;
  // The patterns and the context rules are made on the first scan: a frame whose names the background finds
  // (remote-names.ts) builds its matcher only to turn the answers into mentions, and never compiles them.
  let context: NameContext | null = null;
  let passes: Pass[] = [];
  let anyOtherScript: RegExp | null = null;
  let otherScriptProbe: FoldProbe | null = null;
  let activeOnLatin: readonly Pass[] = [];
  let made = false;
  const make = () => {
    made = true;
    context = plan.nameContexts ? compileNameContext(plan.nameContexts) : null;
    passes = plan.passes.map((p) => ({
      pattern: new RegExp(passSource(p), 'gu'),
      atStart: p.afterSeparator ? new RegExp(p.bare, 'uy') : null,
      requires: p.requires === null ? null : new RegExp(p.requires, 'u'),
      at: -1,
      written: '',
      compiled: false,
    }));
    // One test for all the other-script passes: on an English page a single quick pass says "none".
    const otherScripts = passes.flatMap((pass) => (pass.requires === null ? [] : [pass.requires.source]));
    // Each `requires` is one character class: merged into ONE class (an alternation of classes scans
    // measurably slower, ~1.5 ms per 2 MB, and this test runs over every page).
    anyOtherScript = otherScripts.length === 0 ? null : new RegExp(`[${otherScripts.map((c) => c.slice(1, -1)).join('')}]`, 'u');
    otherScriptProbe = anyOtherScript === null ? null : foldProbe(otherScripts.flatMap(classChars), anyOtherScript);
    activeOnLatin = passes.filter((pass) => pass.requires === null);
  };
  // The record, start and end of each mention of the current scan, for the context rules (a typed array reused from
  // scan to scan: nothing is allocated per mention).
  let matched = new Int32Array(plan.nameContexts ? 3072 : 0);
  // The aliases matched lately, by a hash of their length and end letters: a page names the same few actors again and
  // again, and comparing the matched text with one string is cheaper than hashing it for the map.
  const recentKeys: string[] = new Array<string>(RECENT_SLOTS).fill('');
  const recentTargets: (AliasTarget | undefined)[] = new Array<AliasTarget | undefined>(RECENT_SLOTS).fill(undefined);
  const cuts = cutTableOf(plan.cuts);

  return {
    aliasCount,
    standsInBlock(block, start, end, mention) {
      if (!made) make();
      const target = targets.get(foldKey(mention.text));
      if (!target || context === null) return true;
      return !(context as NameContext).blocked(block, start, end, target.shape, target.own, true);
    },
    scan(text: string): Mention[] {
      return scanInto(text, [], null);
    },
    scanRecords(text: string): number[] {
      const records: number[] = [];
      const mentions = scanInto(text, [], records);
      const out: number[] = [];
      for (let i = 0; i < mentions.length; i++) out.push(mentions[i]!.start, mentions[i]!.end, records[i]!);
      return out;
    },
    mentionAt(text: string, start: number, end: number, record: number): Mention | null {
      const target = aliasTargets[record];
      if (target === undefined || target.id === null || !(start >= 0 && start < end && end <= text.length)) return null;
      const key = target.key;
      const asWritten = end - start === key.length && text.startsWith(key, start) ? key : text.slice(start, end);
      return { start, end, text: asWritten, id: target.id, name: target.name, category: target.category, alias: target.alias };
    },
  };

  /** The mentions of `text` appended to `mentions`, and with `records` the index of each one's key beside it. */
  function scanInto(text: string, mentions: Mention[], records: number[] | null): Mention[] {
    if (!made) make();
    // One pass over the text finds the letters to fold and says whether another script is there.
    const positions = scanFoldPositions(text, otherScriptProbe);
    if (positions === null) {
      const folded = foldForScan(text);
      collect(folded.text, text, 0, folded.map, true, activeOn(folded.text), mentions, records, 0, folded.text.length, false);
      return mentions;
    }
    const active = otherScriptProbe === null ? activeOn(text) : otherScriptProbe.found ? activeOnOther(text) : activeOnLatin;
    // Only the stretches between cuts that hold a letter to fold are folded, and scanned alone; the rest is scanned
    // as written.
    const segments = positions.length === 0 || options.foldWholeText === true ? null : dirtySegments(text, positions, cuts, text.length >> 2);
    if (segments === null) {
      const scanned = positions.length === 0 ? text : foldForScan(text).text;
      collect(scanned, text, 0, null, true, active, mentions, records, 0, text.length, false);
      return mentions;
    }
    // The passes keep their pending matches in the text as written from one clean stretch to the next: a pending
    // match inside a folded stretch is searched again after it, one after it stands.
    let from = 0;
    for (let s = 0; s < segments.length; s += 2) {
      const start = segments[s]!;
      const end = segments[s + 1]!;
      collect(text, text, 0, null, true, active, mentions, records, from, start, s > 0);
      const pending = active.map((pass) => [pass.at, pass.written] as const);
      const folded = foldRangeForScan(text, start, end);
      const atStart = start === 0 || SEPARATOR_RE.test(text[start - 1]!);
      collect(folded, text, start, null, atStart, active === activeOnLatin ? active : activeOn(folded), mentions, records, 0, folded.length, false);
      active.forEach((pass, i) => ([pass.at, pass.written] = pending[i]!));
      from = end;
    }
    collect(text, text, 0, null, true, active, mentions, records, from, text.length, true);
    return mentions;
  }

  /** The passes that can match in `scanned`: on an English page a single quick test says "the Latin ones". */
  function activeOn(scanned: string): readonly Pass[] {
    return anyOtherScript === null || !anyOtherScript.test(scanned) ? activeOnLatin : activeOnOther(scanned);
  }

  /** `activeOn` of a text that holds another script. */
  function activeOnOther(scanned: string): readonly Pass[] {
    return passes.filter((pass) => pass.requires === null || pass.requires.test(scanned));
  }

  /**
   * Appends to `out` the mentions that start in [from, to) of `scanned` (the folded form of `text` from `offset`, or
   * of all of it through `map`) and stand in their context (`standing`, over the records noted in `matched`). No match
   * may cross `from` or `to` (a cut, or an end of the text). `atStart`: whether a pass that consumes a separator before
   * its aliases may match at offset 0 (not when the character before a stretch is not a separator). `active`: the
   * passes that can match in `scanned` (`activeOn`). `resume`: the passes hold their pending matches in `scanned` from
   * an earlier call; those before `from` are searched again. `records`: the index of each mention's key, beside it.
   */
  function collect(scanned: string, text: string, offset: number, map: Int32Array | null, atStart: boolean, active: readonly Pass[], out: Mention[], records: number[] | null, from: number, to: number, resume: boolean): void {
    // Leftmost-longest over several passes, exactly as one pattern holding all their alternatives:
    // the leftmost start wins, then the longest; a pass whose pending match was overtaken searches
    // again from the new position. The pending match lives on the pass (no object per match).
    if (!resume) for (const pass of active) advance(pass, scanned, from, atStart);
    let position = from;
    let noted = 0;
    for (;;) {
      let best: Pass | null = null;
      for (const pass of active) {
        if (pass.at >= 0 && pass.at < position) advance(pass, scanned, position, atStart);
        if (pass.at < 0) continue;
        if (best === null || pass.at < best.at || (pass.at === best.at && pass.written.length > best.written.length)) best = pass;
      }
      if (best === null || best.at >= to) break;
      const written = best.written;
      let start = best.at;
      position = start + written.length;
      advance(best, scanned, position, atStart);
      // Fast path: the page writes the key itself (single spaces, straight apostrophe, hyphen-minus);
      // otherwise fold the few characters the scanned text keeps as written (’ – line breaks).
      const slot = recentSlot(written);
      // The recent slots hold only keys matched as written, so a hit there is one too (`exact`).
      let target = recentKeys[slot] === written ? recentTargets[slot] : undefined;
      let exact = target !== undefined;
      if (target === undefined) {
        target = targets.get(written);
        if (target !== undefined) {
          exact = true;
          recentKeys[slot] = target.key;
          recentTargets[slot] = target;
        } else target = targets.get(foldKey(written));
      }
      if (!target) throw new Error(`matcher: no alias for matched text ${JSON.stringify(written)}`);
      if (target.id === null) continue;
      let end = position;
      if (map) {
        start = map[start]!;
        end = map[end - 1]! + 1;
        while (end < text.length && isCombiningMark(text.charCodeAt(end))) end++;
      } else {
        start += offset;
        end += offset;
      }
      if (context === null) {
        out.push(mentionOf(target, text, start, end, exact && scanned === text));
        if (records !== null) records.push(target.index);
      } else {
        // The rules run after the loop (`standing`), over these numbers; the mentions that stand are made then.
        const record = (target.index << RECORD_SHIFT) | (exact && scanned === text ? AS_KEY : 0) | target.shape;
        note(noted++, record, start, end);
      }
    }
    if (context !== null) standing(text, noted, out, records);
  }

  /**
   * Appends to `out` the mentions noted in `matched` (`count` of them) that stand in their context: names inside longer
   * names, places shown as places, codes that are not countries (name-context.ts) are dropped. Run after the scan loop
   * rather than inside it: the loop then stays as small as without the rules (measured: the rules inside the loop, or
   * run on each stretch of a few thousand characters while it is in the processor's cache, cost more).
   */
  function standing(text: string, count: number, out: Mention[], records: number[] | null): void {
    const rules = context as NameContext;
    for (let i = 0; i < count * 3; i += 3) {
      const record = matched[i]!;
      const start = matched[i + 1]!;
      const end = matched[i + 2]!;
      const shape = record & SHAPE_MASK;
      const target = aliasTargets[record >>> RECORD_SHIFT]!;
      if ((shape !== 0 || rules.mayBeInsideName(text, start, end)) && rules.blocked(text, start, end, shape, target.own)) continue;
      out.push(mentionOf(target, text, start, end, (record & AS_KEY) !== 0));
      if (records !== null) records.push(target.index);
    }
  }

  /** Notes the record and offsets of match `i` of the current stretch in `matched`, growing it as needed. */
  function note(i: number, record: number, start: number, end: number): void {
    const at = i * 3;
    if (at + 3 > matched.length) {
      const grown = new Int32Array(matched.length * 2);
      grown.set(matched);
      matched = grown;
    }
    matched[at] = record;
    matched[at + 1] = start;
    matched[at + 2] = end;
  }

}

/**
 * The mention of `target` at [start, end) of `text`. When the page writes the key itself (the common case), the mention
 * shares the key string instead of copying a short slice; `asKey`: that is known (the key was matched as written in
 * `text` itself, not in a folded copy).
 */
function mentionOf(target: AliasTarget, text: string, start: number, end: number, asKey: boolean): Mention {
  const key = target.key;
  const asWritten = asKey || (end - start === key.length && text.startsWith(key, start)) ? key : text.slice(start, end);
  return { start, end, text: asWritten, id: target.id!, name: target.name, category: target.category, alias: target.alias };
}

/** One compiled pattern (see PatternPlan in alias-pattern.ts) and its pending match during a scan. */
interface Pass {
  pattern: RegExp;
  /** For a pattern that consumes a separator before the alias: the alias alone, sticky, for offset 0. */
  atStart: RegExp | null;
  /** The pass runs only on texts this matches. */
  requires: RegExp | null;
  /** Start of the pending match in the folded text, -1 when there is none (scan state). */
  at: number;
  /** The pending match as written in the folded text (scan state). */
  written: string;
  /** Whether the patterns have run once (`compileNative`). */
  compiled: boolean;
}

/**
 * A subject long enough that V8 compiles a pattern's first run straight to machine code. Run first on a shorter
 * subject (a text node), irregexp compiles a large alternation to bytecode, interprets it, and compiles it to machine
 * code on a later run anyway: for the names pattern, on a cold page, three to four times the time of compiling it
 * once. V8 decides from the subject's length (1,000 characters); spaces start no alias, so the run is over at once.
 */
const COMPILE_SUBJECT = ' '.repeat(1024);

/** Runs the pass's patterns once on COMPILE_SUBJECT, before their first run on a page's text. */
function compileNative(pass: Pass): void {
  pass.compiled = true;
  for (const re of [pass.pattern, pass.atStart]) {
    if (re === null) continue;
    re.lastIndex = 0;
    re.exec(COMPILE_SUBJECT);
  }
}

/**
 * Set `pass.at`/`pass.written` to its first whole-word match at or after `from` (at = -1: none). `atStartAllowed`: a
 * pass that consumes a separator may match its bare alias at offset 0.
 */
function advance(pass: Pass, text: string, from: number, atStartAllowed: boolean): void {
  if (!pass.compiled) compileNative(pass);
  const { pattern, atStart } = pass;
  pass.at = -1;
  pass.written = '';
  if (atStart !== null) {
    if (from === 0 && atStartAllowed) {
      atStart.lastIndex = 0;
      const m = atStart.exec(text);
      if (m !== null) {
        pass.at = 0;
        pass.written = m[0];
        return;
      }
    }
    // The separator is a non-word character, so it is the start-of-word check.
    pattern.lastIndex = Math.max(0, from - 1);
    const m = pattern.exec(text);
    if (m !== null) {
      pass.at = m.index + 1;
      pass.written = m[0].slice(1);
    }
    return;
  }
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    // The start-of-word check, done here: a lookbehind in the pattern halves irregexp's speed.
    if (!isWordCharBefore(text, m.index)) {
      pass.at = m.index;
      pass.written = m[0];
      return;
    }
    pattern.lastIndex = m.index + 1; // inside a longer word ("AntiPutin"): retry one character later
  }
}

const SEPARATOR_RE = new RegExp(SEPARATOR_CLASS, 'u');

/** Whether the character before `index` is a letter, digit or mark (so `index` is not a start of word). */
function isWordCharBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  const c = text.charCodeAt(index - 1);
  const isLowSurrogate = c >= 0xdc00 && c <= 0xdfff && index >= 2;
  return isLowSurrogate ? isWordCodePoint(text.codePointAt(index - 2)!) : isWordCodeUnit(c);
}

function isCombiningMark(code: number): boolean {
  return code >= 0x300 && code <= 0x36f;
}
