import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { noInnerHtml } from './scripts/lib/vite-no-inner-html';
import { pageDataModule } from './scripts/lib/vite-page-data';
import { nativeBrowserIn } from './scripts/lib/vite-native-browser';
import { noWxtContextIn } from './scripts/lib/vite-no-wxt-context';
import { loadArticles } from './scripts/lib/load-articles';
import { dataset } from './src/data/dataset';
import { validateDatasetOrThrow } from './src/validation/validate';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // @wxt-dev/i18n: locales/*.yml become _locales/*/messages.json and the typed keys of `#i18n` (docs/localisation.md).
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Icons and other files copied as they are; assets/ also holds the source articles, which are not shipped.
  publicDir: 'assets/public',
  hooks: {
    // Malformed data fails the build, with the path of each bad field, before anything is bundled.
    'build:before': () => {
      validateDatasetOrThrow(dataset, loadArticles());
    },
  },
  vite: () => ({
    plugins: [preact(), noInnerHtml(), pageDataModule(dataset), nativeBrowserIn(['entrypoints/content/', 'entrypoints/frame-gate.ts']), noWxtContextIn(['entrypoints/content/'])],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    default_locale: 'en',
    // storage: settings; tabs: the popup asks which tab it summarises.
    // contextMenus: "Add to Dossier…" on a selection, one of the two gestures that can start a save (docs/reader-dossier.md).
    // scripting (MV3) and the host permission: the background injects the card's code into a frame on the reader's
    // first gesture there, and the content script into a frame whose gate asks (src/background/code-injection.ts). `<all_urls>` is what the content script's matches already
    // cover, so the install warning is the same ("read and change all your data on all websites").
    ...(browser === 'firefox'
      ? { permissions: ['storage', 'tabs', 'contextMenus', '<all_urls>'] }
      : { permissions: ['storage', 'tabs', 'contextMenus', 'scripting'], host_permissions: ['<all_urls>'] }),
    // The frame gate is the one script every frame loads (entrypoints/frame-gate.ts, an unlisted script listed here by
    // hand); the content script (entrypoints/content/, added by WXT after this) is the top frame's, and the background
    // injects it into a frame whose gate asks. Same matches, timing and about:blank rule as the content script had.
    // The top frame also runs a small script at document_start that asks the background for the page data's extras
    // (entrypoints/early.ts), so they are there when the content script starts.
    content_scripts: [
      { matches: ['<all_urls>'], js: ['frame-gate.js'], all_frames: true, match_about_blank: true, run_at: 'document_idle' },
      { matches: ['<all_urls>'], js: ['early.js'], match_about_blank: true, run_at: 'document_start' },
    ],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commands_nextMention__',
      },
      'prev-mention': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commands_prevMention__',
      },
      'add-to-dossier': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: '__MSG_commands_addToDossier__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'dossier@dossier.local',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
