/**
 * A topic of the data by its id ("security-guarantees") in the interface's language (`topic.securityGuarantees`).
 * A topic the locale files do not know yet reads as its id in words, so new data never shows an empty tag.
 */
import type { TrackerColumn } from '../../core/tracker-model';
import { t } from '../../shared/i18n';

const untyped = t as (key: string) => string;

/** The message key of a topic id: `topic.` and the id in camelCase (message names allow no hyphen). */
export function topicKey(id: string): string {
  return `topic.${id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`;
}

/** The topic's name. */
export function topicName(id: string): string {
  return untyped(topicKey(id)) || id.split('-').join(' ');
}

/** A column's heading: the region's name (the data's), or the topic's (the interface's). */
export function columnLabel(column: TrackerColumn): string {
  return column.kind === 'region' ? column.label : topicName(column.id);
}
