/**
 * What a screen reader announces when the card receives focus: the dialog's name (the entity and its kind) and its
 * description (what the card holds, and how to move through it). The words a reader hears and never sees are all here.
 */
import type { CardModel } from '../../core/card-model';

/** The dialog's accessible name: "Dossier: Dmitry Peskov (Person)". */
export function dialogLabel(title: string, kind: string): string {
  return `Dossier: ${title} (${kind})`;
}

function counted(n: number, one: string, many: string): string | null {
  if (n === 0) return null;
  return `${n} ${n === 1 ? one : many}`;
}

/** What the card holds, as one sentence: "Holds 3 positions, 2 quotations, 1 disagreement between sources." */
function holds(card: CardModel): string[] {
  switch (card.kind) {
    case 'actor':
      return [
        counted(card.positions.length, 'position', 'positions'),
        counted(card.askedOf.length, 'position asked of them', 'positions asked of them'),
        counted(card.quotes.length, 'quotation', 'quotations'),
        counted(card.disagreements.length, 'disagreement between sources', 'disagreements between sources'),
      ].filter((s) => s !== null);
    case 'region':
      return [
        counted(card.control.length, 'claim of control', 'claims of control'),
        counted(card.disagreements.length, 'disagreement between sources', 'disagreements between sources'),
        counted(card.positions.length, 'position concerning it', 'positions concerning it'),
      ].filter((s) => s !== null);
    case 'quote':
      return ['the quotation with its source', ...(card.wording ? ['how this page words it'] : [])];
    case 'saved-quote':
      return ['a quotation you saved'];
    case 'reader-actor':
      return ['what you saved about them'];
  }
}

/** The dialog's description: what it holds, then how to move through it and leave. */
export function dialogDescription(card: CardModel): string {
  const parts = holds(card);
  const what = parts.length > 0 ? `Holds ${parts.join(', ')}. ` : '';
  return `${what}Tab moves through its links and buttons; Escape closes it.`;
}
