// The browser's own output (Chromium's D-Bus and GPU complaints, Firefox's warnings, the extension's
// console lines that Firefox prints) goes to a file under .output/logs/, not to the terminal: what
// `npm start` and the test runner print stays the project's own lines, and the browser's are kept
// for when something fails (launch errors quote their tail).
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

// The project root, as in chromium.ts (which imports this file, so it cannot be imported here).
export const LOG_DIR = join(resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..'), '.output', 'logs');
/** Logs older than this are removed when a new one is made (the e2e suite makes one per browser it launches). */
const KEEP_MS = 24 * 3600_000;
let sequence = 0;

/** A fresh path for one browser's log, `.output/logs/<name>-<time>-<pid>-<n>.log`. */
export function browserLogPath(name: string): string {
  mkdirSync(LOG_DIR, { recursive: true });
  prune();
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  return join(LOG_DIR, `${name}-${stamp}-${process.pid}-${sequence++}.log`);
}

function prune(): void {
  const now = Date.now();
  for (const f of readdirSync(LOG_DIR)) {
    const p = join(LOG_DIR, f);
    try {
      if (f.endsWith('.log') && now - statSync(p).mtimeMs > KEEP_MS) rmSync(p, { force: true });
    } catch {
      // Another process pruned it first.
    }
  }
}

/** Lines that say nothing about a failure: Chromium finds no D-Bus in a container or CI job. */
const HARMLESS = /dbus|D-Bus/;

/** The log's last lines that say something (empty when there is no log). */
export function logTail(path: string, lines = 30): string {
  try {
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !HARMLESS.test(l))
      .slice(-lines)
      .join('\n');
  } catch {
    return '';
  }
}

/** An error that says what failed and ends with the browser's last words and where the rest is. */
export function withLogTail(message: string, path: string, lines = 30): Error {
  const tail = logTail(path, lines);
  const near = relative(process.cwd(), path);
  const where = near && !near.startsWith('..') ? near : path;
  return new Error(
    tail
      ? `${message}\nThe browser's last lines (D-Bus ones left out; all of them in ${where}):\n${tail}`
      : `${message}\n(Nothing but D-Bus lines, if anything, in the browser's log: ${where}.)`,
  );
}

export interface BrowserLog {
  readonly path: string;
  /** For spawn's stdio: the file itself, or a pipe when the lines are also shown live. */
  readonly sink: number | 'pipe';
  /** Copies a stream of the browser's output into the log (and onto stderr when live). */
  follow(stream: Readable | null | undefined): void;
  close(): void;
}

/** Opens a log that a child process (or streams passed to follow) write to; live: echo it on stderr too. */
export function openBrowserLog(name: string, opts: { live?: boolean } = {}): BrowserLog {
  const path = browserLogPath(name);
  const fd = openSync(path, 'a');
  let open = true;
  return {
    path,
    sink: opts.live ? 'pipe' : fd,
    follow(stream) {
      stream?.on('data', (chunk: Buffer | string) => {
        // Synchronous, so that nothing is lost when the script exits right after the browser.
        if (open) writeSync(fd, typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        if (opts.live) process.stderr.write(chunk);
      });
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
}
