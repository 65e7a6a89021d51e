/**
 * Display labels shared by the popover, the popup and the tracker, so the same position type or side reads the same
 * everywhere. Pure, no zod at runtime.
 */
import type { Position, Side, Source } from '../data/schema';

/** Label of a position type ("Demand", "Refusal"...). */
export const POSITION_TYPE_LABELS: Readonly<Record<Position['type'], string>> = {
  demand: 'Demand',
  condition: 'Condition',
  refusal: 'Refusal',
  proposal: 'Proposal',
  warning: 'Warning',
  claim: 'Claim',
  concern: 'Concern',
};

/** Label of a side of the talks. */
export const SIDE_LABELS: Readonly<Record<Side, string>> = {
  russia: 'Russia',
  ukraine: 'Ukraine',
  usa: 'United States',
  europe: 'Europe',
  other: 'Others',
};

/** The label of a source: its outlet, or the wires it credits when the text does not name its outlet. */
export function sourceLabel(source: Pick<Source, 'outlet' | 'credits'> | undefined): string {
  if (!source) return 'Unknown source';
  if (source.outlet.trim().toLowerCase() !== 'unknown') return source.outlet;
  if (source.credits.length > 0) return `${source.credits.join(', ')} (credited)`;
  return 'Unknown outlet';
}
