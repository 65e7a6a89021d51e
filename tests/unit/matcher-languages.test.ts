import { describe, expect, it } from 'vitest';
import { buildMatchEntries } from '../../src/core/entity-index';
import { compileMatcher } from '../../src/core/matcher';
import { dataset } from '../../src/data/dataset';

const matcher = compileMatcher(buildMatchEntries(dataset));
/** Every mention a reader of `text` sees, in order, as "text→id". */
const seen = (text: string) => matcher.scan(text).map((m) => `${m.text}→${m.id}`);

describe('a Russian report', () => {
  it('finds the Kremlin spokesman, Kyiv as Ukraine and Donbas in the genitive', () => {
    expect(seen('Песков заявил, что Киев должен вывести войска из Донбасса.')).toEqual([
      'Песков→dmitry-peskov',
      'Киев→ukraine',
      'Донбасса→donbas',
    ]);
  });
  it('finds names in the genitive, instrumental and prepositional', () => {
    expect(seen('Ушаков рассказал о встрече Путина с Уиткоффом и Кушнером в Кремле.')).toEqual([
      'Ушаков→yuri-ushakov',
      'Путина→vladimir-putin',
      'Уиткоффом→steve-witkoff',
      'Кушнером→jared-kushner',
      'Кремле→kremlin',
    ]);
  });
  it('finds states, blocs and oblasts in the dative and genitive', () => {
    expect(
      seen('Лавров обвинил Евросоюз и НАТО в поддержке Украины, а Зеленскому предложили отказаться от Крыма и Запорожской области.'),
    ).toEqual([
      'Лавров→sergei-lavrov',
      'Евросоюз→european-union',
      'НАТО→nato',
      'Украины→ukraine',
      'Зеленскому→volodymyr-zelensky',
      'Крыма→crimea',
      'Запорожской области→zaporizhzhia',
    ]);
  });
  it('marks the surname of an inflected full name, and the full name in the nominative', () => {
    expect(seen('Заявление Владимира Путина прокомментировал Дмитрий Песков. Москва ответила.')).toEqual([
      'Путина→vladimir-putin',
      'Дмитрий Песков→dmitry-peskov',
      'Москва→russia',
    ]);
  });
  it('finds case forms in an all-caps headline', () => {
    expect(seen('ЗЕЛЕНСКИЙ ОТВЕТИЛ ПУТИНУ И ТРАМПУ')).toEqual([
      'ЗЕЛЕНСКИЙ→volodymyr-zelensky',
      'ПУТИНУ→vladimir-putin',
      'ТРАМПУ→donald-trump',
    ]);
  });
  it('finds nothing in common words, lower-case homonyms and adjectives', () => {
    // "путина" (the fishing season) and "кремль" (a citadel) in lower case, adjectives and derived words.
    expect(
      seen('Крымский мост, киевский торт и московское метро: путина в разгаре, кремль в Пскове старый, а путинизм и украинский язык обсуждают.'),
    ).toEqual([]);
  });
});

describe('a Ukrainian report', () => {
  it('finds the president, the state, Donbas and Zaporizhzhia in their case forms', () => {
    expect(seen('Зеленський заявив, що Україна не віддасть Донбасу, а Путіну не вдасться захопити Запоріжжя.')).toEqual([
      'Зеленський→volodymyr-zelensky',
      'Україна→ukraine',
      'Донбасу→donbas',
      'Путіну→vladimir-putin',
      'Запоріжжя→zaporizhzhia',
    ]);
  });
  it('finds the foreign minister, his counterparts, regions and the U.S. in locative, instrumental and genitive', () => {
    expect(
      seen('Сибіга обговорив із Рубіо та Макроном ситуацію в Херсоні й на Харківщині, а також позицію Кремля та Сполучених Штатів.'),
    ).toEqual([
      'Сибіга→andrii-sybiha',
      'Рубіо→marco-rubio',
      'Макроном→emmanuel-macron',
      'Херсоні→kherson',
      'Харківщині→kharkiv',
      'Кремля→kremlin',
      'Сполучених Штатів→united-states',
    ]);
  });
  it('finds Crimea, Kyiv and Zelensky in the genitive and dative', () => {
    expect(seen('Переговори щодо Криму відбулися без Києва, повідомили в Офісі Зеленського.')).toEqual([
      'Криму→crimea',
      'Києва→ukraine',
      'Зеленського→volodymyr-zelensky',
    ]);
  });
  it('finds nothing in a region that is not in the data, adjectives and lower-case words', () => {
    expect(seen('Київщина, донбаська шахта, кримські татари і росіяни; суми грошей у банку.')).toEqual([]);
  });
});

describe('a German report', () => {
  it('finds the genitive in -s and the forms that are the same word', () => {
    expect(seen('Putins Forderungen an Kiew: Der Kreml verlangt den Abzug aus dem Donbass und der Krim, sagte Peskow.')).toEqual([
      'Putins→vladimir-putin',
      'Kiew→ukraine',
      'Kreml→kremlin',
      'Donbass→donbas',
      'Krim→crimea',
      'Peskow→dmitry-peskov',
    ]);
  });
  it('finds Selenskyjs, Russlands and the White House in the dative', () => {
    expect(seen('Selenskyjs Treffen mit Merz und Macron im Weißen Haus galt Russlands Krieg gegen die Ukraine.')).toEqual([
      'Selenskyjs→volodymyr-zelensky',
      'Merz→friedrich-merz',
      'Macron→emmanuel-macron',
      'Weißen Haus→white-house',
      'Russlands→russia',
      'Ukraine→ukraine',
    ]);
  });
  it('finds nothing in adjectives and derived words', () => {
    expect(seen('Die russischen und ukrainischen Unterhändler sprachen über Putinismus und Kremlastrologie.')).toEqual([]);
  });
});

describe('a French report', () => {
  it('finds names after "de" and "du", which do not inflect', () => {
    expect(
      seen('Le Kremlin exige le retrait du Donbass, a déclaré Dmitri Peskov ; Zelensky rejette les exigences de Poutine sur la Crimée.'),
    ).toEqual([
      'Kremlin→kremlin',
      'Donbass→donbas',
      'Dmitri Peskov→dmitry-peskov',
      'Zelensky→volodymyr-zelensky',
      'Poutine→vladimir-putin',
      'Crimée→crimea',
    ]);
  });
  it('finds nothing in adjectives', () => {
    expect(seen('Les négociateurs ukrainiens et russes parlent du poutinisme.')).toEqual([]);
  });
});
