/**
 * The context rules read only inside the text. A name often starts or ends its text node, and a `charCodeAt` past
 * either end would make V8 throw away the rules' optimized code while a page's first scan runs them. Checked for every
 * shape of name, at both edges of short texts, with the decisions the rules must still make there.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileNameContext, SHAPE_CODE, SHAPE_PLACE, SHAPE_SURNAME } from '../../src/core/name-context';
import { nameContexts } from '../../src/data/collections/name-contexts';
import { withCallsSeen } from './calls-seen';

const context = compileNameContext(nameContexts);

/** Every index `charCodeAt` was asked for, with the length of the string it was asked of, while `run` ran. */
function reads(run: () => void): [number, number][] {
  const seen: [number, number][] = [];
  withCallsSeen(String.prototype, 'charCodeAt', (text: string, i: number) => seen.push([i, text.length]), run);
  return seen;
}

afterEach(() => vi.restoreAllMocks());

const CASES: { text: string; name: string; shape: number; blocked: boolean }[] = [
  { text: 'Washington', name: 'Washington', shape: SHAPE_PLACE, blocked: false },
  { text: 'Washington Post', name: 'Washington', shape: SHAPE_PLACE, blocked: true },
  { text: 'in Washington', name: 'Washington', shape: SHAPE_PLACE, blocked: true },
  { text: 'Washington said', name: 'Washington', shape: SHAPE_PLACE, blocked: false },
  { text: 'Moscow', name: 'Moscow', shape: SHAPE_PLACE, blocked: false },
  { text: 'Trump', name: 'Trump', shape: SHAPE_SURNAME, blocked: false },
  { text: 'Melania Trump', name: 'Trump', shape: SHAPE_SURNAME, blocked: true },
  { text: 'Trump Tower', name: 'Trump', shape: SHAPE_SURNAME, blocked: true },
  { text: 'US', name: 'US', shape: SHAPE_CODE | SHAPE_PLACE, blocked: false },
  { text: 'FOLLOW US', name: 'US', shape: SHAPE_CODE, blocked: true },
  { text: 'en-US', name: 'US', shape: SHAPE_CODE, blocked: true },
  { text: 'US$', name: 'US', shape: SHAPE_CODE, blocked: true },
  { text: 'Russia', name: 'Russia', shape: 0, blocked: false },
  { text: 'Bank of Russia', name: 'Russia', shape: 0, blocked: true },
];

describe('context rules read inside the text', () => {
  it.each(CASES)('$text: decides as before, reading no character outside the text', ({ text, name, shape, blocked }) => {
    const start = text.lastIndexOf(name);
    const end = start + name.length;
    let decision: boolean | undefined;
    let maybe: boolean | undefined;
    const seen = reads(() => {
      decision = context.blocked(text, start, end, shape);
      // As a whole block (a menu item, a caption) too: that reads to both ends.
      context.blocked(text, start, end, shape, undefined, true);
      maybe = context.mayBeInsideName(text, start, end);
    });
    expect(decision).toBe(blocked);
    if (shape === 0 && blocked) expect(maybe).toBe(true);
    const outside = seen.filter(([i, length]) => i < 0 || i >= length);
    expect(outside).toEqual([]);
  });
});
