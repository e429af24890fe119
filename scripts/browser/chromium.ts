// Launches headless Chromium with a built extension: shared by the e2e tests, the benchmarks and
// anything else that drives the extension in a real browser (nothing here is test-only).
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserLogPath, withLogTail } from '@/scripts/browser/browser-log';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');

/** The browser the tests drive: CHROME_PATH, else Debian's chromium. Missing is an error, never a skip. */
export function chromePath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found. Install one (Debian: `apt-get install -y chromium`) or set CHROME_PATH to a Chrome/Chromium binary.',
    );
  }
  return found;
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  url(path: string): string;
  serviceWorker(): Promise<Worker>;
  /** Chromium's own log (.output/logs/chromium-*.log), kept after close. */
  logPath: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  webgpu: boolean;
  locale?: string;
  colorScheme?: 'light' | 'dark';
  /** Another build of the extension (a damaged copy, for the error paths). */
  extensionDir?: string;
  /** More Chromium switches (the benchmarks keep background pages unthrottled). */
  extraArgs?: string[];
}

export async function launch(opts: LaunchOptions): Promise<Harness> {
  const dir = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}: run \`npm run build\` first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'dl-tutor-e2e-'));
  // Playwright keeps Chromium's stderr to itself (it quotes it only when the launch fails), so
  // Chromium writes its log to a file of its own as well, one per launch. --log-level=1 keeps that
  // to what it prints on stderr (warnings and errors): at INFO, --enable-logging also copies every
  // console message of every page into the file from the browser process (3.8 MB in the fuzz test).
  const logPath = browserLogPath('chromium');
  const args = [
    '--enable-logging',
    `--log-file=${logPath}`,
    '--log-level=1',
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    '--no-sandbox',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    // The WASM fallback is tested by leaving WebGPU off: without this flag,
    // headless Chromium has no adapter at all.
    ...(opts.webgpu ? ['--enable-unsafe-webgpu'] : []),
    ...(opts.extraArgs ?? []),
  ];
  const executablePath = chromePath();
  const context = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args,
      locale: opts.locale ?? 'en-US',
      colorScheme: opts.colorScheme ?? 'light',
      viewport: { width: 1000, height: 800 },
    })
    .catch((e: unknown) => {
      rmSync(userDataDir, { recursive: true, force: true });
      throw withLogTail(`${executablePath} did not start: ${e instanceof Error ? e.message : String(e)}`, logPath);
    });
  const serviceWorker = async (): Promise<Worker> =>
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = await serviceWorker().then(
    (w) => new URL(w.url()).host,
    async (e: unknown) => {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
      throw withLogTail(`the extension in ${dir} started no service worker: ${e instanceof Error ? e.message : String(e)}`, logPath);
    },
  );
  return {
    context,
    extensionId,
    url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    serviceWorker,
    logPath,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

