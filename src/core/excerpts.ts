/**
 * The excerpts of one source that the data uses (quotes and evidence), for the source card page.
 * Pure: the popover links to an excerpt by `excerptAnchor(text)`, and the page gives the excerpt that id.
 */
import type { Dataset } from '../data/schema';

/** One verbatim passage of a source, with what in the data rests on it. */
export interface Excerpt {
  /** Element id on the source card page. */
  anchor: string;
  /** Verbatim text from the source. */
  text: string;
  /** "quote" when it holds a direct quotation, else "evidence". */
  kind: 'quote' | 'evidence';
  /** What in the data rests on it (the interface words each). */
  supports: Support[];
}

/**
 * One thing an excerpt supports, as data: the names, roles, summaries, figures and topics are the data's own
 * English; the interface adds its words around them ("Quote of …", "… controls …").
 */
export type Support =
  | { kind: 'quote'; speaker: string }
  | { kind: 'actor'; name: string; role: string }
  | { kind: 'region'; name: string }
  | { kind: 'control'; region: string; holder: string; figure: string }
  | { kind: 'position'; summary: string }
  | { kind: 'disagreement'; topic: string; value: string };

/** A stable element id for an excerpt text (FNV-1a, so the popover and the page agree without sharing state). */
export function excerptAnchor(text: string): string {
  let h = 0x811c9dc5;
  const t = text.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < t.length; i++) {
    h ^= t.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `x-${h.toString(36)}`;
}

/** The excerpts of `sourceId` the data uses, in the order they first appear in the data, each text once. */
export function collectExcerpts(data: Dataset, sourceId: string): Excerpt[] {
  const byAnchor = new Map<string, Excerpt>();
  const add = (text: string, kind: Excerpt['kind'], support: Support) => {
    const anchor = excerptAnchor(text);
    const found = byAnchor.get(anchor);
    if (found) {
      const key = JSON.stringify(support);
      if (!found.supports.some((s) => JSON.stringify(s) === key)) found.supports.push(support);
      if (kind === 'quote') found.kind = 'quote';
      return;
    }
    byAnchor.set(anchor, { anchor, text, kind, supports: [support] });
  };
  const name = (id: string) =>
    data.actors.find((a) => a.id === id)?.name ?? data.regions.find((r) => r.id === id)?.name ?? id;

  for (const q of data.quotes) if (q.source === sourceId) add(q.sentence, 'quote', { kind: 'quote', speaker: name(q.speaker) });
  for (const a of data.actors)
    for (const e of a.evidence) if (e.source === sourceId) add(e.text, 'evidence', { kind: 'actor', name: a.name, role: a.role });
  for (const r of data.regions) {
    for (const e of r.evidence) if (e.source === sourceId) add(e.text, 'evidence', { kind: 'region', name: r.name });
    for (const c of r.control)
      if (c.evidence.source === sourceId) add(c.evidence.text, 'evidence', { kind: 'control', region: r.name, holder: name(c.holder), figure: c.figure });
  }
  for (const p of data.positions)
    for (const e of p.evidence) if (e.source === sourceId) add(e.text, 'evidence', { kind: 'position', summary: p.summary });
  for (const d of data.disagreements)
    for (const v of d.versions)
      if (v.evidence.source === sourceId) add(v.evidence.text, 'evidence', { kind: 'disagreement', topic: d.topic, value: v.value });
  return [...byAnchor.values()];
}
