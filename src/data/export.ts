/**
 * The data set as one plain JSON object for other tools (`npm run -s data:export`): the validated data with each
 * entity's aliases flattened to an array of distinct strings (`aliases`) next to the full alias records with
 * languages and notes (`aliasDetails`), plus counts. Not-mentions (phrases the matcher blocks) are exported as written.
 */
import type { Alias, Dataset } from './schema';

/** An actor or region as exported: `aliases` are the distinct texts, `aliasDetails` the records. */
type Exported<T extends { aliases: Alias[] }> = Omit<T, 'aliases'> & { aliases: string[]; aliasDetails: Alias[] };

/** The JSON shape printed by `npm run -s data:export`. */
export interface DatasetExport extends Omit<Dataset, 'actors' | 'regions' | 'notMentions'> {
  notMentions: NonNullable<Dataset['notMentions']>;
  actors: Exported<Dataset['actors'][number]>[];
  regions: Exported<Dataset['regions'][number]>[];
  counts: Record<'sources' | 'actors' | 'regions' | 'positions' | 'quotes' | 'disagreements' | 'omissions' | 'notMentions', number>;
}

function flatten<T extends { aliases: Alias[] }>(entity: T): Exported<T> {
  const { aliases, ...rest } = entity;
  return { ...rest, aliases: [...new Set(aliases.map((a) => a.text))], aliasDetails: aliases };
}

/** Build the export object from a validated data set (pure; the script validates first). */
export function exportDataset(data: Dataset): DatasetExport {
  return {
    version: data.version,
    asOf: data.asOf,
    counts: {
      sources: data.sources.length,
      actors: data.actors.length,
      regions: data.regions.length,
      positions: data.positions.length,
      quotes: data.quotes.length,
      disagreements: data.disagreements.length,
      omissions: data.omissions.length,
      notMentions: data.notMentions?.length ?? 0,
    },
    sources: data.sources,
    actors: data.actors.map(flatten),
    regions: data.regions.map(flatten),
    positions: data.positions,
    quotes: data.quotes,
    disagreements: data.disagreements,
    omissions: data.omissions,
    sharedAliases: data.sharedAliases,
    notMentions: data.notMentions ?? [],
  };
}
