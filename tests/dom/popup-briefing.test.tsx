/**
 * The popup's Briefing tab with the bundled data: positions by side, then "Where the sources disagree" with the
 * versions side by side, each with its verbatim passage and links to the outlets' source cards.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/summary';
import { disagreementsView } from '../../src/core/tracker-model';
import { dataset } from '../../src/data/dataset';
import { Briefing } from '../../src/ui/popup/briefing';
import { excerptAnchor } from '../../src/core/excerpts';

let root: HTMLElement;

function mount() {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Briefing sides={buildBriefing(dataset)} asOf={dataset.asOf} disagreements={disagreementsView(dataset)} />, root));
  return root;
}

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('Briefing: where the sources disagree', () => {
  it('comes after the positions by side and lists every disagreement of the data, marked "Sources differ"', () => {
    const el = mount();
    const headings = [...el.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings[headings.length - 1]).toBe(`Where the sources disagree ${dataset.disagreements.length}`);
    const items = [...el.querySelectorAll('.disagreement')];
    expect(items.map((d) => d.getAttribute('data-disagreement'))).toEqual(dataset.disagreements.map((d) => d.id));
    for (const d of items) expect(d.querySelector('.differs')!.textContent).toBe('Sources differ');
  });

  it('puts Trump’s two titles side by side, each with its passage and its outlets', () => {
    const el = mount();
    const versions = [...el.querySelectorAll('[data-disagreement="trump-title"] .version')].map((v) => ({
      value: v.querySelector('.vvalue')!.textContent,
      passage: v.querySelector('.vevidence')!.textContent,
      outlets: [...v.querySelectorAll('a')].map((a) => a.textContent),
    }));
    expect(versions).toEqual([
      { value: 'U.S. President', passage: 'U.S. President Donald Trump', outlets: ['Reuters (credited)', 'NewsX', 'The Moscow Times'] },
      { value: 'former U.S. President', passage: 'former U.S. President Donald Trump', outlets: ['BBC'] },
    ]);
    expect(el.querySelector('[data-disagreement="trump-title"] .dnote')!.textContent).toMatch(/error/);
  });

  it('links each outlet to its source card, at the passage for the outlet the passage comes from', () => {
    const el = mount();
    const links = [...el.querySelectorAll<HTMLAnchorElement>('[data-disagreement="zelensky-spelling"] a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
      a.target,
    ]);
    expect(links).toEqual([
      ['Reuters (credited)', `/sources.html?id=reuters-kremlin-donbas#${excerptAnchor('Ukrainian President Volodymyr Zelenskiy')}`, '_blank'],
      ['NewsX', `/sources.html?id=newsx-putin-donbas-withdrawal#${excerptAnchor('Ukrainian President Volodymyr Zelensky')}`, '_blank'],
      ['BBC', '/sources.html?id=bbc-putin-india-today', '_blank'],
      ['The Moscow Times', '/sources.html?id=moscow-times-recognition-imperative', '_blank'],
    ]);
  });
});
