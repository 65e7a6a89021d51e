import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FromYourReading, ReadingList } from '../../src/ui/reader-dossier/from-your-reading';
import { selectorsFor } from '../../src/core/reader-dossier/selectors';
import type { SavedItem } from '../../src/data/reader-dossier-schema';

const SENTENCE = 'Peskov also said no call between Putin and Zelenskiy was being discussed.';

function item(id: string, savedAt: string, note?: string): SavedItem {
  const text = `Intro. ${SENTENCE} Outro.`;
  return {
    id,
    actor: { type: 'bundled', id: 'vladimir-putin' },
    kind: 'quote',
    ...(note ? { note } : {}),
    target: { source: 'https://news.example/a', title: 'A', site: 'news.example', selector: selectorsFor(text, 7, 7 + SENTENCE.length) },
    savedAt,
    updatedAt: savedAt,
  };
}

describe('From your reading', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('lists the passage verbatim with site, date saved and a link back; counts the rest', () => {
    root = document.createElement('div');
    document.body.append(root);
    const items = [1, 2, 3, 4].map((k) => item(`item-0000000${k}`, `2026-12-0${k}T08:00:00.000Z`, k === 1 ? '<b>not html</b>' : undefined));
    act(() => render(<ReadingList items={items} />, root));
    const rows = [...root.querySelectorAll('li')];
    expect(rows).toHaveLength(3);
    expect(rows[0]!.querySelector('blockquote')!.textContent).toBe(`“${SENTENCE}”`);
    expect(rows[0]!.textContent).toContain('You saved this on news.example, 2026-12-01');
    expect(rows[0]!.querySelector('a')!.getAttribute('href')).toBe('https://news.example/a');
    expect(rows[0]!.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('1 more in your dossier.');
  });

  it("draws the actor's items in a closed shadow root, and nothing when there are none", async () => {
    root = document.createElement('div');
    document.body.append(root);
    const load = vi.fn(async () => [item('item-00000001', '2026-12-01T08:00:00.000Z')]);
    await act(async () => {
      render(<FromYourReading actor={{ type: 'bundled', id: 'vladimir-putin' }} load={load} />, root);
    });
    await act(async () => {});
    expect(load).toHaveBeenCalledWith({ type: 'bundled', id: 'vladimir-putin' });
    const host = root.querySelector<HTMLElement>('.dp-reading')!;
    expect(host.shadowRoot).toBeNull(); // closed: the page cannot read it
    expect(root.textContent).toBe('');
  });
});
