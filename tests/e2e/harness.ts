/**
 * End-to-end harness: real Chromium or Firefox (Debian's packages) with the built extension loaded, and a static
 * server on 127.0.0.1 for fixture pages and the demo site. Nothing talks to any other address.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { loadDemoArticles, renderArticle, renderIndex } from '../../scripts/lib/demo-site';

const ROOT = resolve(import.meta.dirname, '../..');
/** The built extensions, as `npm run build` leaves them. */
export const BUILD_DIRS = {
  chromium: join(ROOT, '.output/chrome-mv3'),
  firefox: join(ROOT, '.output/firefox-mv2'),
} as const;
/** Fixture pages served by default. */
export const FIXTURES_DIR = join(ROOT, 'tests/fixtures/pages');
/** Firefox gives extensions a random internal UUID; this pref pins it so tests can open extension pages. */
export const FIREFOX_EXTENSION_UUID = '6c0a4c1e-7f8d-4b6a-9d2e-0d05519e2a11';
const GECKO_ID = 'dossier@dossier.local';

export type BrowserKind = 'chromium' | 'firefox';

/** A launched browser with Dossier installed. */
export interface Launched {
  kind: BrowserKind;
  browser: Browser;
  extensionId: string;
  /** URL of an extension page, e.g. extensionUrl('/popup.html?tabId=3'). */
  extensionUrl(path: string): string;
  /** A new page (tab). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
  '--window-size=1280,900',
];

/** Where the browser executables are, overridable by CHROMIUM_PATH / FIREFOX_PATH. */
export function executablePath(kind: BrowserKind): string {
  const path = kind === 'chromium' ? (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') : (process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr');
  if (!existsSync(path)) {
    const pkg = kind === 'chromium' ? 'chromium' : 'firefox-esr';
    const env = kind === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH';
    throw new Error(`${kind} not found at ${path}: install it with \`sudo apt-get install -y ${pkg}\` or set ${env} to its executable.`);
  }
  return path;
}

function assertBuilt(kind: BrowserKind): string {
  const dir = BUILD_DIRS[kind];
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}: run \`npm run build\` first.`);
  }
  return dir;
}

/** Options of `launch`. */
export interface LaunchOptions {
  headless?: boolean;
  /**
   * Firefox preferences set at start, for what Firefox cannot emulate per page over WebDriver BiDi (the colour scheme,
   * reduced motion). Chromium emulates those per page (`page.emulateMediaFeatures`).
   */
  firefoxPrefs?: Record<string, string | number | boolean>;
  /**
   * The browser's interface language ('uk', 'de'…), which extensions follow (browser.i18n). Chromium takes it from
   * `--lang` and the environment's LANGUAGE and needs Debian's chromium-l10n; Firefox from `intl.locale.requested`
   * and needs that language pack (firefox-esr-l10n-uk for Ukrainian). scripts/ensure-browsers.sh installs both.
   */
  lang?: string;
  /**
   * The unpacked extension to load instead of `npm run build`'s (the benchmarks load reference builds: an earlier
   * commit's, or one with a part swapped out).
   */
  extensionDir?: string;
  /** Extra Firefox command-line flags (the reader's-dossier test passes `--remote-allow-system-access` to open the browser's own context menu). */
  firefoxArgs?: readonly string[];
}

/** Launches a headless browser with the built extension loaded. */
export async function launch(kind: BrowserKind = 'chromium', opts: LaunchOptions = {}): Promise<Launched> {
  const headless = opts.headless ?? true;
  const lang = opts.lang;
  const dir = opts.extensionDir ?? assertBuilt(kind);
  if (kind === 'chromium') {
    const userDataDir = mkdtempSync(join(tmpdir(), 'dossier-chromium-'));
    const browser = await puppeteer.launch({
      browser: 'chrome',
      executablePath: executablePath('chromium'),
      headless,
      userDataDir,
      enableExtensions: true,
      args: [...CHROMIUM_FLAGS, `--load-extension=${dir}`, `--disable-extensions-except=${dir}`, ...(lang ? [`--lang=${lang}`] : [])],
      defaultViewport: { width: 1280, height: 900 },
      // On Linux Chromium chooses its interface language from the environment; --lang alone is not enough.
      ...(lang ? { env: { ...process.env, LANGUAGE: lang } } : {}),
    });
    const extensionId = await chromiumExtensionId(browser, dir).catch(async (err: unknown) => {
      await browser.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
      throw err;
    });
    return {
      kind,
      browser,
      extensionId,
      extensionUrl: (path) => `chrome-extension://${extensionId}${path.startsWith('/') ? path : `/${path}`}`,
      newPage: () => browser.newPage(),
      close: async () => {
        await browser.close().catch(() => {});
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: executablePath('firefox'),
    headless,
    args: [...(opts.firefoxArgs ?? [])],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // No network but loopback: keep Firefox from calling home.
      'network.captive-portal-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.update.enabled': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      ...(lang ? { 'intl.locale.requested': lang } : {}),
      ...opts.firefoxPrefs,
    },
  });
  await browser.installExtension(dir);
  return {
    kind,
    browser,
    extensionId: FIREFOX_EXTENSION_UUID,
    extensionUrl: (path) => `moz-extension://${FIREFOX_EXTENSION_UUID}${path.startsWith('/') ? path : `/${path}`}`,
    newPage: () => browser.newPage(),
    close: () => browser.close().catch(() => {}),
  };
}

/** The extension id, read from its service worker (which may start before anyone listens: poll). */
async function chromiumExtensionId(browser: Browser, dir: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const worker = browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
    if (worker) return new URL(worker.url()).host;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The extension service worker did not start within 15 s: is the build in ${dir} valid?`);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A static server on 127.0.0.1. */
export interface Served {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Serves `dir` (fixture pages by default) and the demo site (`/` index when dir has no index.html, `/articles/<name>.html`).
 * A file `NAME.headers.json` beside `NAME` adds response headers (e.g. a Content-Security-Policy).
 * `host` may be 'localhost' to get a second origin for per-site tests.
 */
export async function serve(dir: string = FIXTURES_DIR, opts: { host?: '127.0.0.1' | 'localhost' } = {}): Promise<Served> {
  const root = resolve(dir);
  const articles = loadDemoArticles();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const article = articles.find((a) => a.path === path);
    if (article) return send(res, 200, TYPES['.html']!, renderArticle(article));
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) {
      const headers: Record<string, string> = {};
      if (existsSync(`${file}.headers.json`)) Object.assign(headers, JSON.parse(readFileSync(`${file}.headers.json`, 'utf8')));
      return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file), headers);
    }
    if (path === '/' || path === '/index.html') return send(res, 200, TYPES['.html']!, renderIndex(articles));
    send(res, 404, 'text/plain', 'not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://${opts.host ?? '127.0.0.1'}:${port}`;
  return {
    origin,
    url: (p) => `${origin}${p.startsWith('/') ? p : `/${p}`}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

/** Polls `fn` in the page until it returns a truthy value (or throws after `timeout` ms). */
export async function waitInPage<T>(page: Page, fn: () => T, timeout = 10_000): Promise<T> {
  const handle = await page.waitForFunction(fn, { timeout, polling: 100 });
  return (await handle.jsonValue()) as T;
}

/** The fixture server on 127.0.0.1 and a browser of `kind` with Dossier, as most end-to-end suites start. */
export async function launchWithSite(
  kind: BrowserKind,
  opts: LaunchOptions = {},
  serveSite: () => Promise<Served> = () => serve(),
): Promise<{ app: Launched; site: Served }> {
  const site = await serveSite();
  try {
    return { app: await launch(kind, opts), site };
  } catch (error) {
    await site.close(); // the suite never sees `site`, so its afterAll could not close it
    throw error;
  }
}

/** Closes, in order, what a suite opened; a missing one (its `beforeAll` failed early) is skipped. */
export async function closeAll(...opened: ({ close(): Promise<void> } | undefined)[]): Promise<void> {
  for (const thing of opened) await thing?.close();
}
