/** A source as the reader knows it (its outlet, or the wires its text credits), in the interface's language. */
import type { SourceName } from '../core/labels';
import { t } from '../shared/i18n';

/** "Reuters"; "according to Reuters" when the text credits Reuters but names no outlet; or that it is unknown. */
export function sourceNameText(name: SourceName): string {
  switch (name.kind) {
    case 'outlet':
      return name.name;
    case 'credited':
      return t('source.credited', { wires: name.wires });
    case 'unknownOutlet':
      return t('source.unknownOutlet');
    case 'unknownSource':
      return t('source.unknownSource');
  }
}
