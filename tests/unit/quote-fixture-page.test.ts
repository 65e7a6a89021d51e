import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileQuoteMatcher } from '../../src/core/quote-matcher';
import { dataset } from '../../src/data/dataset';

// The fixture page for the quotes highlight (tests/fixtures/pages/quotes.html): what the matcher must find in the
// text of each of its blocks. Tags are stripped per block, as a controller that matches block text would see it.
const html = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pages', 'quotes.html'), 'utf8');
function blockText(id: string): string {
  const m = new RegExp(`<(p|blockquote) id="${id}">([\\s\\S]*?)</\\1>`).exec(html);
  if (!m) throw new Error(`no block #${id} in quotes.html`);
  return m[2]!.replace(/<[^>]+>/g, '');
}
const matcher = compileQuoteMatcher(dataset.quotes);

describe('quotes.html fixture', () => {
  it('#altered: the Putin quotation with altered punctuation and one word changed', () => {
    const [m, ...rest] = matcher.find(blockText('altered'));
    expect(rest).toEqual([]);
    expect(m).toMatchObject({
      quoteId: 'q-putin-liberate-by-force',
      exact: false,
      text: 'Either we liberate those territories by force - or Ukrainian troops will leave these territories',
    });
    expect(m!.diff.filter((op) => op.op !== 'same')).toEqual([
      { op: 'removed', text: 'these' },
      { op: 'added', text: 'those' },
    ]);
  });

  it('#exact and #linked: verbatim quotations, one spanning a link', () => {
    expect(matcher.find(blockText('exact'))).toEqual([expect.objectContaining({ quoteId: 'q-merz-playing-games', exact: true })]);
    expect(matcher.find(blockText('linked'))).toEqual([
      expect.objectContaining({ quoteId: 'q-lavrov-ball-not-in-our-court', exact: true }),
    ]);
  });

  it('#decoys: no quotation in near misses and unquoted short phrases', () => {
    expect(matcher.find(blockText('decoys'))).toEqual([]);
  });
});
