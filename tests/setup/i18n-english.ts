/** Unit and DOM tests read the interface in English: the fake browser gets the English locale's getMessage. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageFrom, localeMessages } from './locale-messages';

const english = getMessageFrom(await localeMessages('en'));
fakeBrowser.i18n.getMessage = english as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en';
