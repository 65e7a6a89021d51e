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

/**
 * How a reader knows a source: its outlet; the wires its text credits when it does not name its outlet; or unknown.
 * The interface words it in the reader's language (src/ui/source-name.ts); citations use englishSourceName.
 */
export type SourceName = { kind: 'outlet'; name: string } | { kind: 'credited'; wires: string } | { kind: 'unknownOutlet' } | { kind: 'unknownSource' };

/** The SourceName of a source (unknownSource when the data has no such source). */
export function sourceName(source: Pick<Source, 'outlet' | 'credits'> | undefined): SourceName {
  if (!source) return { kind: 'unknownSource' };
  if (source.outlet.trim().toLowerCase() !== 'unknown') return { kind: 'outlet', name: source.outlet };
  if (source.credits.length > 0) return { kind: 'credited', wires: source.credits.join(', ') };
  return { kind: 'unknownOutlet' };
}

/**
 * A source's name in English, the data's own language, for citations and exports ("Reuters (credited)"); the
 * interface words SourceName in the reader's language instead.
 */
export function englishSourceName(name: SourceName): string {
  if (name.kind === 'outlet') return name.name;
  if (name.kind === 'credited') return `${name.wires} (credited)`;
  return name.kind === 'unknownOutlet' ? 'Unknown outlet' : 'Unknown source';
}
