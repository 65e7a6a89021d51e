import { describe, expect, it } from 'vitest';
import { bundledCitation, cardQuoteCitation, formatCitation, savedCitation } from '../../src/core/reader-dossier/citation';
import { createCardBuilder } from '../../src/core/card-model';
import { actorDossierMarkdown, escapeMarkdown } from '../../src/core/reader-dossier/markdown';
import { dataset } from '../../src/data/dataset';
import { NEWSX, REUTERS, savedFrom } from './reader-dossier-fixtures';

const PUTIN_QUOTE = 'Ukrainian troops will withdraw from the territories they occupy, and then the fighting will cease';

describe('Copy with citation', () => {
  it('a bundled quote: verbatim text, speaker, context, outlet as the source names it', () => {
    const q = bundledCitation(dataset, 'q-putin-troops-will-withdraw')!;
    expect(formatCitation(q)).toBe(`“${PUTIN_QUOTE}” — Vladimir Putin, Told reporters on Thursday, NewsX`);
    expect(NEWSX).toContain(q.text);
  });

  it('a bundled quote whose source names no outlet but credits a wire: the wire, as the card labels it', () => {
    const q = bundledCitation(dataset, 'q-peskov-withdrawal-from-donbas')!;
    expect(q.outlet).toBe('Reuters (credited)');
    expect(formatCitation(q)).toBe(
      '“We are talking about the withdrawal of the regime’s armed forces from the Donbas” — Dmitry Peskov, Asked about Kremlin aide Yuri Ushakov’s remarks that Kyiv needed to make a decision on Donbas, Reuters (credited)',
    );
  });

  it('a quotation on a card gives the same citation as the data, and no outlet when the source has none', () => {
    const card = createCardBuilder(dataset)({ id: 'vladimir-putin', alias: 'Putin', text: 'Putin' });
    if (card?.kind !== 'actor') throw new Error('no actor card');
    const q = card.quotes.find((x) => x.id === 'q-putin-troops-will-withdraw')!;
    expect(formatCitation(cardQuoteCitation(q))).toBe(formatCitation(bundledCitation(dataset, q.id)!));
    expect(cardQuoteCitation({ ...q, source: { id: 'x', outlet: { kind: 'unknownOutlet' } } }).outlet).toBeUndefined();
  });

  it('an unknown quote id gives nothing', () => {
    expect(bundledCitation(dataset, 'q-nope')).toBeNull();
  });

  it('a saved quotation: the page title as outlet and its URL; outer quotation marks are not doubled', () => {
    const item = savedFrom(NEWSX, `“${PUTIN_QUOTE},”`, { kind: 'reported' });
    expect(formatCitation(savedCitation(item, 'Vladimir Putin'))).toBe(
      `“${PUTIN_QUOTE},” — Vladimir Putin, as reported, Putin says Ukraine must withdraw from Donbas, https://news.example/world/putin-donbas`,
    );
  });
});

describe('Markdown export of an actor', () => {
  it('quotes each passage verbatim with its citation, grouped by kind', () => {
    const items = [
      savedFrom(NEWSX, PUTIN_QUOTE, { id: 'item-aaaa0001', savedAt: '2026-12-02T08:00:00.000Z' }),
      savedFrom(REUTERS, 'Peskov also said no call between Putin and Zelenskiy was being discussed.', {
        id: 'item-aaaa0002',
        kind: 'reported',
        note: 'no call *yet*',
        url: 'https://www.reuters.example/world/kremlin?id=1',
        title: 'Kremlin says Ukraine should withdraw [live]',
      }),
    ];
    const md = actorDossierMarkdown('Vladimir Putin', items, '2026-12-03');
    expect(md).toBe(
      [
        '# Vladimir Putin: from your reading',
        '',
        'Exported from Dossier on 2026\\-12\\-03: 2 saved items.'.replace(/\\/g, ''),
        '',
        '## Quotes',
        '',
        `> “${escapeMarkdown(PUTIN_QUOTE)}”`,
        '',
        '— Vladimir Putin. Source: [Putin says Ukraine must withdraw from Donbas](<https://news.example/world/putin-donbas>), news\\.example, saved 2026-12-02.',
        '',
        '## Reported statements',
        '',
        '> “Peskov also said no call between Putin and Zelenskiy was being discussed\\.”',
        '',
        '— Vladimir Putin. Source: [Kremlin says Ukraine should withdraw \\[live\\]](<https://www.reuters.example/world/kremlin?id=1>), news\\.example, saved 2026-12-01.',
        '',
        'Note: no call \\*yet\\*',
        '',
      ].join('\n'),
    );
  });

  it('escapes page text so it cannot become a link, image or HTML', () => {
    const md = escapeMarkdown('![x](javascript:alert(1)) <img src=x onerror=alert(1)>');
    expect(md).not.toMatch(/(?<!\\)[[\]<>()!]/);
  });
});
