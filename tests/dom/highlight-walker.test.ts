import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isExcludedContext } from '../../src/content/excluded';
import { walkTextNodes } from '../../src/content/text-walker';

const texts = (root: Node) => [...walkTextNodes(root)].map((t) => t.data.trim()).filter(Boolean);

describe('text walker', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('yields prose in document order, skipping form fields, editable regions, code and scripts', () => {
    document.body.innerHTML = `
      <h1>Zelensky in Kyiv</h1>
      <p>Talks with <a href="#">Putin</a> stalled.</p>
      <textarea>Putin in textarea</textarea>
      <input value="Putin in input">
      <select><option>Putin option</option></select>
      <div contenteditable="true"><p>Putin editable</p></div>
      <div contenteditable="false"><p>Crimea not editable</p></div>
      <div role="textbox">Putin textbox</div>
      <pre>Putin pre</pre><code>Putin code</code>
      <script>var s = "Putin script";</script><style>.Putin{}</style><noscript>Putin noscript</noscript>
      <template><p>Putin template</p></template>
      <svg><text>Putin svg</text></svg>
      <figure><figcaption>Donbas caption</figcaption></figure>
      <dossier-popover><p>Putin in our popover</p></dossier-popover>`;
    expect(texts(document.body)).toEqual(['Zelensky in Kyiv', 'Talks with', 'Putin', 'stalled.', 'Crimea not editable', 'Donbas caption']);
  });

  it('walks open shadow roots explicitly and reports them', () => {
    document.body.innerHTML = '<p>Before Kremlin</p><div id="host"></div><p>After Donbas</p>';
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Shadow Putin</p><textarea>Shadow textarea Putin</textarea>';
    const seen: ShadowRoot[] = [];
    const out = [...walkTextNodes(document.body, (s) => seen.push(s))].map((t) => t.data);
    expect(out).toEqual(['Before Kremlin', 'Shadow Putin', 'After Donbas']);
    expect(seen).toEqual([shadow]);
  });

  it('one function decides excluded contexts, also for nodes deep inside and across shadow roots', () => {
    document.body.innerHTML = '<div contenteditable><p><b id="deep">Putin</b></p></div><p id="ok">Putin</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>inside</span>';
    const host = document.getElementById('host')!;
    host.setAttribute('role', 'textbox');
    expect(isExcludedContext(document.getElementById('deep')!.firstChild!)).toBe(true);
    expect(isExcludedContext(document.getElementById('ok')!.firstChild!)).toBe(false);
    expect(isExcludedContext(shadow.querySelector('span')!.firstChild!)).toBe(true);
  });
});

describe('a page in designMode (a whole-page editor)', () => {
  beforeEach(() => {
    document.body.innerHTML = '<h1>Zelensky in Kyiv</h1><p>Talks with <a href="#">Putin</a> stalled.</p>';
  });
  afterEach(() => {
    document.designMode = 'off';
    document.body.innerHTML = '';
  });

  it('yields nothing from any scan root, the whole document included', () => {
    expect(texts(document.documentElement)).toEqual(['Zelensky in Kyiv', 'Talks with', 'Putin', 'stalled.']);
    document.designMode = 'on';
    // The controller's full-page scan starts at <html>; the document itself is a Document node (no ownerDocument).
    expect(texts(document.documentElement)).toEqual([]);
    expect(texts(document)).toEqual([]);
    expect(texts(document.querySelector('p')!)).toEqual([]);
    expect(isExcludedContext(document)).toBe(true);
  });
});
