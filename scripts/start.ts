// `npm start`: build the extension, serve the bundled demo lecture on 127.0.0.1 and open a
// browser with the extension loaded on it.
//   npm start                          Chromium or Chrome (CHROME_PATH, else the usual places)
//   npm start -- --browser firefox     Firefox (FIREFOX_PATH, else firefox-esr / firefox)
//   npm start -- --browser chrome      a Chrome/Chromium binary even where Firefox is also found
//   npm start -- --verbose             also print the browser's own output as it comes
// The browser's brand and version are read from the binary itself: Chromium, Chrome for Testing
// and Chrome before 137 take --load-extension; Google Chrome 137+ ignores that flag, so the build
// is loaded over the DevTools protocol (Extensions.loadUnpacked). START_HEADLESS=1 runs headless,
// checks that the demo page was annotated, and exits (a smoke check for machines with no display);
// START_LOAD=cdp forces the DevTools path (to try it with Chromium).
// The terminal gets the script's own lines; the browser's stdout and stderr go to a log file under
// .output/logs/ whose path is printed (`npm start -- --verbose` also shows them as they come).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { identify, loadMethod, type BrowserIdentity, type LoadMethod } from '@/scripts/browser/brand';
import { openBrowserLog, withLogTail, type BrowserLog } from '@/scripts/browser/browser-log';
import { launchWithCdpPipe } from '@/scripts/browser/cdp-pipe';
import { ROOT } from '@/scripts/browser/chromium';
import { firefoxPath, launchFirefox } from '@/scripts/browser/firefox';
import { serveStatic } from '@/scripts/static-server.mjs';

const argv = process.argv.slice(2);
const wanted = argv.includes('--browser') ? argv[argv.indexOf('--browser') + 1] : process.env.START_BROWSER;
const headless = process.env.START_HEADLESS === '1';
const verbose = argv.includes('--verbose');
const CHROMES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function fail(message: string): never {
  console.error(`start: ${message}`);
  process.exit(1);
}

/** What was loaded, into which browser and how, where, and how to stop: the lines a user reads. */
function announce(extension: string, browser: string, log: BrowserLog): void {
  console.log(
    [
      `Demo lecture: ${pageUrl}`,
      `Extension:    ${extension}`,
      `Browser:      ${browser}`,
      `Browser log:  ${log.path}${verbose ? ' (also shown below)' : ' (npm start -- --verbose shows it here)'}`,
      headless ? 'Headless:     checks that the demo page is annotated, then exits' : 'Stop:         close the browser, or press Ctrl+C here',
    ].join('\n'),
  );
}

function build(browser: 'chrome' | 'firefox'): string {
  const out = join(ROOT, '.output', browser === 'firefox' ? 'firefox-mv3' : 'chrome-mv3');
  // START_NO_BUILD=1: use the build already there (the end-to-end tests build once).
  if (process.env.START_NO_BUILD === '1' && existsSync(join(out, 'manifest.json'))) return out;
  const r = spawnSync('npx', ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  return out;
}

function whoIs(binary: string): BrowserIdentity {
  try {
    return identify(execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 }));
  } catch {
    return identify('');
  }
}

const server = await serveStatic(join(ROOT, 'demo'), Number(process.env.PORT ?? 0));
const pageUrl = `${server.url}/lecture.html`;

if (wanted === 'firefox') await startFirefox();
else await startChrome();

async function startFirefox() {
  const binary = firefoxPath();
  const id = whoIs(binary);
  const extension = build('firefox');
  const log = openBrowserLog('start-firefox', { live: verbose });
  announce(extension, `${binary} (${id.version || 'Firefox'}; add-on installed over WebDriver BiDi)`, log);
  const ff = await launchFirefox({ headless, log }).catch(async (e: unknown) => {
    await server.close();
    return fail(e instanceof Error ? e.message : String(e));
  });
  const page = await ff.browser.newPage();
  await page.goto(pageUrl);
  if (headless) {
    const marks = await page.waitForSelector('dl-concept', { timeout: 20_000 }).then(() => true, () => false);
    await ff.close();
    await server.close();
    console.log(marks ? 'start: demo page annotated in Firefox' : withLogTail('start: the demo page was not annotated in Firefox', log.path).message);
    process.exit(marks ? 0 : 1);
  }
  ff.browser.on('disconnected', () => void server.close().then(() => process.exit(0)));
  process.on('SIGINT', () => void ff.close());
}

async function startChrome() {
  const binary = CHROMES.find((p): p is string => !!p && existsSync(p));
  if (!binary) fail('no Chromium or Chrome found. Install one (Debian: apt-get install -y chromium), set CHROME_PATH, or use --browser firefox.');
  const id = whoIs(binary);
  const method: LoadMethod = process.env.START_LOAD === 'cdp' ? 'cdp-load-unpacked' : loadMethod(id);
  const extension = build('chrome');
  const log = openBrowserLog('start-chrome', { live: verbose });
  announce(extension, `${binary} (${id.version || 'unknown version'}; ${method})`, log);
  const args = [
    `--user-data-dir=${mkdtempSync(join(tmpdir(), 'dl-tutor-start-'))}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(headless ? ['--headless', '--no-sandbox'] : []),
    ...(process.getuid?.() === 0 && !headless ? ['--no-sandbox'] : []),
  ];
  if (method === 'load-extension-flag') {
    const child = spawn(binary, [...args, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, ...(headless ? ['--dump-dom'] : []), pageUrl], {
      // Headless, stdout is the page's DOM (--dump-dom); otherwise it is log like stderr.
      stdio: ['ignore', headless ? 'pipe' : log.sink, log.sink],
    });
    log.follow(child.stderr);
    if (!headless) log.follow(child.stdout);
    if (headless) {
      let dom = '';
      child.stdout!.on('data', (d) => (dom += d));
      child.on('exit', async (code) => {
        await server.close();
        const ok = dom.includes('从零开始的神经网络');
        console.log(ok ? 'start: demo page loaded' : withLogTail(`start: demo page did not load (browser exit code ${code})`, log.path).message);
        process.exit(ok && code === 0 ? 0 : 1);
      });
    } else {
      child.on('exit', () => void server.close().then(() => process.exit(0)));
      process.on('SIGINT', () => child.kill('SIGTERM'));
    }
    return;
  }
  // Google Chrome 137+: the flag is ignored, so the build goes in over the DevTools protocol.
  const cdp = launchWithCdpPipe(binary, [...args, '--enable-unsafe-extension-debugging', 'about:blank'], log.sink);
  log.follow(cdp.process.stdout);
  log.follow(cdp.process.stderr);
  try {
    const { id: extensionId } = await cdp.send<{ id: string }>('Extensions.loadUnpacked', { path: extension });
    console.log(`Extension loaded over the DevTools protocol (id ${extensionId}).`);
  } catch (e) {
    cdp.close();
    await server.close();
    fail(
      withLogTail(
        `${id.version || 'this browser'} ignores --load-extension and refused Extensions.loadUnpacked (${e instanceof Error ? e.message : String(e)}). ` +
          `Open chrome://extensions, switch on Developer mode, choose "Load unpacked" and pick ${extension}; or run \`npm start -- --browser firefox\`, or set CHROME_PATH to Chromium or Chrome for Testing.`,
        log.path,
      ).message,
    );
  }
  const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: pageUrl });
  if (headless) {
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    let marks = 0;
    for (let i = 0; i < 60 && marks === 0; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const r = await cdp.send<{ result: { value: number } }>('Runtime.evaluate', { expression: "document.querySelectorAll('dl-concept').length", returnByValue: true }, sessionId);
      marks = r.result.value;
    }
    cdp.close();
    await server.close();
    console.log(
      marks > 0
        ? `start: demo page annotated (${marks} marks), extension loaded over the DevTools protocol`
        : withLogTail('start: the demo page was not annotated', log.path).message,
    );
    process.exit(marks > 0 ? 0 : 1);
  }
  cdp.process.on('exit', () => void server.close().then(() => process.exit(0)));
  process.on('SIGINT', () => cdp.close());
}
