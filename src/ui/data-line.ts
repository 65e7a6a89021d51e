/**
 * The data set's line (card footer, source card): which data this is and what period it covers, in the interface's
 * language. What the texts cover (`asOf`) is the data's own English, as the articles put it.
 */
import type { DataLine } from '../core/card-model';
import { t } from '../shared/i18n';

/** "Data curated 2026.11.24 · five undated reports; …", or "Data v1, as of 2025-12-05". */
export function dataLineText(line: DataLine): string {
  const version = line.curated ? t('data.curated', { version: line.version }) : t('data.version', { version: line.version });
  return line.asOfIsDate ? t('data.asOfDate', { version, date: line.asOf }) : t('data.asOfText', { version, asOf: line.asOf });
}
