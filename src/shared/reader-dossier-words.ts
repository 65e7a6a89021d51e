/**
 * The reader's-dossier core says why a change or an import was refused as data (it is pure and speaks no language);
 * these turn its reasons into the one sentence the reader sees, in the interface's language.
 */
import type { StoreReason } from '../core/reader-dossier/store';
import type { ImportReason } from '../core/reader-dossier/transfer';
import { plural, t, uiLanguage } from './i18n';

/** A count written the interface language's way ("5,000", "5 000", "5.000"). */
const count = (n: number) => n.toLocaleString(uiLanguage());

/** Why a save, an edit or a new actor was refused. */
export function storeReasonText(reason: StoreReason): string {
  switch (reason.code) {
    case 'invalid':
      return reason.action === 'save'
        ? t('refusal.invalidSave', { detail: reason.detail })
        : reason.action === 'change'
          ? t('refusal.invalidChange', { detail: reason.detail })
          : t('refusal.invalidActor', { detail: reason.detail });
    case 'actorMissing':
      return reason.action === 'save' ? t('refusal.actorMissingSave') : t('refusal.actorMissingChange');
    case 'full':
      return t('refusal.full', { max: count(reason.max) });
    case 'actorsFull':
      return t('refusal.actorsFull', { max: count(reason.max) });
    case 'itemGone':
      return t('refusal.itemGone');
  }
}

/** Why an export file was not imported, in one line. */
export function importReasonText(reason: ImportReason): string {
  switch (reason.code) {
    case 'notJson':
      return t('importRefusal.notJson');
    case 'noFormat':
      return t('importRefusal.noFormat', { format: reason.format });
    case 'noVersion':
      return t('importRefusal.noVersion');
    case 'newerVersion':
      return t('importRefusal.newerVersion', { version: count(reason.version), max: count(reason.max) });
    case 'unreadableVersion':
      return t('importRefusal.unreadableVersion', { version: count(reason.version) });
    case 'damaged': {
      const where = reason.where || t('importRefusal.theFile');
      return reason.more > 0
        ? plural('importRefusal.damagedMore', reason.more, { where, message: reason.message })
        : t('importRefusal.damaged', { where, message: reason.message });
    }
    case 'orphan':
      return t('importRefusal.orphan', { index: String(reason.index) });
    case 'tooManyActors':
      return t('importRefusal.tooManyActors', { max: count(reason.max) });
    case 'full':
      return t('importRefusal.full', { max: count(reason.max) });
  }
}
