/**
 * Whether Dossier can run on a tab's URL, and if not, why, in words a reader understands.
 * Browsers never run extension content scripts on their own pages, their add-on stores, or
 * their PDF viewer; telling the user so beats an empty popup.
 */

import { t } from '../../shared/i18n';

/** Why Dossier cannot read a page, or null when it can. */
export type Restriction = { reason: string } | null;

const BROWSER_SCHEMES = ['chrome:', 'chrome-extension:', 'chrome-search:', 'chrome-untrusted:', 'devtools:', 'edge:', 'brave:', 'opera:', 'vivaldi:', 'about:', 'moz-extension:', 'resource:', 'javascript:', 'data:', 'blob:'];
// Stores and account pages where Chrome and Firefox block extensions.
const PROTECTED_HOSTS = ['chromewebstore.google.com', 'addons.mozilla.org', 'accounts.firefox.com', 'support.mozilla.org', 'microsoftedge.microsoft.com'];

/** Classifies a tab URL (undefined when the browser does not tell us). */
export function restrictionOf(url: string | undefined): Restriction {
  if (!url) return { reason: t('popup.restricted.noUrl') };
  if (url.startsWith('view-source:')) return { reason: t('popup.restricted.viewSource') };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { reason: t('popup.restricted.notWebPage') };
  }
  if (BROWSER_SCHEMES.includes(u.protocol)) {
    return { reason: t('popup.restricted.browserPage') };
  }
  if (PROTECTED_HOSTS.includes(u.hostname) || (u.hostname === 'chrome.google.com' && u.pathname.startsWith('/webstore'))) {
    return { reason: t('popup.restricted.store') };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') {
    return { reason: t('popup.restricted.notHttp') };
  }
  if (/\.pdf$/i.test(u.pathname)) {
    return { reason: t('popup.restricted.pdf') };
  }
  return null;
}
