/**
 * A small data set in the shape of the real one, built from sentences of the bundled articles, for the popover's
 * unit and DOM tests (the real data set is tested as well once it exists).
 */
import { Dataset, type DatasetInput } from '../../src/data/schema';

const input: DatasetInput = {
  version: 'fixture-1',
  asOf: '2025-12-05',
  sources: [
    { id: 'reuters-kremlin', file: '000_a.txt', outlet: 'Reuters', headline: 'Kremlin says Ukraine should withdraw' },
    { id: 'kyiv-post', file: '001_b.txt', outlet: 'unknown', credits: ['The Kyiv Independent'] },
    { id: 'india-today', file: '002_c.txt', outlet: 'unknown', credits: [] },
    { id: 'moscow-times', file: '003_d.txt', outlet: 'The Moscow Times' },
    { id: 'rksnews', file: '004_e.txt', outlet: 'RksNews' },
  ],
  actors: [
    {
      id: 'dmitry-peskov',
      name: 'Dmitry Peskov',
      kind: 'person',
      role: 'Kremlin spokesman',
      affiliation: 'Russia',
      side: 'russia',
      aliases: [{ text: 'Dmitry Peskov', lang: 'en' }, { text: 'Peskov', lang: 'en' }],
      evidence: [{ source: 'reuters-kremlin', text: 'Kremlin spokesman Dmitry Peskov said' }],
    },
    {
      id: 'kremlin',
      name: 'Kremlin',
      kind: 'institution',
      role: 'Office of the Russian president',
      affiliation: 'Russia',
      side: 'russia',
      aliases: [{ text: 'Kremlin', lang: 'en' }],
      spokespeople: ['dmitry-peskov'],
      evidence: [{ source: 'reuters-kremlin', text: 'The Kremlin said on Monday' }],
    },
    {
      id: 'vladimir-putin',
      name: 'Vladimir Putin',
      kind: 'person',
      role: 'Russian President',
      affiliation: 'Russia',
      side: 'russia',
      aliases: [{ text: 'Vladimir Putin', lang: 'en' }, { text: 'Putin', lang: 'en' }],
      evidence: [{ source: 'india-today', text: 'Russian President Vladimir Putin has reiterated' }],
    },
    {
      id: 'ukraine',
      name: 'Ukraine',
      kind: 'state',
      role: 'State at war with Russia',
      affiliation: 'Ukraine',
      side: 'ukraine',
      aliases: [{ text: 'Ukraine', lang: 'en' }, { text: 'Kyiv', lang: 'en', note: 'metonym' }],
      evidence: [{ source: 'reuters-kremlin', text: 'Ukraine should withdraw its troops' }],
    },
    {
      id: 'russia',
      name: 'Russia',
      kind: 'state',
      role: 'State',
      affiliation: 'Russia',
      side: 'russia',
      aliases: [{ text: 'Russia', lang: 'en' }, { text: 'Moscow', lang: 'en', note: 'metonym' }],
      evidence: [{ source: 'reuters-kremlin', text: 'Russia currently controls around one-fifth of Ukraine' }],
    },
  ],
  regions: [
    {
      id: 'donbas',
      name: 'Donbas',
      kind: 'region',
      description: 'Eastern Ukrainian region made of the Donetsk and Luhansk oblasts.',
      aliases: [{ text: 'Donbas', lang: 'en' }, { text: 'Donets Coal Basin', lang: 'en' }],
      parts: ['donetsk', 'luhansk'],
      control: [
        {
          holder: 'russia',
          figure: 'about 90%',
          according: 'according to Russian estimates',
          evidence: { source: 'reuters-kremlin', text: 'about 90% of Donbas' },
        },
        {
          holder: 'russia',
          figure: 'approximately 85%',
          evidence: { source: 'india-today', text: 'Moscow controls approximately 85% of the Donbas region' },
        },
      ],
      evidence: [{ source: 'kyiv-post', text: 'The Donbas, also known as the Donets Coal Basin' }],
    },
    {
      id: 'donetsk',
      name: 'Donetsk',
      kind: 'oblast',
      description: 'Oblast in eastern Ukraine.',
      aliases: [{ text: 'Donetsk', lang: 'en' }],
      evidence: [{ source: 'kyiv-post', text: 'the heavily industrialized regions of Donetsk and Luhansk' }],
    },
    {
      id: 'luhansk',
      name: 'Luhansk',
      kind: 'oblast',
      description: 'Oblast in eastern Ukraine.',
      aliases: [{ text: 'Luhansk', lang: 'en' }],
      evidence: [{ source: 'kyiv-post', text: 'the heavily industrialized regions of Donetsk and Luhansk' }],
    },
  ],
  positions: [
    {
      id: 'russia-demands-donbas-withdrawal',
      type: 'demand',
      side: 'russia',
      holders: ['kremlin', 'vladimir-putin'],
      addressees: ['ukraine'],
      summary: 'Ukraine must withdraw its forces from the parts of Donbas it still controls.',
      topics: ['territory'],
      regions: ['donbas'],
      quotes: ['peskov-withdrawal'],
      evidence: [
        { source: 'reuters-kremlin', text: 'Ukraine should withdraw its troops from the parts of Donbas it still controls' },
        { source: 'india-today', text: 'Ukrainian forces must withdraw from the Donbas region' },
      ],
      sources: ['reuters-kremlin', 'india-today', 'kyiv-post'],
    },
    {
      id: 'kremlin-warns-more-territory',
      type: 'warning',
      side: 'russia',
      holders: ['kremlin'],
      addressees: ['ukraine'],
      summary: 'Kyiv could lose more territory without a deal.',
      topics: ['territory'],
      evidence: [{ source: 'reuters-kremlin', text: 'warning that Kyiv could lose additional territory' }],
      sources: ['reuters-kremlin'],
    },
  ],
  quotes: [
    {
      id: 'peskov-withdrawal',
      speaker: 'dmitry-peskov',
      text: 'We are talking about the withdrawal of the regime’s armed forces from the Donbas',
      source: 'reuters-kremlin',
      sentence: '“We are talking about the withdrawal of the regime’s armed forces from the Donbas,” Peskov said.',
    },
    {
      id: 'putin-force',
      speaker: 'vladimir-putin',
      text: 'If they don’t withdraw, we’ll achieve this through military force',
      source: 'kyiv-post',
      sentence: '“If they don’t withdraw, we’ll achieve this through military force,” he added, according to The Kyiv Independent.',
      reported: true,
    },
  ],
  disagreements: [
    {
      id: 'donbas-control-share',
      kind: 'figure',
      topic: 'Share of Donbas under Russian control',
      subjects: ['donbas', 'russia'],
      versions: [
        { value: 'about 90%', sources: ['reuters-kremlin'], evidence: { source: 'reuters-kremlin', text: 'about 90% of Donbas' } },
        {
          value: 'approximately 85%',
          sources: ['india-today'],
          evidence: { source: 'india-today', text: 'Moscow controls approximately 85% of the Donbas region' },
        },
      ],
      note: 'Reuters gives Russian estimates; the other source gives no attribution.',
    },
  ],
};

/** The fixture data set, defaults applied by the real schema. */
export const fixtureData: Dataset = Dataset.parse(input);

/** A mention as the matcher would report it. */
export function mentionOf(id: string, text: string, alias = text) {
  return { start: 0, end: text.length, text, id, name: text, category: 'people' as const, alias };
}

/**
 * jsdom's object behind a DOM wrapper. jsdom keeps it under an own symbol described "impl"; its `isTrusted` is a
 * plain field that jsdom itself sets for the events it fires (load, focus).
 */
type JsdomImpl = Record<string | symbol, unknown> & { _dispatch(e: unknown): boolean };

function jsdomImpl(wrapper: object): JsdomImpl {
  const key = Object.getOwnPropertySymbols(wrapper).find((s) => s.description === 'impl');
  if (!key) throw new Error('not a jsdom object: this helper needs the jsdom environment');
  return (wrapper as Record<symbol, JsdomImpl>)[key]!;
}

/**
 * The shadow root of `host`, closed ones included (what the browser's debugging protocol gives the end-to-end
 * tests; a page gets null from `host.shadowRoot`).
 */
export function anyShadowRoot(host: Element): ShadowRoot | null {
  const root = jsdomImpl(host)._shadowRoot as JsdomImpl | null;
  if (!root) return null;
  const key = Object.getOwnPropertySymbols(root).find((s) => s.description === 'wrapper');
  return key ? (root[key] as ShadowRoot) : null;
}

/**
 * Dispatches `event` at `target` as if the browser had made it from the reader's input (`isTrusted` true), the way
 * jsdom fires its own events. `dispatchEvent` and `.click()` give untrusted events, as a page's script would.
 * Returns false when a listener called preventDefault, like dispatchEvent.
 */
export function dispatchTrusted(target: EventTarget, event: Event): boolean {
  const impl = jsdomImpl(event);
  impl.isTrusted = true;
  return jsdomImpl(target)._dispatch(impl);
}

/** A trusted primary click on `el` (what a reader's click gives). */
export function clickTrusted(el: Element): boolean {
  return dispatchTrusted(el, new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 }));
}
