/**
 * Whether Dossier can run on a tab's URL, and if not, why, in words a reader understands.
 * Browsers never run extension content scripts on their own pages, their add-on stores, or
 * their PDF viewer; telling the user so beats an empty popup.
 */

/** Why Dossier cannot read a page, or null when it can. */
export type Restriction = { reason: string } | null;

const BROWSER_SCHEMES = ['chrome:', 'chrome-extension:', 'chrome-search:', 'chrome-untrusted:', 'devtools:', 'edge:', 'brave:', 'opera:', 'vivaldi:', 'about:', 'moz-extension:', 'resource:', 'javascript:', 'data:', 'blob:'];
// Stores and account pages where Chrome and Firefox block extensions.
const PROTECTED_HOSTS = ['chromewebstore.google.com', 'addons.mozilla.org', 'accounts.firefox.com', 'support.mozilla.org', 'microsoftedge.microsoft.com'];

/** Classifies a tab URL (undefined when the browser does not tell us). */
export function restrictionOf(url: string | undefined): Restriction {
  if (!url) return { reason: 'The browser does not let Dossier see this tab.' };
  if (url.startsWith('view-source:')) return { reason: 'Dossier does not run on a page’s source view. Open the page itself.' };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { reason: 'This address is not a web page Dossier can read.' };
  }
  if (BROWSER_SCHEMES.includes(u.protocol)) {
    return { reason: 'This is one of the browser’s own pages. Browsers do not let extensions read them.' };
  }
  if (PROTECTED_HOSTS.includes(u.hostname) || (u.hostname === 'chrome.google.com' && u.pathname.startsWith('/webstore'))) {
    return { reason: 'Browsers do not let extensions run on their add-on store.' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') {
    return { reason: 'Dossier only reads web pages (http and https).' };
  }
  if (/\.pdf$/i.test(u.pathname)) {
    return { reason: 'This is a PDF shown in the browser’s PDF viewer, where extensions cannot run.' };
  }
  return null;
}
