/**
 * A whole-page scan asks the background for its names (`findNames`) when the page matches with the background's plan:
 * the page walks and sends its texts, and highlights exactly what it would have found itself, without running its
 * own names patterns. When the background cannot answer, or answers something malformed, the page finds the names
 * itself; a text the page changes while the answer is on its way is highlighted as it is now; a page that excludes an
 * alias, which the background's plan does not, never asks. A text without a letter is not sent.
 */
import { describe, expect, it, vi } from 'vitest';
import { createNameFinder } from '../../src/background/name-finder';
import { createBenchHook } from '../../src/content/bench-hook';
import { startController } from '../../src/content/controller';
import type { FindNames } from '../../src/content/remote-names';
import { buildPageData, withoutExtras } from '../../src/core/page-data';
import { pageExtras } from '../../src/core/page-extras';
import { updateSettings } from '../../src/shared/settings';
import { dataset } from '../../src/data/dataset';
import { useControllerPage } from './controller-page';

const real = buildPageData(dataset);
const extras = pageExtras(real);
const paragraphs = [
  'WASHINGTON (AP) — President Donald Trump said on Tuesday that Vladimir Putin wants the Donbas.',
  'The Washington Post reported that Melania Trump stayed in Washington.',
  'Zelensky met Macron at the Élysée; Путін мовчав.',
  '<a href="#x">Kremlin</a> spokesman Dmitry Peskov said Moscow would answer Kyiv.',
];
// Indented, as pages are: the white space between the paragraphs is text nodes of several characters.
const page = useControllerPage(() => `<div>\n    ${paragraphs.map((p) => `<p>${p}</p>`).join('\n    ')}\n  </div>`);

/** The background's answer, cloned as a message's is. */
function background(): FindNames & { calls: string[][] } {
  const finder = createNameFinder({ extras: () => extras });
  const calls: string[][] = [];
  return Object.assign(async (texts: string[], plan: string) => {
    calls.push(texts);
    return structuredClone(finder.find(structuredClone(texts), plan));
  }, { calls });
}

async function start(findNames?: FindNames) {
  const bench = createBenchHook(null);
  page.controller = await startController({ ctx: page.ctx, data: withoutExtras(real), loadMarks: page.loadMarks, findQuotes: page.findQuotes, findNames, topFrame: true, bench, extras: () => Promise.resolve(structuredClone(extras)) });
  await vi.advanceTimersByTimeAsync(1500);
  expect(page.controller!.getState().status).toBe('ready');
  return bench;
}

/** What is highlighted: each mark's text and entity, in document order. */
function marks(): string[] {
  return [...document.querySelectorAll('dossier-mark')].map((m) => `${m.textContent}=${m.getAttribute('data-dossier-id')}`);
}

async function found(findNames?: FindNames) {
  await start(findNames);
  const out = { marks: marks(), state: page.controller!.getState().mentions };
  page.controller!.destroy();
  page.controller = null;
  return out;
}

describe('controller: names found by the background', () => {
  it('highlights what the page finds itself, with texts sent and none of its own names patterns run', async () => {
    // A names matcher runs its patterns first on 1,024 spaces, to have them compiled (compileNative): the background's
    // is warmed before watching, so such a run while a page loads is the page compiling its own.
    const asked = background();
    await asked(paragraphs, extras.planKey!);
    asked.calls.length = 0;
    let compiled = 0;
    const exec = RegExp.prototype.exec;
    const spy = vi.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, subject: string) {
      if (this.source.length > 1000 && subject === ' '.repeat(1024)) compiled++;
      return exec.call(this, subject);
    });
    const own = await found();
    expect(compiled).toBeGreaterThan(0);
    compiled = 0;
    const remote = await found(asked);
    spy.mockRestore();
    expect(own.marks).toContain('Donald Trump=donald-trump');
    expect(own.marks.some((m) => m.startsWith('Washington='))).toBe(false);
    expect(remote.marks).toEqual(own.marks);
    expect(remote.state).toEqual(own.state);
    expect(asked.calls.flat()).toContain('Kremlin');
    expect(compiled).toBe(0);
    // The white space between the paragraphs holds no name and is not sent.
    expect(document.querySelector('div')!.firstChild!.nodeValue).toBe('\n    ');
    expect(asked.calls.flat().every((t) => /\p{L}/u.test(t))).toBe(true);
  });

  it('counts the background’s time for the page, not the page’s', async () => {
    const bench = await start(background());
    expect(bench.counters.namesBackground).toBeGreaterThanOrEqual(0);
    expect(bench.counters.namesAnswered).toBeGreaterThanOrEqual(paragraphs.length);
    expect(bench.counters.fullScans).toBe(1);
  });

  it('finds the names itself when the background cannot answer, or answers something else', async () => {
    const own = await found();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await found(() => Promise.reject(new Error('asleep')))).marks).toEqual(own.marks);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    expect((await found(() => Promise.resolve({ found: 'not numbers', ms: 1 }))).marks).toEqual(own.marks);
    expect((await found(() => Promise.resolve({ found: 42, ms: 1 } as never))).marks).toEqual(own.marks);
    expect((await found(() => Promise.resolve(undefined as never))).marks).toEqual(own.marks);
  });

  it('highlights a text the page changed while its names were on their way as it is now', async () => {
    const asked = background();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow: FindNames = async (texts, plan) => {
      await held;
      return asked(texts, plan);
    };
    page.controller = await startController({ ctx: page.ctx, data: withoutExtras(real), loadMarks: page.loadMarks, findQuotes: page.findQuotes, findNames: slow, topFrame: true, extras: () => Promise.resolve(structuredClone(extras)) });
    await vi.advanceTimersByTimeAsync(200);
    // Same length, other names: only a new read of the text tells.
    const p = document.querySelectorAll('p')[2]!;
    const before = p.firstChild as Text;
    const read = before.data;
    const now = 'Kallas met Stubb at the Élysée; Путін мовчав.'.padEnd(before.data.length, ' ');
    expect(now.length).toBe(before.data.length);
    before.data = now;
    // Shorter: the names found in the text as it was would reach past its end.
    const shorter = document.querySelectorAll('p')[0]!.firstChild as Text;
    shorter.data = 'Putin.';
    release();
    await vi.advanceTimersByTimeAsync(1500);
    expect(page.controller!.getState().status).toBe('ready');
    const inP = [...p.querySelectorAll('dossier-mark')].map((m) => m.textContent);
    const ids = [...p.querySelectorAll('dossier-mark')].map((m) => m.getAttribute('data-dossier-id'));
    // The background was asked about the text as the walk read it; the page's change is scanned on the page.
    expect(asked.calls.flat()).toContain(read);
    expect(ids).not.toContain('volodymyr-zelensky');
    expect(ids).not.toContain('emmanuel-macron');
    expect(inP).toContain('Путін');
    expect([...document.querySelectorAll('p')[0]!.querySelectorAll('dossier-mark')].map((m) => m.textContent)).toEqual(['Putin']);
    expect(marks()).toContain('Dmitry Peskov=dmitry-peskov');
  });

  it('finds the names itself when the reader excluded an alias (the background’s plan has it)', async () => {
    await updateSettings({ excludedAliases: ['zelensky'] });
    const asked = background();
    await start(asked);
    expect(asked.calls).toEqual([]);
    expect(marks()).not.toContain('Zelensky=volodymyr-zelensky');
    expect(marks()).toContain('Donald Trump=donald-trump');
  });
});
