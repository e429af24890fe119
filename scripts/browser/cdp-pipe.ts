import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

// The DevTools protocol over --remote-debugging-pipe (file descriptors 3 and 4, NUL-separated
// JSON): no port is opened, so nothing else on the machine can drive the browser.

export interface CdpPipe {
  process: ChildProcess;
  send<T = unknown>(method: string, params?: object, sessionId?: string): Promise<T>;
  close(): void;
}

/** output: where the browser's stdout and stderr go (a log file's descriptor, a pipe, ...). */
export function launchWithCdpPipe(binary: string, args: string[], output: 'inherit' | 'ignore' | 'pipe' | number = 'inherit'): CdpPipe {
  const child = spawn(binary, ['--remote-debugging-pipe', ...args], { stdio: ['ignore', output, output, 'pipe', 'pipe'] });
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  let buffer = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const msg = JSON.parse(buffer.slice(0, end)) as { id?: number; result?: unknown; error?: { message: string } };
      buffer = buffer.slice(end + 1);
      const p = msg.id !== undefined ? pending.get(msg.id) : undefined;
      if (!p) continue;
      pending.delete(msg.id!);
      if (msg.error) p.reject(new Error(msg.error.message));
      else p.resolve(msg.result);
    }
  });
  child.on('exit', () => {
    for (const p of pending.values()) p.reject(new Error('the browser exited'));
    pending.clear();
  });
  return {
    process: child,
    send: <T,>(method: string, params: object = {}, sessionId?: string) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      }),
    close: () => child.kill('SIGTERM'),
  };
}
