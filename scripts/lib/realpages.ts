/**
 * The real-page baseline (tests/fixtures/realpages): saved news pages served on 127.0.0.1, opened in Chromium with
 * the built extension, every highlight read with its place in the page's normalised visible text, and compared with
 * expected.json (format and matching rules in the corpus README). Shared by `npm run eval:pages` and
 * tests/e2e/realpages.spec.ts.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launch, type Launched } from '../../tests/e2e/harness';
import { foldKey } from '../../src/core/normalize';
import { ALL_CAPS_MIN_LETTERS } from '../../src/core/matcher';
import { letterCount } from '../../src/core/normalize';
import type { PageData } from '../../src/core/page-data';

/** Where the corpus lives. */
export const REALPAGES_DIR = resolve(import.meta.dirname, '../../tests/fixtures/realpages');

/** One judged string of expected.json. */
export interface Entry {
  text: string;
  before: string;
  after: string;
  occurrence: number;
  category: string;
  entity?: string;
  highlightedAs?: string | { quote: string; speaker: string };
  why?: string;
  rendered?: false;
  element?: string;
}

/** One page of expected.json. */
export interface ExpectedPage {
  file: string;
  text: string;
  control?: boolean;
  mentions: Entry[];
  notMentions: Entry[];
  borderline: Entry[];
  misses: Entry[];
}

/** expected.json. */
export interface Expected {
  pages: Record<string, ExpectedPage>;
}

/** The corpus: the judged lists, and each page's HTML and stored visible text (decompressed). */
export interface Corpus {
  expected: Expected;
  html(name: string): Buffer;
  storedText(name: string): string;
}

/** Reads the corpus from `dir` (pages and texts are stored gzipped). */
export function loadCorpus(dir: string = REALPAGES_DIR): Corpus {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  return {
    expected,
    html: (name) => gunzipSync(readFileSync(join(dir, `${expected.pages[name]!.file}.gz`))),
    storedText: (name) => gunzipSync(readFileSync(join(dir, `${expected.pages[name]!.text}.gz`))).toString('utf8'),
  };
}

/** One highlight as read from the page. */
export interface Highlight {
  category: string;
  text: string;
  /** Span in the normalised visible text; null when the text is not rendered. */
  start: number | null;
  end: number | null;
  /** Context in the nearest enclosing block's normalised textContent (for text that is not rendered). */
  domBefore: string;
  domAfter: string;
}

/** What a page gave. */
export interface PageRun {
  name: string;
  /** Normalised visible text with Dossier running. */
  visible: string;
  highlights: Highlight[];
  /** Errors the extension's own scripts reported on the page (the page's own errors are not Dossier's). */
  dossierErrors: string[];
  /** Set when the page could not be read at all. */
  failure?: string;
}

/** Whitespace runs to one space, trimmed: the corpus README's normalisation. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const CONTEXT = 40;

/**
 * The page-side reader, serialised into the page: each highlight range (CSS Custom Highlight API registry, or the
 * marks engine's elements), located in `document.body.innerText` by writing a private-use marker into the text node
 * at each boundary, reading innerText once, and taking the markers out again.
 */
function readHighlightsInPage(context: number): { text: string; highlights: Highlight[] } {
  const BLOCK = new Set(['P', 'LI', 'TD', 'TH', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'FIGCAPTION', 'DD', 'DT', 'PRE', 'ARTICLE', 'SECTION', 'ASIDE', 'HEADER', 'FOOTER', 'NAV', 'DIV', 'BODY']);
  // Markers from the supplementary private use plane: pages use the BMP one for icon fonts.
  const marker = (i: number, end: boolean) => String.fromCodePoint(0xf0000 + 2 * i + (end ? 1 : 0));
  const ranges: { category: string; range: AbstractRange }[] = [];
  const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
  if (registry) {
    for (const [name, hl] of registry) {
      if (!name.startsWith('dossier-')) continue;
      for (const r of hl) ranges.push({ category: name.slice('dossier-'.length), range: r });
    }
  }
  for (const el of document.querySelectorAll('[data-dossier-category]')) {
    const r = document.createRange();
    r.selectNodeContents(el);
    ranges.push({ category: el.getAttribute('data-dossier-category')!, range: r });
  }
  /** Normalises `s`, reporting where the two markers `a` and `b` land (marker-free result). */
  const locate = (s: string, a: string, b: string): { text: string; start: number; end: number } => {
    let out = '';
    let pending = false;
    let start = -1;
    let end = -1;
    for (const ch of s) {
      if (ch === a) start = out.length + (pending && out.length ? 1 : 0);
      else if (ch === b) end = out.length;
      else if (/\s/.test(ch)) pending = true;
      else {
        if (pending && out.length) out += ' ';
        pending = false;
        out += ch;
      }
    }
    return { text: out, start, end };
  };
  const highlights: Highlight[] = ranges.map(({ category, range }) => {
    const text = (range.startContainer as Text).data?.slice(range.startOffset, range.endOffset) ?? '';
    let block: Node | null = range.startContainer;
    while (block && !(block.nodeType === 1 && BLOCK.has((block as Element).tagName))) block = block.parentNode;
    let domBefore = '';
    let domAfter = '';
    if (block) {
      const pre = document.createRange();
      pre.setStart(block, 0);
      pre.setEnd(range.startContainer, range.startOffset);
      const post = document.createRange();
      post.setStart(range.endContainer, range.endOffset);
      post.setEnd(block, block.childNodes.length);
      const l = locate(`${pre.toString()}\u0001${text}\u0002${post.toString()}`, '\u0001', '\u0002');
      domBefore = l.text.slice(Math.max(0, l.start - context), l.start);
      domAfter = l.text.slice(l.end, l.end + context);
    }
    return { category, text, start: null, end: null, domBefore, domAfter };
  });
  // Boundaries written from the end of each node backwards, so earlier offsets stay valid.
  const edits: { node: Text; offset: number; mark: string }[] = [];
  ranges.forEach(({ range }, i) => {
    if (range.startContainer.nodeType !== 3 || range.endContainer.nodeType !== 3) return;
    edits.push({ node: range.startContainer as Text, offset: range.startOffset, mark: marker(i, false) });
    edits.push({ node: range.endContainer as Text, offset: range.endOffset, mark: marker(i, true) });
  });
  const byNode = new Map<Text, typeof edits>();
  for (const e of edits) byNode.set(e.node, [...(byNode.get(e.node) ?? []), e]);
  const originals = new Map<Text, string>();
  for (const [node, list] of byNode) {
    originals.set(node, node.data);
    let data = node.data;
    for (const e of list.sort((x, y) => y.offset - x.offset)) data = data.slice(0, e.offset) + e.mark + data.slice(e.offset);
    node.data = data;
  }
  const marked = document.body.innerText;
  for (const [node, data] of originals) node.data = data;
  // Normalise the marked text, noting where each marker lands.
  let out = '';
  let pending = false;
  for (const ch of marked) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xf0000 && cp < 0xf0000 + 2 * ranges.length) {
      const i = (cp - 0xf0000) >> 1;
      if (cp & 1) highlights[i]!.end = out.length;
      else highlights[i]!.start = out.length + (pending && out.length ? 1 : 0);
    } else if (/\s/.test(ch)) pending = true;
    else {
      if (pending && out.length) out += ' ';
      pending = false;
      out += ch;
    }
  }
  for (const h of highlights) {
    if (h.start === null || h.end === null || h.end <= h.start) {
      h.start = null;
      h.end = null;
    }
  }
  return { text: out, highlights };
}

/**
 * Main-world set-up before any page script: `Math.random` seeded and the clock started at 2026-12-01T12:00:00Z,
 * as the corpus was recorded, so that a page prints the same thing in every run.
 */
function freezePageWorld(): void {
  let seed = 0x2f6b1a3d;
  Math.random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const RealDate = Date;
  const offset = RealDate.UTC(2026, 11, 1, 12) - RealDate.now();
  class FrozenDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [number]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  (globalThis as { Date: DateConstructor }).Date = FrozenDate as DateConstructor;
}

/** Opens one page, waits for Dossier's first scan, and reads it. */
async function runPage(app: Launched, origin: string, name: string): Promise<PageRun> {
  const page: Page = await app.newPage();
  const dossierErrors: string[] = [];
  const extensionOrigin = app.extensionUrl('/').replace(/\/$/, '');
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ?? '';
    if (where.startsWith(extensionOrigin) || msg.text().includes(extensionOrigin)) dossierErrors.push(msg.text());
  });
  page.on('pageerror', (err) => {
    const e = err as Error;
    if (String(e?.stack ?? '').includes(extensionOrigin)) dossierErrors.push(String(e.message));
  });
  try {
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const url = req.url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') void req.continue();
      else void req.abort();
    });
    // tsx keeps function names with a `__name` helper that serialised functions need in the page too.
    await page.evaluateOnNewDocument('globalThis.__name ??= (f) => f;');
    await page.evaluateOnNewDocument(freezePageWorld);
    await page.goto(`${origin}/${name}.html`, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(() => document.documentElement.getAttribute('data-dossier') === 'ready', { timeout: 60_000, polling: 100 });
    const { text, highlights } = await page.evaluate(readHighlightsInPage, CONTEXT);
    // A page that prints its own address shows the server's port, which the stored text writes as PORT.
    const port = new URL(origin).port;
    const visible = text.replaceAll(`127.0.0.1:${port}`, '127.0.0.1:PORT').replaceAll(`127.0.0.1%3A${port}`, '127.0.0.1%3APORT');
    return { name, visible, highlights, dossierErrors };
  } catch (error) {
    return { name, visible: '', highlights: [], dossierErrors, failure: String((error as Error).message ?? error) };
  } finally {
    await page.close().catch(() => {});
  }
}

/** Serves the corpus pages (decompressed) on 127.0.0.1, opens them in one Chromium with the built extension. */
export async function runCorpus(corpus: Corpus, opts: { names?: string[]; parallel?: number } = {}): Promise<PageRun[]> {
  const names = opts.names ?? Object.keys(corpus.expected.pages);
  const server = createServer((req, res) => {
    const m = /^\/([\w-]+)\.html$/.exec(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (!m || !corpus.expected.pages[m[1]!]) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(corpus.html(m[1]!));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const app = await launch('chromium');
  try {
    const results: PageRun[] = new Array(names.length);
    let next = 0;
    const worker = async () => {
      while (next < names.length) {
        const i = next++;
        results[i] = await runPage(app, origin, names[i]!);
      }
    };
    await Promise.all(Array.from({ length: opts.parallel ?? 3 }, worker));
    return results;
  } finally {
    await app.close();
    await new Promise((ok) => server.close(() => ok(undefined)));
  }
}

/** How one highlight was judged. */
export type Verdict = 'true' | 'wrong' | 'borderline' | 'unjudged';

/** One judged highlight or missed mention, with its context for the report. */
export interface Finding {
  verdict: Verdict | 'missed';
  text: string;
  category: string;
  entity: string | null;
  before: string;
  after: string;
  why?: string;
  rendered: boolean;
}

/** Scores of one page. */
export interface PageScore {
  name: string;
  highlights: number;
  true: number;
  wrong: number;
  borderline: number;
  unjudged: number;
  /** Expected rendered mentions and misses, and how many of them were found. */
  expected: number;
  found: number;
  /** Wrong, borderline, unjudged highlights and missed mentions. */
  problems: Finding[];
  visibleTextChanged: boolean;
  /** Entries whose context is not in the page's visible text (the page printed something else this run). */
  unlocated: number;
  dossierErrors: string[];
  failure?: string;
}

/** Alias → entity id, as the build-time dictionary resolves it (aliases are unique per entity). */
export function entityLookup(pageData: Pick<PageData, 'entries'>): (text: string) => string | null {
  const byKey = new Map<string, string>();
  for (const e of pageData.entries) {
    for (const { text } of e.aliases) {
      const key = foldKey(text);
      if (!byKey.has(key)) byKey.set(key, e.id);
      if (letterCount(key) >= ALL_CAPS_MIN_LETTERS && !byKey.has(key.toUpperCase())) byKey.set(key.toUpperCase(), e.id);
    }
  }
  return (text) => byKey.get(foldKey(text)) ?? null;
}

/** Every start of `needle` in `hay`, overlapping ones included. */
function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Compares one page's run with its expected lists (corpus README: overlap with the entry's located span). */
export function scorePage(run: PageRun, page: ExpectedPage, storedText: string, entityOf: (text: string) => string | null): PageScore {
  const visible = run.visible;
  const score: PageScore = {
    name: run.name,
    highlights: 0,
    true: 0,
    wrong: 0,
    borderline: 0,
    unjudged: 0,
    expected: 0,
    found: 0,
    problems: [],
    visibleTextChanged: run.failure === undefined && visible !== normaliseText(storedText),
    unlocated: 0,
    dossierErrors: run.dossierErrors,
    failure: run.failure,
  };
  if (run.failure) return score;
  // Quotation pieces split by the page's elements are one highlight: merge same-category quote spans that touch.
  const hs: Highlight[] = [];
  for (const h of [...run.highlights].sort((a, b) => (a.start ?? -1) - (b.start ?? -1))) {
    const last = hs[hs.length - 1];
    if (h.category === 'quotes' && last && last.category === 'quotes' && h.start !== null && last.end !== null && h.start - last.end <= 1) {
      last.end = Math.max(last.end, h.end!);
      last.text = visible.slice(last.start!, last.end);
      continue;
    }
    hs.push({ ...h });
  }
  type Located = { entry: Entry; kind: 'mentions' | 'notMentions' | 'borderline' | 'misses'; start: number; end: number } | { entry: Entry; kind: 'mentions' | 'notMentions' | 'borderline' | 'misses'; hidden: true };
  const located: Located[] = [];
  for (const kind of ['mentions', 'notMentions', 'borderline', 'misses'] as const) {
    for (const entry of page[kind]) {
      if (entry.rendered === false) {
        located.push({ entry, kind, hidden: true });
        continue;
      }
      const at = occurrences(visible, entry.before + entry.text + entry.after)[entry.occurrence - 1];
      if (at === undefined) {
        score.unlocated++;
        continue;
      }
      const start = at + entry.before.length;
      located.push({ entry, kind, start, end: start + entry.text.length });
    }
  }
  const entityOfHighlight = (h: Highlight) => (h.category === 'quotes' ? null : entityOf(h.text));
  const sameThing = (h: Highlight, e: Entry) => h.category === e.category && (e.entity === undefined || h.category === 'quotes' || entityOfHighlight(h) === e.entity);
  // Hidden highlights: matched by text and DOM context, the n-th alike in document order.
  const hiddenSeen = new Map<string, number>();
  const matchedEntries = new Set<Entry>();
  const judge = (h: Highlight): { verdict: Verdict; entry?: Entry } => {
    if (h.start === null) {
      const key = `${h.text}\u0000${h.domBefore.trim()}\u0000${h.domAfter.trim()}`;
      const n = (hiddenSeen.get(key) ?? 0) + 1;
      hiddenSeen.set(key, n);
      // The recorded context may be cut shorter than ours (a smaller enclosing block): exact matches first.
      const b = h.domBefore.trim();
      const a = h.domAfter.trim();
      const hidden = located.filter((l): l is Extract<Located, { hidden: true }> => 'hidden' in l && l.entry.text === h.text);
      const exact = hidden.filter((l) => l.entry.before.trim() === b && l.entry.after.trim() === a);
      const near = hidden.filter((l) => b.endsWith(l.entry.before.trim()) && a.startsWith(l.entry.after.trim()));
      const alike = exact.length ? exact : near;
      const l = alike.find((x) => x.entry.occurrence === n) ?? alike[0];
      if (!l) return { verdict: 'unjudged' };
      return verdictOf(l.kind, l.entry, h);
    }
    const overlapping = located.filter((l): l is Extract<Located, { start: number }> => 'start' in l && l.start < h.end! && h.start! < l.end);
    // A highlight over a judged span: the list it is on decides (a true mention only for the same entity).
    const best = overlapping.find((l) => (l.kind === 'mentions' || l.kind === 'misses') && sameThing(h, l.entry)) ?? overlapping.find((l) => l.kind === 'notMentions') ?? overlapping.find((l) => l.kind === 'borderline');
    if (!best) return { verdict: 'unjudged' };
    return verdictOf(best.kind, best.entry, h);
  };
  const verdictOf = (kind: Located['kind'], entry: Entry, h: Highlight): { verdict: Verdict; entry?: Entry } => {
    if (kind === 'mentions' || kind === 'misses') {
      if (!sameThing(h, entry)) return { verdict: 'wrong', entry };
      matchedEntries.add(entry);
      return { verdict: 'true', entry };
    }
    return { verdict: kind === 'notMentions' ? 'wrong' : 'borderline', entry };
  };
  for (const h of hs) {
    score.highlights++;
    const { verdict, entry } = judge(h);
    if (verdict === 'true') score.true++;
    else if (verdict === 'wrong') score.wrong++;
    else if (verdict === 'borderline') score.borderline++;
    else score.unjudged++;
    if (verdict !== 'true') {
      const before = h.start === null ? h.domBefore : visible.slice(Math.max(0, h.start - CONTEXT), h.start);
      const after = h.start === null ? h.domAfter : visible.slice(h.end!, h.end! + CONTEXT);
      score.problems.push({ verdict, text: h.text, category: h.category, entity: entityOfHighlight(h), before, after, why: entry?.why, rendered: h.start !== null });
    }
  }
  // Recall: rendered mentions and misses must be highlighted (same entity, overlapping).
  for (const l of located) {
    if ((l.kind !== 'mentions' && l.kind !== 'misses') || 'hidden' in l) continue;
    score.expected++;
    if (matchedEntries.has(l.entry)) score.found++;
    else score.problems.push({ verdict: 'missed', text: l.entry.text, category: l.entry.category, entity: l.entry.entity ?? null, before: l.entry.before, after: l.entry.after, rendered: true });
  }
  return score;
}

/** Totals over pages. */
export function totals(scores: readonly PageScore[]): { highlights: number; true: number; wrong: number; borderline: number; unjudged: number; expected: number; found: number; precision: number; recall: number } {
  const sum = (f: (s: PageScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const t = {
    highlights: sum((s) => s.highlights),
    true: sum((s) => s.true),
    wrong: sum((s) => s.wrong),
    borderline: sum((s) => s.borderline),
    unjudged: sum((s) => s.unjudged),
    expected: sum((s) => s.expected),
    found: sum((s) => s.found),
  };
  return { ...t, precision: t.true / Math.max(1, t.true + t.wrong + t.borderline), recall: t.found / Math.max(1, t.expected) };
}
