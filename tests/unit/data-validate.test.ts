/**
 * Malformed copies of the data set fail validation, each with the path of the bad field.
 */
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../scripts/lib/load-articles';
import { dataset } from '../../src/data/dataset';
import type { DatasetInput } from '../../src/data/schema';
import { validateDataset, validateDatasetOrThrow } from '../../src/validation/validate';

const articles = loadArticles();
type Mutable = DatasetInput & Record<string, unknown>;

/** A deep copy of the data set with one change applied. */
function broken(change: (d: Mutable) => void): Mutable {
  const copy = structuredClone(dataset) as Mutable;
  change(copy);
  return copy;
}

function messages(input: unknown): string[] {
  const result = validateDataset(input, articles);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('validation of malformed data', () => {
  it('names an unknown region in a position by its path', () => {
    const bad = broken((d) => {
      d.positions[3]!.regions = ['donbas', 'donbass'];
    });
    expect(messages(bad)).toEqual(['positions[3].regions[1]: unknown region "donbass"']);
  });

  it('rejects a quote that is not verbatim', () => {
    const bad = broken((d) => {
      d.quotes[0]!.text = 'We are talking about the withdrawal of the regime’s forces from the Donbas';
    });
    const msgs = messages(bad);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatch(/^quotes\[0\]\.text: quote is not part of its sentence: "We are talking about/);
  });

  it('rejects a straightened apostrophe: verbatim means the article’s own characters', () => {
    const bad = broken((d) => {
      const q = d.quotes.findIndex((x) => x.id === 'q-sybiha-wasting-time');
      d.quotes[q]!.text = "wasting the world's time";
    });
    expect(messages(bad)[0]).toMatch(/^quotes\[\d+\]\.text: quote is not part of its sentence/);
  });

  it('rejects a quote that is in the article but not inside quotation marks', () => {
    const bad = broken((d) => {
      d.quotes[0]!.text = 'Peskov said';
    });
    expect(messages(bad)).toEqual(['quotes[0].text: quote is not inside quotation marks in source "reuters-kremlin-donbas": "Peskov said"']);
  });

  it('rejects an evidence excerpt that is not in its source', () => {
    const bad = broken((d) => {
      d.actors[0]!.evidence[0]!.text = 'Russian President Vladimir Vladimirovich Putin';
    });
    expect(messages(bad)).toEqual([
      'actors[0].evidence[0].text: text is not verbatim in source "reuters-kremlin-donbas": "Russian President Vladimir Vladimirovich Putin"',
    ]);
  });

  it('rejects an alias given to two entities unless it is declared shared', () => {
    const bad = broken((d) => {
      d.regions.push({
        id: 'moscow-city',
        name: 'Moscow city',
        kind: 'city',
        description: 'The city',
        aliases: [{ text: 'Moscow', lang: 'en' }],
        evidence: [{ source: 'bbc-putin-india-today', text: 'discussions held in Moscow on Tuesday' }],
      });
      d.positions[0]!.regions!.push('moscow-city');
    });
    const last = `regions[${dataset.regions.length}]`;
    expect(messages(bad)).toEqual([`${last}.aliases[0].text: "Moscow" also names "russia" (actors[13].aliases[3].text); declare it in sharedAliases with a resolution, or remove it`]);
    bad.sharedAliases = [{ text: 'Moscow', entities: ['russia', 'moscow-city'], resolution: 'The state: the articles use Moscow for the government.' }];
    expect(messages(bad)).toEqual([]);
  });

  it('checks not-mentions: an article that uses one needs verbatim evidence containing it', () => {
    const i = dataset.notMentions!.findIndex((n) => n.text === 'Moscow Times');
    const noEvidence = broken((d) => {
      delete d.notMentions![i]!.evidence;
    });
    expect(messages(noEvidence)).toEqual([
      `notMentions[${i}].evidence: "Moscow Times" occurs in source "moscow-times-recognition-imperative": give verbatim evidence`,
    ]);
    const wrongEvidence = broken((d) => {
      d.notMentions![i]!.evidence = { source: 'moscow-times-recognition-imperative', text: 'Support The Moscow Times?' };
    });
    expect(messages(wrongEvidence)).toEqual([
      `notMentions[${i}].evidence.text: text is not verbatim in source "moscow-times-recognition-imperative": "Support The Moscow Times?"`,
    ]);
    const elsewhere = broken((d) => {
      d.notMentions![i]!.evidence = { source: 'moscow-times-recognition-imperative', text: 'Kremlin spokesman Dmitry Peskov' };
    });
    expect(messages(elsewhere)).toEqual([`notMentions[${i}].evidence.text: evidence does not contain "Moscow Times"`]);
  });

  it('rejects a not-mention that contains no alias (noise) or is itself an alias (it would hide the entity)', () => {
    const n = dataset.notMentions!.length;
    const bad = broken((d) => {
      d.notMentions!.push(
        { text: 'Der Spiegel', reason: 'A German news magazine', evidence: { source: 'bbc-putin-india-today', text: 'Germany’s Der Spiegel news website' } },
        { text: 'Kremlin', reason: 'Would block the institution', evidence: { source: 'reuters-kremlin-donbas', text: 'The Kremlin said on Monday' } },
      );
    });
    expect(messages(bad)).toEqual([
      `notMentions[${n}].text: "Der Spiegel" contains no alias, so it blocks nothing`,
      `notMentions[${n + 1}].text: "Kremlin" is an alias of "kremlin": blocking it would hide that entity`,
    ]);
  });

  it('rejects an asOf that names a year no article gives', () => {
    expect(messages(broken((d) => void (d.asOf = 'five reports, late 2025')))).toEqual(['asOf: year 2025 occurs in no article']);
    // A year the texts do give (Crimea "annexed in 2014") is not invented.
    expect(messages(broken((d) => void (d.asOf = 'reports on the war since 2014')))).toEqual([]);
  });

  it('rejects a lone first name as an alias', () => {
    const bad = broken((d) => {
      d.actors[2]!.aliases.push({ text: 'Volodymyr', lang: 'en' });
    });
    expect(messages(bad)).toEqual([`actors[2].aliases[${dataset.actors[2]!.aliases.length}].text: "Volodymyr" is a lone first name; use the full name or the surname`]);
  });

  it('rejects an orphan entity and one no article mentions', () => {
    const bad = broken((d) => {
      d.actors.push({
        id: 'olaf-scholz',
        name: 'Olaf Scholz',
        kind: 'person',
        role: 'Former chancellor',
        affiliation: 'Germany',
        side: 'europe',
        aliases: [{ text: 'Scholz', lang: 'en' }],
        evidence: [{ source: 'bbc-putin-india-today', text: 'German Chancellor Friedrich Merz' }],
      });
    });
    const n = dataset.actors.length;
    expect(messages(bad)).toEqual([
      `actors[${n}]: "olaf-scholz" is an orphan: no position, quote, control claim, disagreement, spokesperson list or parts list refers to it`,
      `actors[${n}].aliases: no alias of "olaf-scholz" is mentioned in any source`,
    ]);
  });

  it('reports schema errors by path before integrity checks', () => {
    const bad = broken((d) => {
      (d.actors[1] as Record<string, unknown>).kind = 'politician';
      d.positions[0]!.id = 'Not Kebab';
    });
    const msgs = messages(bad);
    expect(msgs.some((m) => m.startsWith('actors[1].kind: '))).toBe(true);
    expect(msgs.some((m) => m.startsWith('positions[0].id: ids are lower-case kebab-case'))).toBe(true);
  });

  it('rejects a control figure not worded as in its evidence', () => {
    const bad = broken((d) => {
      const i = d.regions.findIndex((r) => r.id === 'donbas');
      d.regions[i]!.control![0]!.figure = '90 percent';
      expect(i).toBeGreaterThanOrEqual(0);
    });
    expect(messages(bad)[0]).toMatch(/^regions\[\d+\]\.control\[0\]\.figure: figure "90 percent" is not worded as in its evidence$/);
  });

  it('requires a source for every article and an article for every source', () => {
    const withExtra = new Map(articles).set('005_new.txt', 'A new article.');
    const result = validateDataset(dataset, withExtra);
    expect(result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(['sources: article "005_new.txt" has no source entry']);
  });

  it('validateDatasetOrThrow lists every bad field, one per line', () => {
    const bad = broken((d) => {
      d.positions[3]!.regions = ['donbass'];
      d.quotes[1]!.speaker = 'putin';
    });
    expect(() => validateDatasetOrThrow(bad, articles)).toThrowError(
      'Dossier data set is invalid (2 problems):\nquotes[1].speaker: unknown actor "putin"\npositions[3].regions[0]: unknown region "donbass"',
    );
  });
});
