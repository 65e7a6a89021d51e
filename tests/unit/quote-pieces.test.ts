import { describe, expect, it } from 'vitest';
import { quotePieces } from '../../src/core/quote-pieces';
import { compileQuoteMatcher } from '../../src/core/quote-matcher';

const matcher = compileQuoteMatcher([
  { id: 'lavrov-ball', text: 'We remain open to negotiations. But the ball is not in our court. So far, Kiev has not demonstrated its ability to negotiate' },
  { id: 'merz-games', text: 'They are playing games, both with you and with us' },
]);

describe('quotePieces: a quotation across text nodes', () => {
  it('splits a match that runs across a link into one mention per text node', () => {
    // <blockquote>“We remain … So far, <a>Kiev</a> has not … negotiate,” Lavrov said.</blockquote>
    const nodes = ['“We remain open to negotiations. But the ball is not in our court. So far, ', 'Kiev', ' has not demonstrated its ability to negotiate,” Lavrov said.'];
    const joined = nodes.join('');
    const pieces = quotePieces(matcher.find(joined), nodes.map((n) => n.length), joined, () => 'Sergei Lavrov, quoted');
    expect(pieces.map((p) => [p.segment, nodes[p.segment]!.slice(p.mention.start, p.mention.end)])).toEqual([
      [0, 'We remain open to negotiations. But the ball is not in our court. So far, '],
      [1, 'Kiev'],
      [2, ' has not demonstrated its ability to negotiate'],
    ]);
    expect(pieces.every((p) => p.mention.id === 'lavrov-ball' && p.mention.category === 'quotes')).toBe(true);
    expect(pieces[0]!.mention.alias).toBe(pieces[0]!.match.text);
  });

  it('keeps two quotations in different nodes apart, and skips whitespace-only pieces', () => {
    const nodes = ['Merz: “They are playing games, both with you and with us.” ', '   ', 'Later: “They are playing games, both with you and with us.”'];
    const joined = nodes.join('');
    const pieces = quotePieces(matcher.find(joined), nodes.map((n) => n.length), joined, () => 'Friedrich Merz, quoted');
    expect(pieces.map((p) => p.segment)).toEqual([0, 2]);
    expect(pieces.map((p) => p.mention.text)).toEqual(['They are playing games, both with you and with us', 'They are playing games, both with you and with us']);
  });
});
