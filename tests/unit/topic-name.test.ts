/** Every topic of the bundled data has a name in every language of the interface; one without reads as words. */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dataset } from '../../src/data/dataset';
import { columnLabel, topicKey, topicName } from '../../src/ui/tracker/topic-name';
import { getMessageFrom, localeMessages, localeNames } from '../setup/locale-messages';

const english = fakeBrowser.i18n.getMessage;
afterEach(() => {
  fakeBrowser.i18n.getMessage = english;
});

const topics = [...new Set(dataset.positions.flatMap((p) => p.topics))].sort();

describe('topic names', () => {
  it('has topics to name', () => expect(topics.length).toBeGreaterThan(10));

  it.each(localeNames())('every topic of the data has a message in %s', async (lang) => {
    const messages = await localeMessages(lang);
    const missing = topics.filter((id) => !messages.get(topicKey(id).replace('.', '_')));
    expect(missing).toEqual([]);
  });

  it('in English and in Ukrainian', async () => {
    expect(topicName('security-guarantees')).toBe('Security guarantees');
    expect(columnLabel({ key: 'topic:nato', kind: 'topic', id: 'nato' })).toBe('NATO');
    expect(columnLabel({ key: 'region:donbas', kind: 'region', id: 'donbas', label: 'Donbas' })).toBe('Donbas');
    expect(topicName('a-topic-new-to-the-data')).toBe('a topic new to the data');
    fakeBrowser.i18n.getMessage = getMessageFrom(await localeMessages('uk')) as typeof fakeBrowser.i18n.getMessage;
    expect(topicName('security-guarantees')).toBe('Гарантії безпеки');
    expect(topicName('territory')).toBe('Територія');
  });
});
