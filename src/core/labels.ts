/**
 * How the card, the popup, the tracker and the citations name a source (the interface words it in the reader’s
 * language, citations in English). Pure, no zod at runtime.
 */
import type { Source } from '../data/schema';

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
