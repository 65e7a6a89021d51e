/**
 * The content script's lifetime (src/shared/content-lifetime.ts): the page cannot end it with WXT's event, a newer
 * instance in the same world ends the older one, and the extension's runtime going away ends it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createContentLifetime } from '../../src/shared/content-lifetime';

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('content script lifetime', () => {
  it("ignores WXT's page-dispatchable shutdown event and announces nothing to the page", () => {
    const posted = vi.spyOn(window, 'postMessage');
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const ctx = createContentLifetime('content');
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
    // What a page would send: WXT's own event name, another message id.
    const name = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
    document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
    expect(ctx.signal.aborted).toBe(false);
    // A context as WXT makes it does stop on that event: the test would notice if the override stopped working.
    const wxt = new ContentScriptContext('content');
    document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
    expect(wxt.signal.aborted).toBe(true);
    ctx.abort();
    posted.mockRestore();
    dispatched.mockRestore();
  });

  it('a newer instance in the same world ends the older one', () => {
    const first = createContentLifetime('content');
    const second = createContentLifetime('content');
    expect(first.signal.aborted).toBe(true);
    expect(second.signal.aborted).toBe(false);
    second.abort();
  });

  it('ends within a second of the extension runtime going away (reload, update, disable)', async () => {
    const ctx = createContentLifetime('content');
    await vi.advanceTimersByTimeAsync(3000);
    expect(ctx.signal.aborted).toBe(false);
    const runtime = fakeBrowser.runtime as { id?: string };
    const id = runtime.id;
    runtime.id = undefined;
    await vi.advanceTimersByTimeAsync(1000);
    expect(ctx.signal.aborted).toBe(true);
    runtime.id = id;
  });
});
