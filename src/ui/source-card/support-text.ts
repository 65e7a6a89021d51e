/** What an excerpt supports, in the interface's language around the data's own English. */
import type { Support } from '../../core/excerpts';
import { t } from '../../shared/i18n';

/** "Quote of Dmitry Peskov", "Donbas: Russia controls about 90%", or the data's summary or name as it is. */
export function supportText(support: Support): string {
  switch (support.kind) {
    case 'quote':
      return t('sources.support.quote', { name: support.speaker });
    case 'actor':
      return t('sources.support.actor', { name: support.name, role: support.role });
    case 'region':
      return support.name;
    case 'control':
      return t('sources.support.control', { region: support.region, holder: support.holder, figure: support.figure });
    case 'position':
      return support.summary;
    case 'disagreement':
      return t('sources.support.disagreement', { topic: support.topic, value: support.value });
  }
}
