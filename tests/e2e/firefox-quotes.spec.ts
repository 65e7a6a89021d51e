import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithSite, type Launched, type Served } from './harness';
import { highlighted } from './highlight-page';
import { hoverCard } from './lib/firefox-pages';
import { waitReady } from './lib/page-helpers';

// tests/fixtures/pages/quotes.html in real Firefox: #altered (Putin, "these" → "those"), #exact (Merz),
// #linked (Lavrov, with "Kiev" in a link: three text nodes), #decoys (must not be marked).
const ALTERED = 'Either we liberate those territories by force - or Ukrainian troops will leave these territories';
const EXACT = 'They are playing games, both with you and with us';

describe('known quotations in firefox', () => {
  let app: Launched;
  let site: Served;

  beforeAll(async () => ({ app, site } = await launchWithSite('firefox')));
  afterAll(() => closeAll(app, site));

  async function open() {
    const p = await app.newPage();
    await p.goto(site.url('/quotes.html'));
    await waitReady(p);
    return p;
  }

  it('highlights the exact and the altered quotation in the quotes category, across a link, and not the decoys', async () => {
    const p = await open();
    const { css, marks } = await highlighted(p);
    expect(marks).toEqual([]);
    const quoted = css.filter((h) => h.startsWith('quotes:')).map((h) => h.slice('quotes:'.length));
    expect(quoted.sort()).toEqual(
      [ALTERED, EXACT, 'We remain open to negotiations. But the ball is not in our court. So far, ', 'Kiev', ' has not demonstrated its ability to negotiate'].sort(),
    );
    // The name inside the Lavrov quotation keeps its own highlight too.
    expect(css.filter((h) => h.endsWith(':Kiev'))).toHaveLength(2);
    const decoys = await p.$eval('#decoys', (el) => el.textContent ?? '');
    for (const q of quoted) expect(decoys.includes(q) && q.length > 5).toBe(false);
    await p.close();
  });

  it('hovering the exact quotation opens a card naming Merz and saying the wording is exact', async () => {
    const p = await open();
    const card = await hoverCard(p, 'playing');
    expect(card.label).toMatch(/Friedrich Merz/);
    expect(card.text).toMatch(/Exact wording/);
    await p.close();
  });

  it('hovering the altered quotation shows the source’s wording and the page’s changed word', async () => {
    const p = await open();
    const card = await hoverCard(p, 'liberate');
    expect(card.label).toBe('Dossier: Vladimir Putin, quoted');
    expect(card.text).toMatch(/Either we liberate these territories by force, or Ukrainian troops will leave these territories/);
    expect(card.text).toMatch(/Worded differently on this page/);
    await p.close();
  });
});
