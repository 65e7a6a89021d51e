/**
 * The dateline patterns run only where `datelineMark` finds the bracket or the dash a dateline puts after its place
 * (src/core/name-context.ts): a gate that must never hide a match. Checked on texts built from the pieces datelines
 * and prose are made of, at random and in every short combination, and after every word of the articles and the real
 * pages' text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/lib/bench-utils';
import { DATELINE_AGENCY_RE, DATELINE_CAPS_RE, datelineMark } from '../../src/core/name-context';

const DASHES = new Set([0x2d, 0x2013, 0x2014]);

function matchesAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** The gate's misses at `at`: a pattern that matches there while the mark says it cannot. */
function hidden(text: string, at: number): string[] {
  const mark = datelineMark(text, at);
  const found: string[] = [];
  if (matchesAt(DATELINE_AGENCY_RE, text, at) && mark !== 0x28) found.push(`agency: ${JSON.stringify(text.slice(at, at + 60))}`);
  if (matchesAt(DATELINE_CAPS_RE, text, at) && !DASHES.has(mark)) found.push(`caps: ${JSON.stringify(text.slice(at, at + 60))}`);
  return found;
}

const PIECES = [',', ', ', ' ', '  ', '\n', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', 'Ukraine', 'D.C.', 'U.S.', 'St.', 'Ky\u0301iv',
  'Łódź', 'МОСКВА', 'the', 'and', '2024', '𝐀bc', 'Ébc', '(', ')', '(Reuters)', '( AP )', '(AP Photo/Evan Vucci)', '—', '–', '-', '.',
  'Long Name Here Too Now', "O'Brien", 'a', 'Z'];

describe('the dateline gate never hides a dateline', () => {
  it('on 50,000 random texts made of dateline and prose pieces', () => {
    const random = seededRandom(7);
    const misses: string[] = [];
    for (let n = 0; n < 50_000; n++) {
      let text = 'MOSCOW';
      const count = 1 + Math.floor(random() * 9);
      for (let k = 0; k < count; k++) text += PIECES[Math.floor(random() * PIECES.length)]!;
      misses.push(...hidden(text, 6));
    }
    expect(misses).toEqual([]);
  });

  it('on every sequence of up to three pieces', () => {
    const misses: string[] = [];
    for (const a of PIECES) for (const b of PIECES) for (const c of ['', ...PIECES]) misses.push(...hidden(`KYIV${a}${b}${c}`, 4));
    expect(misses).toEqual([]);
  });

  it('where the patterns match in real text: the articles and the real pages', () => {
    const root = join(import.meta.dirname, '..', '..');
    const texts = [
      ...readdirSync(join(root, 'assets', 'articles')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(root, 'assets', 'articles', f), 'utf8')),
      ...readdirSync(join(root, 'tests', 'fixtures', 'realpages', 'text')).filter((f) => f.endsWith('.gz')).map((f) => gunzipSync(readFileSync(join(root, 'tests', 'fixtures', 'realpages', 'text', f))).toString('utf8')),
    ];
    const misses: string[] = [];
    let matches = 0;
    for (const text of texts) {
      for (const m of text.matchAll(/[\p{L}\p{N}.]+/gu)) {
        const at = m.index + m[0].length;
        if (matchesAt(DATELINE_AGENCY_RE, text, at) || matchesAt(DATELINE_CAPS_RE, text, at)) matches++;
        misses.push(...hidden(text, at));
      }
    }
    expect(misses).toEqual([]);
    // The texts hold datelines and dashes after words, so the check above is not vacuous.
    expect(matches).toBeGreaterThan(50);
  }, 60_000);
});
