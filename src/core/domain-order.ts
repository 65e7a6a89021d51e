/**
 * The orders every view lists the data in: sides of the talks, and position types (what is asked before what is
 * said). One definition, so the popup, the card and the tracker never disagree.
 */
import type { Position, Side } from '../data/schema';

/** Sides in briefing order: the two warring parties, the mediator, Europe, everyone else. */
export const SIDE_ORDER = ['russia', 'ukraine', 'usa', 'europe', 'other'] as const satisfies readonly Side[];

/** Position types from the most to the least binding: a demand before a condition, … a concern last. */
export const POSITION_TYPE_ORDER = ['demand', 'condition', 'refusal', 'proposal', 'warning', 'claim', 'concern'] as const satisfies readonly Position['type'][];

// Fails to compile if the schema gains a side or a position type these orders lack.
const everySide: [Exclude<Side, (typeof SIDE_ORDER)[number]>] extends [never] ? true : never = true;
const everyType: [Exclude<Position['type'], (typeof POSITION_TYPE_ORDER)[number]>] extends [never] ? true : never = true;
void everySide;
void everyType;

/** The rank of a position type in `POSITION_TYPE_ORDER` (0 = demand). */
export function positionTypeRank(type: Position['type']): number {
  return POSITION_TYPE_ORDER.indexOf(type);
}

/** Whether a string names a side (for values read from a URL or a form). */
export function isSide(value: string): value is Side {
  return (SIDE_ORDER as readonly string[]).includes(value);
}
