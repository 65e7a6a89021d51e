/**
 * Finds quoted passages in plain text: straight "…", curly “…”, German „…“ and French « … ». Single quotes are
 * deliberately not treated as quotation marks: ’ and ' are far more often apostrophes ("Russia’s", "don’t") than
 * quotation marks in news copy, and a stray one would swallow the rest of the paragraph.
 *
 * A quotation never spans a line break: in the bundled articles a line is a paragraph, and news style reopens
 * the quotation mark on each paragraph. An opening mark with no closing mark in its paragraph yields a passage
 * that runs to the end of the line, flagged `closed: false`.
 */

/** One quoted passage. Offsets index the original text (UTF-16 code units, end exclusive), marks and inner padding excluded. */
export interface Quotation {
  start: number;
  end: number;
  /** The text between the marks, as written. */
  text: string;
  /** Which marks enclose it. */
  style: 'straight' | 'curly' | 'low' | 'guillemet';
  /** False when the paragraph ended before a closing mark. */
  closed: boolean;
}

/** Opening mark → the marks that close it. */
const CLOSERS: Record<string, { close: string; style: Quotation['style'] }> = {
  '"': { close: '"', style: 'straight' },
  '\u201c': { close: '\u201d', style: 'curly' }, // “ … ”
  '\u201e': { close: '\u201c\u201d', style: 'low' }, // „ … “ (German) or „ … ” (Polish, Romanian)
  '\u00ab': { close: '\u00bb', style: 'guillemet' }, // « … »
};

/** Every quoted passage of `text`, in order. Nested marks inside a passage are kept as part of its text. */
export function findQuotations(text: string): Quotation[] {
  const found: Quotation[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    scanLine(text, lineStart, lineEnd, found);
    lineStart = lineEnd + 1;
  }
  return found;
}

function scanLine(text: string, from: number, to: number, out: Quotation[]): void {
  let i = from;
  while (i < to) {
    const opener = CLOSERS[text[i]!];
    if (!opener) {
      i++;
      continue;
    }
    const start = i + 1;
    let j = start;
    while (j < to && !opener.close.includes(text[j]!)) j++;
    const closed = j < to;
    // French typography puts spaces inside « », and a line may end with spaces: neither belongs to the passage.
    let s = start;
    let e = j;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    out.push({ start: s, end: e, text: text.slice(s, e), style: opener.style, closed });
    i = closed ? j + 1 : to;
  }
}

/**
 * The words of a quotation without the punctuation that belongs to the reporting sentence: news style puts the
 * sentence's comma or full stop inside the marks (“… the Donbas,” Peskov said). Whitespace is collapsed.
 */
export function quotationCore(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\s,.;:]+$/u, '');
}
