// Launches headless Firefox ESR with the extension's Firefox build installed as a temporary
// add-on, over WebDriver BiDi (puppeteer-core). Shared by the Firefox e2e suite and `npm start
// -- --browser firefox`. Facts this relies on (checked with Firefox ESR 153):
// - the add-on's moz-extension:// UUID is pinned by the pref extensions.webextensions.uuids;
// - extension pages open with a raw BiDi browsingContext.navigate (page.goto times out on them),
//   which needs --remote-allow-system-access;
// - BiDi sends no console events from extension contexts, so Firefox prints them on stdout
//   (devtools.console.stdout.content) and this reads them there.
// Firefox's stdout and stderr go to a log file (.output/logs/firefox-*.log), never to the terminal;
// what Firefox printed before puppeteer handed the browser over is in puppeteer's launch error.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { openBrowserLog, withLogTail, type BrowserLog } from '@/scripts/browser/browser-log';
import { ROOT } from '@/scripts/browser/chromium';

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output', 'firefox-mv3');
/** The add-on id of the Firefox build (wxt.config.ts, browser_specific_settings). */
export const ADDON_ID = 'dl-tutor@example.org';
/** Any fixed UUID: tests address extension pages by it. */
export const EXTENSION_UUID = '5f0c6e2a-3b1d-4c7e-9a8b-2d4e6f8a0b1c';

/** The Firefox to drive: FIREFOX_PATH, else Debian's firefox-esr. Missing is an error, never a skip. */
export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('No Firefox found. Install one (Debian: `apt-get install -y firefox-esr`) or set FIREFOX_PATH.');
  return found;
}

export interface FirefoxOptions {
  headless?: boolean;
  /** Seconds before Firefox suspends an idle background page (its default is 30). */
  backgroundIdleSeconds?: number;
  /** The browser UI language (intl.locale.requested), e.g. 'zh-CN'. */
  locale?: string;
  extensionDir?: string;
  /** More preferences (a test lets optional permissions be granted without the prompt headless Firefox cannot show). */
  prefs?: Record<string, string | number | boolean>;
  /** Where Firefox's output goes (`npm start` passes its own, shown live with --verbose). */
  log?: BrowserLog;
}

export interface FirefoxHarness {
  browser: Browser;
  /** moz-extension://UUID/path */
  url(path: string): string;
  /** A new tab on an extension page, loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Navigates a tab to any URL (extension pages included) and waits for the load. */
  navigate(page: Page, url: string): Promise<void>;
  /** Console errors and uncaught exceptions from every context, extension ones included, so far. */
  errors(): string[];
  /** Firefox's stdout and stderr from launch on, kept after close. */
  logPath: string;
  close(): Promise<void>;
}

export async function launchFirefox(opts: FirefoxOptions = {}): Promise<FirefoxHarness> {
  const dir = opts.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No Firefox build in ${dir}: run \`npm run build:firefox\` first.`);
  const profile = mkdtempSync(join(tmpdir(), 'dl-tutor-firefox-'));
  const executablePath = firefoxPath();
  const log = opts.log ?? openBrowserLog('firefox');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: opts.headless ?? true,
    protocol: 'webDriverBiDi',
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      'devtools.console.stdout.content': true,
      'browser.shell.checkDefaultBrowser': false,
      ...(opts.backgroundIdleSeconds !== undefined ? { 'extensions.background.idle.timeout': opts.backgroundIdleSeconds * 1000 } : {}),
      ...(opts.locale ? { 'intl.locale.requested': opts.locale, 'intl.accept_languages': opts.locale } : {}),
      ...opts.prefs,
    },
  }).catch((e: unknown) => {
    log.close();
    rmSync(profile, { recursive: true, force: true });
    // Puppeteer's message carries what Firefox printed until then.
    throw new Error(`${executablePath} did not start: ${e instanceof Error ? e.message : String(e)}`);
  });
  const lines: string[] = [];
  const proc = browser.process();
  for (const stream of [proc?.stdout, proc?.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => lines.push(...chunk.split('\n')));
    log.follow(stream);
  }
  const close = async () => {
    await browser.close().catch(() => undefined);
    log.close();
    rmSync(profile, { recursive: true, force: true });
  };
  await browser.installExtension(dir).catch(async (e: unknown) => {
    await close();
    throw withLogTail(`Firefox did not install the add-on in ${dir}: ${e instanceof Error ? e.message : String(e)}`, log.path);
  });
  const base = `moz-extension://${EXTENSION_UUID}/`;
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;
  const navigate = async (page: Page, url: string) => {
    const context = (page.mainFrame() as unknown as { _id: string })._id;
    await connection.send('browsingContext.navigate', { context, url, wait: 'complete' });
  };
  return {
    browser,
    url: (path) => base + path.replace(/^\//, ''),
    navigate,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await navigate(page, base + path.replace(/^\//, ''));
      return page;
    },
    errors: () =>
      lines.filter((l) => /^(console\.error|JavaScript error):/.test(l) && !KNOWN_NOISE.some((n) => n.test(l))),
    logPath: log.path,
    close,
  };
}

/** Messages Firefox itself prints that say nothing about the extension. */
const KNOWN_NOISE: RegExp[] = [
  /^JavaScript error: resource:\/\//,
  /^JavaScript error: chrome:\/\//,
  // Nimbus's Remote Settings experiment loader, failing to sync with no network (about 20 s in).
  /^console\.error: RSLoader:/,
];
