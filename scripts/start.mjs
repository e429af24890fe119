// `npm start`: build the extension, serve the bundled demo lecture on
// 127.0.0.1 and open Chromium (or Chrome) with the extension loaded on it.
// Set CHROME_PATH to pick the browser; START_HEADLESS=1 runs it headless and
// exits after the page has loaded (a smoke check for machines with no display).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './static-server.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
const chrome = candidates.find((p) => p && existsSync(p));
if (!chrome) {
  console.error('No Chromium or Chrome found. Install one (Debian: apt-get install -y chromium) or set CHROME_PATH.');
  process.exit(1);
}

const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const extension = join(root, '.output', 'chrome-mv3');
const server = await serveStatic(join(root, 'demo'), Number(process.env.PORT ?? 0));
const pageUrl = `${server.url}/lecture.html`;
const headless = process.env.START_HEADLESS === '1';
const args = [
  `--user-data-dir=${mkdtempSync(join(tmpdir(), 'dl-tutor-start-'))}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  ...(headless ? ['--headless', '--no-sandbox', '--dump-dom'] : []),
  ...(process.getuid?.() === 0 && !headless ? ['--no-sandbox'] : []),
  pageUrl,
];
console.log(`Demo lecture: ${pageUrl}\nExtension:    ${extension}\nBrowser:      ${chrome}`);
const child = spawn(chrome, args, { stdio: headless ? ['ignore', 'pipe', 'inherit'] : 'inherit' });
if (headless) {
  let dom = '';
  child.stdout.on('data', (d) => (dom += d));
  child.on('exit', async (code) => {
    await server.close();
    const ok = dom.includes('从零开始的神经网络');
    console.log(ok ? 'start: demo page loaded' : 'start: demo page did not load');
    process.exit(ok && code === 0 ? 0 : 1);
  });
} else {
  child.on('exit', async () => {
    await server.close();
    process.exit(0);
  });
  process.on('SIGINT', () => child.kill('SIGTERM'));
}
