/**
 * The matcher folds only the stretches of a text that hold a letter to fold (src/core/scan-segments.ts) and scans
 * the rest as written. That must find exactly what a scan of the whole folded text finds: checked here on the
 * articles, the real pages' text and sentences built to sit foldable letters, cuts and lower-case aliases side by
 * side, against a scan of the text folded beforehand (folding is one character for one, so offsets agree).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildMatchEntries } from '../../src/core/entity-index';
import { compileMatcher, type Matcher } from '../../src/core/matcher';
import { foldForScan, foldKey } from '../../src/core/normalize';
import { cutTable, dirtySegments } from '../../src/core/scan-segments';
import { dataset } from '../../src/data/dataset';

const ROOT = join(import.meta.dirname, '..', '..');
const entries = buildMatchEntries(dataset);
const noRules = Object.assign([...entries], { notMentions: entries.notMentions });
const withRules = compileMatcher(entries);
const withRulesWhole = compileMatcher(entries, { foldWholeText: true });
const withoutRules = compileMatcher(noRules);

/** Where each mention stands and what it is; with `asWritten`, also its text. */
function mentionsOf(m: Matcher, text: string, asWritten = false): string[] {
  return m.scan(text).map((x) => `${x.start}-${x.end} ${x.id}${asWritten ? ` ${x.text}` : ''}`);
}

/**
 * What the scan of `text` finds, against the scan of the same text folded whole beforehand (without the context
 * rules, which read the text as written) and against the matcher's own whole-text folding (with them).
 */
function expectSameAsFoldedWhole(text: string, label: string): void {
  const folded = foldForScan(text);
  expect(folded.map, label).toBeNull();
  expect(mentionsOf(withoutRules, text), label).toEqual(mentionsOf(withoutRules, folded.text));
  expect(mentionsOf(withRules, text, true), label).toEqual(mentionsOf(withRulesWhole, text, true));
}

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

const ACCENTED: Record<string, string> = { e: 'é', a: 'á', o: 'ö', u: 'ü', i: 'í', E: 'É', A: 'Á', O: 'Ö', c: 'ç', n: 'ñ' };

/** `text` with about one letter in `every` replaced by an accented form. */
function sprinkle(text: string, every: number, next: () => number): string {
  return text.replace(/[eaouiEAOcn]/g, (ch) => (next() * every < 1 ? ACCENTED[ch]! : ch));
}

/**
 * `text` without the characters folding removes (invisible ones, combining accents): with them the matcher maps
 * offsets back, and a scan of the folded text could not be compared offset for offset.
 */
function withoutRemovable(text: string): string {
  return text.replace(/\p{M}|[\u00ad\u200b-\u200d\u2060\ufeff]/gu, '');
}

function articleTexts(): { name: string; text: string }[] {
  const dir = join(ROOT, 'assets', 'articles');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

function realPageTexts(): { name: string; text: string }[] {
  const dir = join(ROOT, 'tests', 'fixtures', 'realpages', 'text');
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.gz'))
    .sort()
    .map((f) => ({ name: f, text: gunzipSync(readFileSync(join(dir, f))).toString('utf8') }));
  expect(pages.length).toBeGreaterThan(30);
  return pages;
}

describe('cuts and dirty segments', () => {
  const cuts = cutTable(['U.S.', 'Donald J. Trump', "Moscow's", 'Ivano-Frankivsk']);

  it('a cut is punctuation no alias holds', () => {
    for (const ch of [',', ';', '(', ')', '“', '”', '"', '«', '»', '!', '?']) expect(cuts[ch.charCodeAt(0)], ch).toBe(1);
    for (const ch of ['.', "'", '-', ' ', '\n', 'a', 'É', '1', '’', '–']) expect(cuts[ch.charCodeAt(0)], ch).toBe(0);
    expect(cutTable(['Ukraine, the country'])[','.charCodeAt(0)]).toBe(0);
  });

  it('reaches from the cut before to the cut after each foldable letter', () => {
    const text = 'In Kyiv, the Élysée said (on Monday) that Zelenský, too; agreed';
    const positions = [...text.matchAll(/[Éé]|ý/g)].map((m) => m.index);
    expect(dirtySegments(text, positions, cuts, text.length)).toEqual([8, 25, 36, 50]);
    expect(text.slice(8, 25)).toBe(' the Élysée said ');
    expect(text.slice(36, 50)).toBe(' that Zelenský');
  });

  it('gives up when the segments would hold more than the budget', () => {
    const text = 'é'.padEnd(200, 'x');
    expect(dirtySegments(text, [0], cuts, 100)).toBeNull();
    expect(dirtySegments(text, [0], cuts, 200)).toEqual([0, 200]);
  });
});

describe('folding only the dirty stretches finds what folding the whole text finds', () => {
  it('on the five articles, with accented letters sprinkled in', () => {
    const next = random(7);
    for (const { name, text } of articleTexts()) {
      for (const every of [400, 60, 12]) expectSameAsFoldedWhole(sprinkle(text, every, next), `${name} 1/${every}`);
    }
  });

  it('on the real pages', () => {
    const next = random(11);
    for (const { name, text } of realPageTexts()) {
      expectSameAsFoldedWhole(withoutRemovable(text), name);
      expectSameAsFoldedWhole(withoutRemovable(sprinkle(text, 200, next)), `${name} sprinkled`);
    }
  });

  it('next to cuts, with aliases that start in lower case, accented inside and out', () => {
    const aliases = [...new Set(entries.flatMap((e) => e.aliases.map((a) => a.text)))];
    const lower = aliases.filter((a) => /^\p{Ll}/u.test(a));
    const accented = aliases.filter((a) => foldKey(a) !== a && /[À-ɏ]/.test(a));
    expect(lower.length).toBeGreaterThan(3);
    expect(accented.length).toBeGreaterThan(3);
    const next = random(3);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const joins = [',', ', ', ' (', '(', '“', '” ', '"', '; ', ' ', '\n', '-', '«', '»', ': ', '!', ' é ', 'é', ',é', 'é,'];
    // Clean text around them, so that the dirty stretches are a small part of the whole and are folded alone.
    const clean = 'Kyiv and Moscow, the Kremlin said; talks (in Geneva) went on. '.repeat(8);
    const cuts = cutTable([...aliases.map(foldKey), ...(entries.notMentions ?? []).map(foldKey)]);
    let alone = 0;
    for (let round = 0; round < 400; round++) {
      let text = '';
      for (let k = 0; k < 8; k++) {
        const alias = pick([...lower, ...accented, ...aliases.slice(0, 40)]);
        text += pick(joins) + (next() < 0.3 ? sprinkle(alias, 3, next) : alias);
      }
      text = clean + text + clean;
      const positions = [...text.matchAll(/[À-ɏ]/g)].map((m) => m.index);
      if (positions.length > 0 && dirtySegments(text, positions, cuts, text.length >> 2) !== null) alone++;
      expectSameAsFoldedWhole(text, JSON.stringify(text));
    }
    expect(alone).toBeGreaterThan(200);
  });
});
