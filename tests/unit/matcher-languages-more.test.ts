/**
 * Spanish, Italian, Polish and Finnish forms, and "Nato" in British and German house style, on sentences as those
 * papers write them: each language with the entities a reader expects, and sentences where nothing (or not the
 * government) is meant.
 */
import { describe, expect, it } from 'vitest';
import { buildMatchEntries } from '../../src/core/entity-index';
import { compileMatcher } from '../../src/core/matcher';
import { dataset } from '../../src/data/dataset';

const matcher = compileMatcher(buildMatchEntries(dataset));
const seen = (text: string) => matcher.scan(text).map((m) => `${m.text}→${m.id}`);

describe('Nato in mixed case', () => {
  it('is NATO in British and German copy', () => {
    expect(seen('Nato allies met in Brussels; the Nato secretary general spoke.')).toEqual(['Nato→nato', 'Nato→nato']);
    expect(seen('Die Nato warnt Russland.')).toEqual(['Nato→nato', 'Russland→russia']);
  });
  it('not inside other words or in lower case', () => {
    expect(seen('Natoli and the nato acronym in lower case')).toEqual([]);
  });
});

describe('Spanish', () => {
  it('finds the states, the White House and the Union', () => {
    expect(seen('En Estados Unidos, la Casa Blanca y la Unión Europea hablaron de Ucrania y Rusia.')).toEqual([
      'Estados Unidos→united-states',
      'Casa Blanca→white-house',
      'Unión Europea→european-union',
      'Ucrania→ukraine',
      'Rusia→russia',
    ]);
    expect(seen('la investigación del asalto al Capitolio de EE. UU. y la OTAN')).toEqual(['EE. UU.→united-states', 'OTAN→nato']);
    expect(seen('EEUU y EE.UU. son lo mismo; Zelenski habló con Putin.')).toEqual([
      'EEUU→united-states',
      'EE.UU.→united-states',
      'Zelenski→volodymyr-zelensky',
      'Putin→vladimir-putin',
    ]);
    expect(seen('Moscú respondió que no.')).toEqual(['Moscú→russia']);
  });
  it('leaves out adjectives, the place, and words that only contain a name', () => {
    expect(seen('los ucranianos y los rusos; la economía estadounidense')).toEqual([]);
    expect(seen('la capital de Ucrania, Kiev.')).toEqual(['Ucrania→ukraine']);
    expect(seen('Vive en Moscú desde 2010.')).toEqual([]);
  });
});

describe('Italian', () => {
  it('finds the states, the White House, the Union and the Kremlin', () => {
    expect(seen('Gli Stati Uniti, la Casa Bianca e l’Unione Europea hanno parlato con il Cremlino sull’Ucraina.')).toEqual([
      'Stati Uniti→united-states',
      'Casa Bianca→white-house',
      'Unione Europea→european-union',
      'Cremlino→kremlin',
      'Ucraina→ukraine',
    ]);
    expect(seen('Mosca ha respinto la proposta di Zelensky.')).toEqual(['Mosca→russia', 'Zelensky→volodymyr-zelensky']);
  });
  it('leaves out adjectives and the place', () => {
    expect(seen('il governo ucraino e quello statunitense')).toEqual([]);
    expect(seen('una conferenza vicino a Mosca')).toEqual([]);
  });
});

describe('Polish, with case forms', () => {
  it('finds the nominative and the common cases', () => {
    expect(seen('Rosja zaatakowała Ukrainę, a Stany Zjednoczone i Unia Europejska odpowiedziały.')).toEqual([
      'Rosja→russia',
      'Ukrainę→ukraine',
      'Stany Zjednoczone→united-states',
      'Unia Europejska→european-union',
    ]);
    expect(seen('Stanowisko Stanów Zjednoczonych, Unii Europejskiej i Rosji wobec Ukrainy.')).toEqual([
      'Stanów Zjednoczonych→united-states',
      'Unii Europejskiej→european-union',
      'Rosji→russia',
      'Ukrainy→ukraine',
    ]);
    expect(seen('Rozmowa Putina z Zełenskim i Trumpem w Białym Domu.')).toEqual([
      'Putina→vladimir-putin',
      'Zełenskim→volodymyr-zelensky',
      'Trumpem→donald-trump',
      'Białym Domu→white-house',
    ]);
    expect(seen('Kreml i Waszyngton nie skomentowały.')).toEqual(['Kreml→kremlin', 'Waszyngton→united-states']);
  });
  it('leaves out adjectives and the place', () => {
    expect(seen('rosyjski i ukraiński rząd, amerykańska delegacja')).toEqual([]);
    expect(seen('Spotkanie odbyło się w Moskwie i w Kijowie.')).toEqual([]);
  });
});

describe('Finnish', () => {
  it('finds the Union in the genitive and the states', () => {
    expect(seen('Euroopan unionin jäsenmaat tukevat Ukrainaa; Venäjän ja Yhdysvaltojen kanta.')).toEqual([
      'Euroopan unionin→european-union',
      'Venäjän→russia',
      'Yhdysvaltojen→united-states',
    ]);
  });
  it('not other words that start like them', () => {
    expect(seen('eurooppalainen unioni ja venäläinen')).toEqual([]);
  });
});
