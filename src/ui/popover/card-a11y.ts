/**
 * What a screen reader announces when the card receives focus: the dialog's name (the entity and its kind) and its
 * description (what the card holds, and how to move through it), in the interface's language. The words a reader
 * hears and never sees are all here.
 */
import type { CardModel } from '../../core/card-model';
import { plural, t, type PluralKey } from '../../shared/i18n';

/** The dialog's accessible name: "Dossier: Dmitry Peskov (Person)". */
export function dialogLabel(title: string, kind: string): string {
  return t('card.dialogLabel', { title, kind });
}

function counted(key: PluralKey, n: number): string | null {
  return n === 0 ? null : plural(key, n);
}

/** The parts of "Holds 3 positions, 2 quotations, 1 disagreement between sources." */
function holds(card: CardModel): string[] {
  switch (card.kind) {
    case 'actor':
      return [
        counted('card.a11y.positions', card.positions.length),
        counted('card.a11y.askedOf', card.askedOf.length),
        counted('card.a11y.quotations', card.quotes.length),
        counted('card.a11y.disagreements', card.disagreements.length),
      ].filter((s) => s !== null);
    case 'region':
      return [
        counted('card.a11y.control', card.control.length),
        counted('card.a11y.disagreements', card.disagreements.length),
        counted('card.a11y.concerning', card.positions.length),
      ].filter((s) => s !== null);
    case 'quote':
      return [t('card.a11y.quoteWithSource'), ...(card.wording ? [t('card.a11y.pageWording')] : [])];
    case 'saved-quote':
      return [t('card.a11y.savedQuote')];
    case 'reader-actor':
      return [t('card.a11y.readerActor')];
  }
}

/** The dialog's description: what it holds, then how to move through it and leave. */
export function dialogDescription(card: CardModel): string {
  const parts = holds(card);
  const what = parts.length > 0 ? `${t('card.a11y.holds', { list: parts.join(', ') })} ` : '';
  return `${what}${t('card.a11y.howToMove')}`;
}
