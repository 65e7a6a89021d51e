/**
 * The engines' records in document order: appended in order they stay in order without a sort; a node recorded out
 * of order (content inserted above) is noticed, whatever lies between (white space between blocks, nesting).
 */
import { describe, expect, it } from 'vitest';
import { NodeRecords } from '../../src/content/engines/types';

function page(html: string): Text[] {
  document.body.innerHTML = html;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.trim()) out.push(n as Text);
  return out;
}

describe('NodeRecords', () => {
  it('stays in order for paragraphs separated by white space, in sections, with links', () => {
    const nodes = page('<article>\n<p>One <a href="#">two</a> three</p>\n \n<p>four</p>\n<section>\n<div><p>five</p></div>\n</section>\n<p>six</p></article>');
    const records = new NodeRecords<number>();
    nodes.forEach((n, i) => records.set(n, i));
    expect(records.inOrder).toBe(true);
    expect(records.ordered().map(([, r]) => r)).toEqual(nodes.map((_, i) => i));
  });

  it('notices a node recorded out of order and orders it', () => {
    const nodes = page('<p>one</p>\n<p>two</p>\n<p>three</p>');
    const records = new NodeRecords<string>();
    records.set(nodes[1]!, 'two');
    records.set(nodes[2]!, 'three');
    records.set(nodes[0]!, 'one');
    expect(records.inOrder).toBe(false);
    expect(records.ordered().map(([, r]) => r)).toEqual(['one', 'two', 'three']);
  });

  it('notices a node before the last one in the same block, past white space', () => {
    const nodes = page('<p>one \n<b>two</b></p>');
    const records = new NodeRecords<string>();
    records.set(nodes[1]!, 'two');
    records.set(nodes[0]!, 'one');
    expect(records.inOrder).toBe(false);
  });
});
