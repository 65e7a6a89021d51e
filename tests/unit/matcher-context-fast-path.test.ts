/**
 * The context rules' fast path (src/core/name-context.ts) never changes a decision: `mayBeInsideName` decides from
 * a few characters whether the rules need to run for a name of no particular shape (most mentions), so it must say
 * "maybe" wherever the rules block such a name. Checked at every word and two-word span of the articles, the real
 * pages' text and HTML (tests/fixtures/realpages), their upper-case and no-break-space variants, and sentences built
 * from every word the rules read.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compileNameContext, SHAPE_PLACE } from '../../src/core/name-context';
import { nameContexts } from '../../src/data/collections/name-contexts';

const context = compileNameContext(nameContexts);
const ROOT = join(import.meta.dirname, '..', '..');
const REALPAGES = join(ROOT, 'tests', 'fixtures', 'realpages');
// Words as the matcher finds names: letters, digits and marks, with full stops and apostrophes inside (U.S., O'Brien).
const WORD_RE = /[\p{L}\p{N}\p{M}]+(?:[.'’][\p{L}\p{N}\p{M}]+)*\.?/gu;

/** Every [start, end) where the fast path says "no rule applies" but the rules block a name of no shape. */
function divergences(text: string): string[] {
  const spans: [number, number][] = [];
  let previous = -1;
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    spans.push([start, end]);
    // Two-word names ("Donald Trump"), and a name without its final full stop ("U.S" is not a name, "Jr" is).
    if (m[0].endsWith('.')) spans.push([start, end - 1]);
    if (previous >= 0) spans.push([previous, end]);
    previous = start;
  }
  const found: string[] = [];
  for (const [start, end] of spans) {
    if (context.blocked(text, start, end, 0) && !context.mayBeInsideName(text, start, end)) {
      found.push(`…${text.slice(Math.max(0, start - 30), end + 30)}… [${text.slice(start, end)}]`);
    }
  }
  return found;
}

/** A text, its upper-case form and its form with no-break spaces (the rules treat both kinds of space). */
function variants(text: string): string[] {
  return [text, text.toUpperCase(), text.replace(/ /g, '\u00a0')];
}

function gunzipDir(dir: string): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gz'))
    .sort()
    .map((f) => ({ name: f, text: gunzipSync(readFileSync(join(dir, f))).toString('utf8') }));
}

describe('the fast path of the context rules agrees with the rules', () => {
  it('sends a name to the rules only when the words around it could make it part of a longer name', () => {
    const maybe = (text: string, name: string) => {
      const start = text.indexOf(name);
      return context.mayBeInsideName(text, start, start + name.length);
    };
    // A head after the name, or one before "of" / "on" (its last two letters are enough to rule most words out).
    expect(maybe('Russia Today', 'Russia')).toBe(true);
    expect(maybe('Bank of Russia', 'Russia')).toBe(true);
    expect(maybe('University of the Kremlin', 'Kremlin')).toBe(true);
    expect(maybe('March on Kremlin', 'Kremlin')).toBe(true);
    expect(maybe('the leaders of Russia met', 'Russia')).toBe(false);
    expect(maybe('talks on Ukraine went on', 'Ukraine')).toBe(false);
    expect(maybe('Kremlin Said on', 'Kremlin')).toBe(false);
    expect(maybe('Russia said', 'Russia')).toBe(false);
  });

  it('reads every head the data lists, whatever its letters (the two-letter tables miss none)', () => {
    const capitalised = (w: string) => /^\p{Lu}/u.test(w);
    for (const head of nameContexts.nameHeads.filter(capitalised)) {
      expect(context.blocked(`Russia ${head} said`, 0, 6, 0), head).toBe(true);
      expect(context.mayBeInsideName(`Russia ${head} said`, 0, 6), head).toBe(true);
    }
    for (const head of [...nameContexts.nameHeads, ...nameContexts.placeHeads].filter(capitalised)) {
      expect(context.blocked(`Moscow ${head} said`, 0, 6, SHAPE_PLACE), head).toBe(true);
    }
    for (const head of nameContexts.headsOf) {
      for (const form of [head, head.toLowerCase(), head.toUpperCase()]) {
        const text = `the ${form} of Russia said`;
        expect(context.blocked(text, text.indexOf('Russia'), text.indexOf('Russia') + 6, 0), form).toBe(true);
        expect(context.mayBeInsideName(text, text.indexOf('Russia'), text.indexOf('Russia') + 6), form).toBe(true);
      }
    }
  });

  it('on the five articles', () => {
    const dir = join(ROOT, 'assets', 'articles');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      for (const text of variants(readFileSync(join(dir, f), 'utf8'))) expect(divergences(text), f).toEqual([]);
    }
  });

  it('on the real pages as the reader sees them', () => {
    const pages = gunzipDir(join(REALPAGES, 'text'));
    expect(pages.length).toBeGreaterThan(30);
    for (const { name, text } of pages) for (const variant of variants(text)) expect(divergences(variant), name).toEqual([]);
  }, 60_000);

  it('on the real pages’ HTML (markup, scripts and all)', () => {
    const pages = gunzipDir(join(REALPAGES, 'pages'));
    expect(pages.length).toBeGreaterThan(30);
    for (const { name, text } of pages) expect(divergences(text), name).toEqual([]);
  }, 60_000);

  it('next to every word the rules read, in every case and with every separator', () => {
    const words = [
      ...nameContexts.nameHeads,
      ...nameContexts.placeHeads,
      ...nameContexts.headsOf,
      ...nameContexts.freeBefore,
      ...nameContexts.placeBefore,
      ...nameContexts.placeAfter,
      ...nameContexts.codeAfter,
      ...nameContexts.languages,
      'capital',
      'the capital',
      'Ukrainian capital',
      'D.C.',
      'DC',
      'Reuters',
      'AP',
      'Melania',
      'THE',
      'FOLLOW',
      'en',
    ];
    const forms = (w: string) => [...new Set([w, w.toLowerCase(), w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)])];
    const sentences: string[] = [];
    for (const word of words) {
      for (const w of forms(word)) {
        for (const name of ['Moscow', 'MOSCOW', 'U.S.', 'Київ']) {
          sentences.push(
            `${w} ${name} said`,
            `He met the ${w} ${name}.`,
            `said ${name} ${w} today`,
            `${name} ${w}`,
            `${name}-${w}`,
            `${name}, ${w} —`,
            `${name} (${w}) -`,
            `${w} of ${name}`,
            `${w} of the ${name}`,
            `${w} on ${name}`,
            `${w}-${name}`,
            `${w}_${name}`,
            `${w} (${name})`,
            `${name}$ and $${name}`,
            `${w}, ${name}`,
            `Jon Sopel, ${w}, ${name}`,
            `${w}. ${name} added`,
            `${w}\u00a0\u00a0${name}\u202f${w}\t${name}`,
          );
        }
      }
    }
    expect(sentences.flatMap(divergences)).toEqual([]);
  }, 60_000);
});
