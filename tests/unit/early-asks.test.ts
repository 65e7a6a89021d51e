/**
 * The asks the top frame makes at document_start (src/content/early-asks.ts): the content script takes each answer
 * once, asks again when there was none or it failed, and never uses a storage read that a change has made old.
 */
import { describe, expect, it, vi } from 'vitest';
import { askEarly, extrasAskedEarly, storageReadEarly, type EarlyAskers } from '../../src/content/early-asks';
import type { PageExtras } from '../../src/core/page-data';

const EXTRAS = { quotes: [] } as unknown as PageExtras;
const LATER = { quotes: [{ id: 'later' }] } as unknown as PageExtras;

function askers(over: Partial<EarlyAskers> = {}) {
  const changed: (() => void)[] = [];
  const removed = vi.fn();
  const a: EarlyAskers = {
    extras: vi.fn(() => Promise.resolve(EXTRAS)),
    storage: vi.fn(() => Promise.resolve({ 'settings.paused': false })),
    watchStorage: vi.fn((cb: () => void) => {
      changed.push(cb);
      return removed;
    }),
    ...over,
  };
  return { askers: a, change: () => changed.forEach((cb) => cb()), removed };
}

describe('early asks', () => {
  it('hands the early answers to the content script once; a second start asks again', async () => {
    const scope = {};
    const { askers: a, removed } = askers();
    askEarly(a, scope);
    askEarly(a, scope);
    expect(a.extras).toHaveBeenCalledTimes(1);
    expect(a.storage).toHaveBeenCalledTimes(1);
    // The watch starts before the read: a change can never fall between them.
    expect(vi.mocked(a.watchStorage).mock.invocationCallOrder[0]).toBeLessThan(vi.mocked(a.storage).mock.invocationCallOrder[0]!);
    const ask = vi.fn(() => Promise.resolve(LATER));
    const read = vi.fn(() => Promise.resolve({ fresh: true }));
    await expect(extrasAskedEarly(ask, scope)).resolves.toBe(EXTRAS);
    await expect(storageReadEarly(read, scope)).resolves.toEqual({ 'settings.paused': false });
    expect(ask).not.toHaveBeenCalled();
    expect(read).not.toHaveBeenCalled();
    // Taking the read ends the early watch: the settings' own watch takes over.
    expect(removed).toHaveBeenCalledTimes(1);
    await expect(extrasAskedEarly(ask, scope)).resolves.toBe(LATER);
    await expect(storageReadEarly(read, scope)).resolves.toEqual({ fresh: true });
  });

  it('reads the storage again when it changed after the early read was asked for', async () => {
    const scope = {};
    const { askers: a, change, removed } = askers();
    askEarly(a, scope);
    change();
    expect(removed).toHaveBeenCalled();
    const read = vi.fn(() => Promise.resolve({ 'settings.paused': true }));
    await expect(storageReadEarly(read, scope)).resolves.toEqual({ 'settings.paused': true });
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('asks again for what failed early', async () => {
    const scope = {};
    const { askers: a } = askers({ extras: () => Promise.reject(new Error('no background yet')), storage: () => Promise.reject(new Error('no storage')) });
    askEarly(a, scope);
    await expect(extrasAskedEarly(() => Promise.resolve(LATER), scope)).resolves.toBe(LATER);
    await expect(storageReadEarly(() => Promise.resolve({ again: 1 }), scope)).resolves.toEqual({ again: 1 });
  });

  it('asks and reads now in a frame where nothing was asked early', async () => {
    await expect(extrasAskedEarly(() => Promise.resolve(LATER), {})).resolves.toBe(LATER);
    await expect(storageReadEarly(() => Promise.resolve({ now: 1 }), {})).resolves.toEqual({ now: 1 });
  });
});
