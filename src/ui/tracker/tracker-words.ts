/** Words the tracker shows for what the model names by id: a group of rows, and an actor's role. */
import { READER_GROUP, type TrackerRow, type TrackerSideGroup } from '../../core/tracker-model';
import { t } from '../../shared/i18n';

/** A side's name, or "Your own actors" for the actors the reader created. */
export function groupLabel(side: TrackerSideGroup['side']): string {
  return side === READER_GROUP ? t('tracker.ownActors') : t(`side.${side}`);
}

/** The data's role of a bundled actor (English, as the data is); a reader's own actor says where it was made. */
export function rowRole(row: TrackerRow): string {
  return row.own ? t('tracker.ownRole') : row.role;
}
