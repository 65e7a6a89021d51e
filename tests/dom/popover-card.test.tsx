import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dataset } from '../../src/data/schema';
import { createCardBuilder, type CardModel, type SourceRef } from '../../src/core/card-model';
import { PopoverCard } from '../../src/ui/popover/popover-card';
import { SourceCardPage } from '../../src/ui/source-card/source-card';
import { dataset as bundled } from '../../src/data/dataset';
import { clickTrusted, fixtureData, mentionOf } from './popover-fixture';

const href = (s: SourceRef) => `chrome-extension://test/sources.html?id=${s.id}${s.anchor ? `#${s.anchor}` : ''}`;
let root: HTMLElement;

function mount(card: CardModel, onNotThis?: (scope: 'site' | 'everywhere') => void, onClose?: () => void) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<PopoverCard card={card} sourceHref={href} onNotThis={onNotThis} onClose={onClose} site="example.org" />, root));
  return root;
}

afterEach(() => {
  render(null, root);
  root.remove();
});

const build = createCardBuilder(fixtureData);

describe('PopoverCard (actor)', () => {
  it('is a labelled dialog with name, role, a position and a verbatim quote with its outlet', () => {
    const el = mount(build(mentionOf('dmitry-peskov', 'Peskov'))!);
    const dialog = el.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe('Dossier: Dmitry Peskov (Person)');
    expect(el.querySelector('.dp-title')!.textContent).toBe('Dmitry Peskov');
    expect(el.querySelector('.dp-subtitle')!.textContent).toBe('Kremlin spokesman · Russia');
    const quote = el.querySelector('.dp-quote')!;
    expect(quote.querySelector('blockquote')!.textContent).toBe(
      '“We are talking about the withdrawal of the regime’s armed forces from the Donbas”',
    );
    const link = quote.querySelector('a')!;
    expect(link.textContent).toBe('Reuters');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('href')).toMatch(/^chrome-extension:\/\/test\/sources\.html\?id=reuters-kremlin#x-/);
    expect(el.textContent).toContain('Speaks for Kremlin');
    expect(el.textContent).toContain('Why is this highlighted?');
    expect(el.textContent).toContain('“Peskov” is a name of Dmitry Peskov');
    expect(el.querySelector('.dp-foot')!.textContent).toContain('fixture-1');
  });

  it('shows positions with their sources for a person who holds them', () => {
    const el = mount(build(mentionOf('vladimir-putin', 'Putin'))!);
    const position = el.querySelector('[data-position="russia-demands-donbas-withdrawal"]')!;
    expect(position.querySelector('.dp-badge')!.textContent).toBe('Demand');
    expect(position.textContent).toContain('Ukraine must withdraw its forces');
    expect(position.textContent).toContain('Concerns Donbas');
    expect(position.textContent).toContain('Reported by 3 sources: Reuters, Unknown outlet, The Kyiv Independent (credited)');
    expect(el.textContent).toContain('Appears in 2 of 5 bundled sources');
  });

  it('shows who speaks for an institution', () => {
    const el = mount(build(mentionOf('kremlin', 'Kremlin'))!);
    const section = [...el.querySelectorAll('.dp-section')].find((s) => s.textContent!.startsWith('Speaking for it'))!;
    expect(section.textContent).toContain('Dmitry Peskov, Kremlin spokesman');
  });

  it('asks where "Not this" applies and reports the choice', () => {
    const onNotThis = vi.fn();
    const el = mount(build(mentionOf('ukraine', 'Kyiv'))!, onNotThis);
    act(() => void clickTrusted(el.querySelector('.dp-notthis')!));
    expect(el.textContent).toContain('Stop highlighting “Kyiv”');
    act(() => void clickTrusted(el.querySelector('[data-scope="everywhere"]')!));
    expect(onNotThis).toHaveBeenCalledWith('everywhere');
    act(() => void clickTrusted(el.querySelector('[data-scope="site"]')!));
    expect(onNotThis).toHaveBeenLastCalledWith('site');
    expect(el.querySelector('[data-scope="site"]')!.textContent).toBe('On example.org');
  });

  it("ignores a page's clicks: .click() and dispatched events on its buttons do nothing", () => {
    const onNotThis = vi.fn();
    const onClose = vi.fn();
    const el = mount(build(mentionOf('ukraine', 'Kyiv'))!, onNotThis, onClose);
    act(() => el.querySelector<HTMLButtonElement>('.dp-notthis')!.click());
    expect(el.querySelector('[data-scope]')).toBeNull();
    act(() => void clickTrusted(el.querySelector('.dp-notthis')!));
    for (const button of el.querySelectorAll<HTMLButtonElement>('[data-scope], .dp-close')) {
      act(() => button.click());
      act(() => void button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
    }
    expect(onNotThis).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    act(() => void clickTrusted(el.querySelector('.dp-close')!));
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('PopoverCard (actor) with the bundled data', () => {
  const real = createCardBuilder(bundled);

  it('shows Trump’s title as the sources give it, side by side with their outlets, marked "Sources differ"', () => {
    const el = mount(real({ id: 'donald-trump', text: 'Trump', alias: 'Trump' })!);
    const section = [...el.querySelectorAll('.dp-section')].find((s) => s.querySelector('.dp-section-title')!.textContent === 'Where the sources differ')!;
    expect(section).toBeTruthy();
    const block = section.querySelector('[data-disagreement="trump-title"]')!;
    expect(block.querySelector('.dp-differs')!.textContent).toBe('Sources differ');
    const versions = [...block.querySelectorAll('.dp-version')].map((v) => ({
      value: v.querySelector('.dp-figure-value')!.textContent,
      outlets: [...v.querySelectorAll('a.dp-source')].map((a) => a.textContent),
    }));
    expect(versions).toEqual([
      { value: 'U.S. President', outlets: ['Reuters (credited)', 'NewsX', 'The Moscow Times'] },
      { value: 'former U.S. President', outlets: ['BBC'] },
    ]);
    expect(block.querySelector('.dp-version a.dp-source')!.getAttribute('href')).toMatch(/^chrome-extension:\/\/test\/sources\.html\?id=reuters-kremlin-donbas#x-/);
  });

  it('shows the two spellings of Zelensky with their outlets; Witkoff, whom they agree on, has no such section', () => {
    const el = mount(real({ id: 'volodymyr-zelensky', text: 'Zelenskiy', alias: 'Zelenskiy' })!);
    const values = [...el.querySelectorAll('[data-disagreement="zelensky-spelling"] .dp-version')].map((v) => v.textContent);
    expect(values).toEqual(['ZelenskiyReuters (credited)', 'ZelenskyNewsX, BBC, The Moscow Times']);
    render(null, root);
    root.remove();
    const witkoff = mount(real({ id: 'steve-witkoff', text: 'Witkoff', alias: 'Witkoff' })!);
    expect(witkoff.textContent).not.toContain('Sources differ');
  });
});

describe('PopoverCard (region)', () => {
  it('shows both Donbas figures with their sources and marks that sources differ', () => {
    const el = mount(build(mentionOf('donbas', 'Donbas'))!);
    const control = el.querySelector('.dp-control')!;
    expect(control.querySelector('.dp-differs')!.textContent).toBe('Sources differ');
    const figures = [...control.querySelectorAll('.dp-figure')].map((f) => f.textContent);
    expect(figures).toEqual([
      'about 90% (according to Russian estimates) — Reuters',
      'approximately 85% — Unknown outlet',
    ]);
    expect(el.textContent).toContain('Made up of Donetsk, Luhansk');
    expect(el.textContent).toContain('By Kremlin and Vladimir Putin · asked of Ukraine');
  });

  it('says what an oblast is part of', () => {
    const el = mount(build(mentionOf('donetsk', 'Donetsk'))!);
    expect(el.querySelector('.dp-kind')!.textContent).toBe('Oblast');
    expect(el.querySelector('.dp-subtitle')!.textContent).toBe('Part of Donbas');
  });
});

describe('hostile text in data', () => {
  const evil = '<img src=x onerror="window.__pwned=1">';
  const hostile = Dataset.parse({
    ...fixtureData,
    actors: fixtureData.actors.map((a) =>
      a.id === 'dmitry-peskov' ? { ...a, name: `Peskov ${evil}`, role: '<script>window.__pwned=2</script>' } : a,
    ),
    quotes: fixtureData.quotes.map((q) => (q.id === 'peskov-withdrawal' ? { ...q, text: `${evil} said` } : q)),
    sources: fixtureData.sources.map((s) => (s.id === 'reuters-kremlin' ? { ...s, outlet: '<b>Reuters</b>' } : s)),
  });

  it('renders markup from the data as text, never as elements', () => {
    const el = mount(createCardBuilder(hostile)(mentionOf('dmitry-peskov', '<i>Peskov</i>', 'Peskov'))!);
    expect(el.querySelector('img, script, b, i')).toBeNull();
    expect(el.querySelector('.dp-title')!.textContent).toBe(`Peskov ${evil}`);
    expect(el.querySelector('blockquote')!.textContent).toBe(`“${evil} said”`);
    expect(el.querySelector('.dp-source')!.textContent).toBe('<b>Reuters</b>');
    expect(el.textContent).toContain('“<i>Peskov</i>” matches “Peskov”');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('source card page renders them as text too', () => {
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(<SourceCardPage data={hostile} id="reuters-kremlin" />, root));
    expect(root.querySelector('img, script, b')).toBeNull();
    expect(root.querySelector('.sc-outlet')!.textContent).toBe('<b>Reuters</b>');
  });
});

describe('source card page', () => {
  it('shows one source by id: outlet, headline, credits and its excerpts with the anchors the popover links to', () => {
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(<SourceCardPage data={fixtureData} id="kyiv-post" />, root));
    expect(root.querySelectorAll('.sc-source')).toHaveLength(1);
    expect(root.querySelector('.sc-outlet')!.textContent).toBe('The Kyiv Independent (credited)');
    expect(root.querySelector('.sc-facts')!.textContent).toContain('The Kyiv Independent');
    const putin = build(mentionOf('vladimir-putin', 'Putin'));
    const anchor = putin!.kind === 'actor' ? putin!.quotes[0]!.source.anchor! : '';
    const excerpt = root.querySelector(`[id="${anchor}"]`)!;
    expect(excerpt.textContent).toContain('If they don’t withdraw, we’ll achieve this through military force');
  });

  it('lists every source when no id is given, and says so when the id is unknown', () => {
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(<SourceCardPage data={fixtureData} id="nope" />, root));
    expect(root.querySelectorAll('.sc-source')).toHaveLength(5);
    expect(root.textContent).toContain('No source “nope” in the data');
  });
});

describe('popover sources', () => {
  it('never write HTML from strings (innerHTML, outerHTML, insertAdjacentHTML, dangerouslySetInnerHTML)', () => {
    const dirs = ['src/ui/popover', 'src/ui/source-card', 'src/content/popover', 'entrypoints/sources'];
    const offenders: string[] = [];
    for (const dir of dirs)
      for (const f of readdirSync(dir)) {
        const text = readFileSync(join(dir, f), 'utf8');
        if (/innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML/.test(text)) offenders.push(join(dir, f));
      }
    expect(offenders).toEqual([]);
  });

  it('page-side popover code imports no extension API: the content entry injects getCard, openSource and sourceHref', () => {
    const offenders: string[] = [];
    for (const dir of ['src/content/popover', 'src/ui/popover'])
      for (const f of readdirSync(dir)) {
        const text = readFileSync(join(dir, f), 'utf8');
        const imports = [...text.matchAll(/^\s*import\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
        for (const spec of imports)
          // The interface's words are the one exception: browser.i18n.getMessage only reads the extension's own
          // bundled strings, synchronously, in any frame; passing a translator to every component would add nothing.
          if (spec.endsWith('/shared/i18n')) continue;
          else if (/^wxt\/browser|webextension-polyfill|@webext-core\/messaging|\/shared\/|wxt\/utils\/content-script-ui/.test(spec)) offenders.push(`${join(dir, f)}: ${spec}`);
      }
    expect(offenders).toEqual([]);
  });
});
