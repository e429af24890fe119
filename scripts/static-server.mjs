// A tiny static file server on 127.0.0.1, for the demo lecture (npm start)
// and the end-to-end tests' fixture pages. Loopback only, read-only, no
// directory listing, no path escapes.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.srt': 'text/plain; charset=utf-8',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * @param {string} root folder to serve
 * @param {number} [port] 0 picks a free port
 * @param {string} [host] a loopback address (tests use 127.0.0.2 for a site that is not on the lecture list)
 * @param {{ isolate?: boolean }} [options] isolate: send COOP/COEP so pages are cross-origin isolated (WASM threads)
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveStatic(root, port = 0, host = '127.0.0.1', options = {}) {
  const isolation = options.isolate ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {};
  if (!/^127\.\d+\.\d+\.\d+$/.test(host)) throw new Error(`serveStatic serves on loopback only, not ${host}`);
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
      if (file !== base && !file.startsWith(base + sep)) throw new Error('outside root');
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      // Byte ranges: without them browsers treat media as unseekable streams.
      const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
      if (range && (range[1] || range[2])) {
        const start = range[1] ? Number(range[1]) : Math.max(0, body.length - Number(range[2]));
        const end = range[1] && range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
        if (start > end || start >= body.length) {
          res.writeHead(416, { 'content-range': `bytes */${body.length}` });
          res.end();
          return;
        }
        res.writeHead(206, { ...isolation, 'content-type': type, 'accept-ranges': 'bytes', 'content-range': `bytes ${start}-${end}/${body.length}` });
        res.end(body.subarray(start, end + 1));
        return;
      }
      res.writeHead(200, { ...isolation, 'content-type': type, 'accept-ranges': 'bytes' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, host, () => ok(undefined)));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actual}`,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok(undefined));
        // Browsers keep idle connections open for a minute; don't wait for them.
        server.closeAllConnections();
      }),
  };
}
