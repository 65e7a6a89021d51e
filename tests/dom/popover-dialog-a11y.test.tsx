import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createCardBuilder, type CardModel, type SourceRef } from '../../src/core/card-model';
import { PopoverCard } from '../../src/ui/popover/popover-card';
import { fixtureData, mentionOf } from './popover-fixture';

const href = (s: SourceRef) => `chrome-extension://test/sources.html?id=${s.id}`;
const build = createCardBuilder(fixtureData);
let root: HTMLElement;

function dialogOf(card: CardModel): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<PopoverCard card={card} sourceHref={href} onClose={() => {}} />, root));
  return root.querySelector<HTMLElement>('[role="dialog"]')!;
}

/** The text of the elements `aria-describedby` names, as a screen reader reads the description. */
function description(dialog: HTMLElement): string {
  const ids = (dialog.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => dialog.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
}

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the card as a dialog for screen readers', () => {
  it('is named by the entity and its kind, and described by what it holds and how to leave it', () => {
    const card = build(mentionOf('dmitry-peskov', 'Peskov'))!;
    if (card.kind !== 'actor') throw new Error('an actor card expected');
    const dialog = dialogOf(card);
    expect(dialog.getAttribute('aria-label')).toBe('Dossier: Dmitry Peskov (Person)');
    const text = description(dialog);
    // The counts are the card's own: what a sighted reader sees as sections.
    expect(card.quotes.length).toBeGreaterThan(0);
    expect(text).toContain(`${card.quotes.length} quotation`);
    expect(text).toMatch(/^Holds /);
    expect(text).toMatch(/Tab moves through its links and buttons; Escape closes it\.$/);
    // Read, not seen: the description is visually hidden, and it is not a heading or a control.
    expect(root.querySelector(`#${dialog.getAttribute('aria-describedby')}`)!.className).toBe('dp-sr');
  });

  it('names a region by its kind, and says what it holds', () => {
    const dialog = dialogOf(build(mentionOf('donbas', 'Donbas'))!);
    expect(dialog.getAttribute('aria-label')).toBe('Dossier: Donbas (Region)');
    expect(description(dialog)).toMatch(/^Holds \d+ claims? of control/);
  });
});
