/**
 * HTML → the text a reader sees, for the scan CLI: no script/style/noscript/template (or other
 * non-rendered elements), nothing inside `hidden` or inline `display: none` elements, white space
 * collapsed as a browser
 * renders it (except in <pre>), one line per block.
 */
import { createRequire } from 'node:module';

// jsdom ships no type declarations (and @types/jsdom is not installed): type the one constructor used.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { document: Document } };
};

/** Elements whose content is never rendered as text. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'IFRAME', 'OBJECT', 'SVG', 'CANVAS', 'SELECT', 'DATALIST']);

/** Elements that start a new line (block and line-breaking elements). */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'CAPTION',
]);

/** Table cells: separated by a tab so that adjacent cells do not merge into one word. */
const CELLS = new Set(['TD', 'TH']);

/** The visible text of an HTML document or fragment, blocks separated by newlines. */
export function visibleText(html: string): string {
  const { document } = new JSDOM(html).window;
  const lines: string[] = [];
  let line = '';
  const breakLine = () => {
    const trimmed = line.replace(/ +/g, ' ').trim();
    if (trimmed.length > 0) lines.push(trimmed);
    line = '';
  };

  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (pre) {
        const [first, ...rest] = data.split('\n');
        line += first;
        for (const part of rest) {
          lines.push(line);
          line = part;
        }
      } else {
        line += data.replace(/[ \t\n\r\f]+/g, ' ');
      }
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    // aria-hidden is not checked on purpose: it hides from screen readers, the text stays on screen.
    if (SKIPPED.has(tag) || element.hasAttribute('hidden')) return;
    if ((element as HTMLElement).style?.display === 'none') return;
    if (tag === 'INPUT' && element.getAttribute('type') === 'hidden') return;
    if (tag === 'BR') {
      breakLine();
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) breakLine();
    if (CELLS.has(tag)) line += '\t';
    const inPre = pre || tag === 'PRE' || tag === 'TEXTAREA';
    for (const child of element.childNodes) walk(child, inPre);
    if (block) breakLine();
  };

  walk(document.body ?? document.documentElement, false);
  breakLine();
  return lines.join('\n');
}
