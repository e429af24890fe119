// `npm start` as a new user runs it, headless (START_HEADLESS=1: the demo page must be annotated):
// Chromium with --load-extension, the DevTools path that Google Chrome 137+ needs (forced here with
// Chromium, since branded Chrome is not installable on this machine), and Firefox.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { ROOT } from '@/tests/e2e/harness';

function start(env: Record<string, string>, args: string[] = []) {
  const r = spawnSync('npx', ['tsx', 'scripts/start.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, START_HEADLESS: '1', START_NO_BUILD: '1', ...env },
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

describe('npm start', () => {
  it('opens the demo lecture in Chromium with the extension (--load-extension)', () => {
    const r = start({});
    expect(r.out).toContain('load-extension-flag');
    expect(r.out).toContain('start: demo page loaded');
    expect(r.status).toBe(0);
  });

  it("loads the extension over the DevTools protocol, as Google Chrome 137+ needs", () => {
    const r = start({ START_LOAD: 'cdp' });
    expect(r.out).toContain('cdp-load-unpacked');
    expect(r.out).toMatch(/start: demo page annotated \(\d+ marks\), extension loaded over the DevTools protocol/);
    expect(r.status).toBe(0);
  });

  it('opens the demo lecture in Firefox with --browser firefox', () => {
    const r = start({}, ['--browser', 'firefox']);
    expect(r.out).toContain('add-on installed over WebDriver BiDi');
    expect(r.out).toContain('start: demo page annotated in Firefox');
    expect(r.status).toBe(0);
  });
});
