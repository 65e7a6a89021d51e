import { afterEach, describe, expect, it } from 'vitest';
import { siteHostname } from '../../src/content/site-hostname';

describe('siteHostname: the site whose settings a frame follows', () => {
  afterEach(() => document.body.replaceChildren());

  it('is the page’s own hostname', () => {
    expect(location.hostname).not.toBe('');
    expect(siteHostname(window)).toBe(location.hostname);
  });

  it('an about:blank frame (no hostname of its own) follows the page that made it', () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const inner = frame.contentWindow!;
    expect(inner.location.hostname).toBe('');
    expect(siteHostname(inner)).toBe(location.hostname);
  });

  it('a blank frame nested in a blank frame still reaches the site', () => {
    const outer = document.createElement('iframe');
    document.body.append(outer);
    const inner = outer.contentDocument!.createElement('iframe');
    outer.contentDocument!.body.append(inner);
    expect(siteHostname(inner.contentWindow!)).toBe(location.hostname);
  });

  it('a blank frame under a cross-origin parent has no site (the parent cannot be read)', () => {
    const top = { get location(): Location { throw new DOMException('Blocked a frame', 'SecurityError'); } } as unknown as Window;
    const blank = { location: { hostname: '' }, parent: top } as unknown as Window;
    expect(siteHostname(blank)).toBe('');
  });

  it('a top-level page without a hostname (a file, data: URL) has none', () => {
    const alone = { location: { hostname: '' } } as unknown as Window;
    Object.assign(alone, { parent: alone });
    expect(siteHostname(alone)).toBe('');
  });
});
