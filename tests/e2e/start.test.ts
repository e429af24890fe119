// `npm start` as a new user runs it, headless (START_HEADLESS=1: the demo page must be annotated):
// Chromium with --load-extension, the DevTools path that Google Chrome 137+ needs (forced here with
// Chromium, since branded Chrome is not installable on this machine), and Firefox. Each prints its
// own lines only; the browser's output is in the log file it names (on the terminal with --verbose).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { ROOT } from '@/tests/e2e/harness';

/** What the browsers print of their own here: Chromium's D-Bus and font complaints, Debian's wrapper, Firefox's script errors. */
const BROWSER_NOISE = /dbus|ERROR:|Fontconfig|GLib|unexpected operator|JavaScript (error|warning)/;

function start(env: Record<string, string>, args: string[] = []) {
  const r = spawnSync('npx', ['tsx', 'scripts/start.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, START_HEADLESS: '1', START_NO_BUILD: '1', ...env },
  });
  const out = `${r.stdout}\n${r.stderr}`;
  return { status: r.status, out, stderr: r.stderr, logPath: /^Browser log: +(\S+)/m.exec(out)?.[1] };
}

/** The lines a user reads, and nothing of the browser's. */
function expectOwnLinesOnly(r: ReturnType<typeof start>, how: string) {
  expect(r.out).toMatch(/^Demo lecture: http:\/\/127\.0\.0\.1:\d+\/lecture\.html$/m);
  expect(r.out).toMatch(/^Extension: +\S+-mv3$/m);
  expect(r.out).toMatch(new RegExp(`^Browser: +\\S+ \\(.*; ${how}\\)$`, 'm'));
  expect(r.out.split('\n').filter((l) => BROWSER_NOISE.test(l))).toEqual([]);
  expect(r.logPath, 'the browser log path is printed').toBeTruthy();
  expect(existsSync(r.logPath!), `${r.logPath} exists`).toBe(true);
}

describe('npm start', () => {
  it('opens the demo lecture in Chromium with the extension (--load-extension)', () => {
    const r = start({});
    expect(r.out).toContain('start: demo page loaded');
    expectOwnLinesOnly(r, 'load-extension-flag');
    expect(r.status).toBe(0);
  });

  it('with --verbose, also shows everything the browser logged, as it came', () => {
    const r = start({}, ['--verbose']);
    expect(r.out).toContain('start: demo page loaded');
    expect(r.logPath).toBeTruthy();
    const logged = readFileSync(r.logPath!, 'utf8').split('\n').filter((l) => l.trim());
    const shown = new Set(r.stderr.split('\n'));
    expect(logged.filter((l) => !shown.has(l))).toEqual([]);
    expect(r.status).toBe(0);
  });

  it('loads the extension over the DevTools protocol, as Google Chrome 137+ needs', () => {
    const r = start({ START_LOAD: 'cdp' });
    expect(r.out).toMatch(/start: demo page annotated \(\d+ marks\), extension loaded over the DevTools protocol/);
    expectOwnLinesOnly(r, 'cdp-load-unpacked');
    expect(r.status).toBe(0);
  });

  it('opens the demo lecture in Firefox with --browser firefox', () => {
    const r = start({}, ['--browser', 'firefox']);
    expect(r.out).toContain('start: demo page annotated in Firefox');
    expectOwnLinesOnly(r, 'add-on installed over WebDriver BiDi');
    expect(r.status).toBe(0);
  });
});
