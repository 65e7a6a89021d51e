import { describe, expect, it } from 'vitest';
import { buildMatchEntries } from '../../src/core/entity-index';
import { compileMatcher } from '../../src/core/matcher';
import { foldKey } from '../../src/core/normalize';
import { dataset } from '../../src/data/dataset';
import type { Alias } from '../../src/data/schema';

const entities: readonly { id: string; aliases: readonly Alias[] }[] = [...dataset.actors, ...dataset.regions];
const matcher = compileMatcher(buildMatchEntries(dataset));
const INFLECTED = 'Inflected form.';

describe('case forms in the data set', () => {
  it('are Russian, Ukrainian, German, Polish or Finnish, each beside a base form of its entity in the same language', () => {
    const orphans: string[] = [];
    for (const e of entities) {
      for (const a of e.aliases.filter((x) => x.note === INFLECTED)) {
        expect(['ru', 'uk', 'de', 'pl', 'fi'], a.text).toContain(a.lang);
        if (!e.aliases.some((b) => b.lang === a.lang && b.note !== INFLECTED)) orphans.push(`${e.id}: ${a.text}`);
      }
    }
    expect(orphans).toEqual([]);
  });

  it('are shaped like a base form: as many words, each with the base form’s first letter', () => {
    // Catches a phrase split into lone words ("Europäischen", "Union") or a form filed under the wrong name.
    const words = (text: string) => foldKey(text).split(' ');
    const like = (form: string, base: string) => {
      const [f, b] = [words(form), words(base)];
      return f.length === b.length && f.every((w, i) => w[0] === b[i]![0]);
    };
    const misshapen: string[] = [];
    for (const e of entities) {
      const bases = e.aliases.filter((b) => b.note !== INFLECTED);
      for (const a of e.aliases.filter((x) => x.note === INFLECTED))
        if (!bases.some((b) => b.lang === a.lang && like(a.text, b.text))) misshapen.push(`${e.id}: ${a.text}`);
    }
    expect(misshapen).toEqual([]);
  });

  it('cover the genitive of every person, state and region a Russian or Ukrainian report on the talks names', () => {
    // The form a reader meets most ("заявление Путина", "позиція України"), one row per entity and language.
    const genitives: Record<string, string[]> = {
      'vladimir-putin': ['Путина', 'Путіна', 'Putins'],
      'volodymyr-zelensky': ['Зеленского', 'Зеленського', 'Selenskyjs'],
      'donald-trump': ['Трампа', 'Trumps'],
      'dmitry-peskov': ['Пескова', 'Пєскова'],
      'yuri-ushakov': ['Ушакова'],
      'sergei-lavrov': ['Лаврова', 'Lawrows'],
      'steve-witkoff': ['Уиткоффа', 'Виткоффа', 'Віткоффа'],
      'jared-kushner': ['Кушнера'],
      'emmanuel-macron': ['Макрона'],
      'friedrich-merz': ['Мерца'],
      'alexander-stubb': ['Стубба'],
      'andrii-sybiha': ['Сибиги', 'Сибіги'],
      russia: ['России', 'Росії', 'Russlands', 'Москвы', 'Москви'],
      ukraine: ['Украины', 'України', 'Киева', 'Києва'],
      'united-states': ['Соединённых Штатов', 'Сполучених Штатів', 'Вашингтона'],
      kremlin: ['Кремля', 'Kremls'],
      'european-union': ['Евросоюза', 'Євросоюзу', 'Europäischen Union'],
      donbas: ['Донбасса', 'Донбасу'],
      donetsk: ['Донецка', 'Донецька', 'Донецкой области', 'Донецької області', 'Донеччини'],
      luhansk: ['Луганска', 'Луганська', 'Луганской области', 'Луганської області'],
      crimea: ['Крыма', 'Криму'],
      zaporizhzhia: ['Запорожья', 'Запорожской области', 'Запорізької області'],
      kherson: ['Херсона', 'Херсонской области', 'Херсонщини'],
      kharkiv: ['Харькова', 'Харкова', 'Харківщини'],
      sumy: ['Сумской области', 'Сумщини'],
      mykolaiv: ['Миколаєва', 'Николаевской области'],
      dnipropetrovsk: ['Днепропетровской области', 'Дніпропетровщини'],
      mariupol: ['Мариуполя', 'Маріуполя'],
    };
    const found = Object.fromEntries(
      Object.entries(genitives).map(([id, forms]) => [id, forms.map((f) => matcher.scan(`(${f})`).map((m) => m.id).join() || 'none')]),
    );
    expect(found).toEqual(Object.fromEntries(Object.entries(genitives).map(([id, forms]) => [id, forms.map(() => id)])));
  });

  it('leave out the forms that are other words or names', () => {
    // Николаева is a common surname; Сум, Сумам also inflect "сума"; Stubbs is an English surname.
    const keys = new Set(entities.flatMap((e) => e.aliases.map((a) => foldKey(a.text).toLowerCase())));
    const leftOut = ['Николаева', 'Николаеву', 'Сум', 'Сумам', 'Stubbs'];
    expect(leftOut.filter((f) => keys.has(foldKey(f).toLowerCase()))).toEqual([]);
    expect(matcher.scan('Ирина Николаева заплатила 100 сум; картина George Stubbs.')).toEqual([]);
  });
});
