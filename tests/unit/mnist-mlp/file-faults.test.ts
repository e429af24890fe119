// Damaged model files of the digit lab: the shipped network (weights.bin) and the training data
// (mnist-lab.dlmn.gz), truncated, replaced by an HTML page (what a misconfigured server or a
// captive portal returns), or of the wrong shape. Each gives an error that names the file and
// what is wrong, and nothing is allocated from a damaged header.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeWeights, encodeWeights } from '@/models/mnist-mlp/reference/weights';
import { createNetwork } from '@/models/mnist-mlp/reference/network';
import { defaultDigitNet } from '@/models/mnist-mlp/local-classifier';
import { labData } from '@/models/mnist-mlp/host/lab-data';
import { RpcFailure } from '@/platform/protocol/protocol';

const ROOT = new URL('../../../models/mnist-mlp/', import.meta.url);
const weights = new Uint8Array(readFileSync(new URL('weights.bin', ROOT)));
const data = new Uint8Array(readFileSync(new URL('mnist-lab.dlmn.gz', ROOT)));
const HTML = new TextEncoder().encode('<!doctype html><html><head><title>404 Not Found</title></head><body>Not found</body></html>');

/** Serves `body` for every fetch, as the extension's own URL would. */
function serve(body: Uint8Array | null, status = 200) {
  vi.stubGlobal('location', { href: 'chrome-extension://test/popup.html' });
  vi.stubGlobal('fetch', async () => (body === null ? new Response('missing', { status: 404 }) : new Response(body as Uint8Array<ArrayBuffer>, { status })));
}

/** The same weights behind an edited header (its length may change). */
function withHeader(bytes: Uint8Array, edit: (h: Record<string, unknown>) => void): Uint8Array {
  const h = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + h))) as Record<string, unknown>;
  edit(header);
  const raw = JSON.stringify(header);
  const json = new TextEncoder().encode(raw.padEnd(Math.ceil((8 + raw.length) / 4) * 4 - 8, ' '));
  const out = new Uint8Array(8 + json.length + bytes.length - 8 - h);
  out.set(bytes.subarray(0, 4));
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, 8);
  out.set(bytes.subarray(8 + h), 8 + json.length);
  return out;
}

describe('the digit network file (weights.bin)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['cut after the magic', weights.subarray(0, 6), /not an MLPW weights file|cut short/],
    ['cut inside the header', weights.subarray(0, 40), /cut short/],
    ['cut inside the weights', weights.subarray(0, weights.length >> 1), /has \d+ bytes, expected \d+ for 784-16-16-10/],
    ['missing its last float', weights.subarray(0, weights.length - 4), /expected/],
    ['an HTML page', HTML, /not an MLPW weights file/],
    ['empty', new Uint8Array(0), /not an MLPW weights file/],
  ])('%s: a clear error', (_, bytes, why) => {
    expect(() => decodeWeights(bytes)).toThrow(why);
  });

  it('a header of the wrong shape is refused before anything is allocated', () => {
    expect(() => decodeWeights(withHeader(weights, (h) => (h.sizes = [784, 32, 10])))).toThrow(/expected \d+ for 784-32-10/);
    expect(() => decodeWeights(withHeader(weights, (h) => (h.sizes = [784, 1e9, 1e9, 10])))).toThrow(/impossible layer sizes/);
    expect(() => decodeWeights(withHeader(weights, (h) => (h.sizes = 'big')))).toThrow(/impossible layer sizes/);
    expect(() => decodeWeights(withHeader(weights, (h) => (h.activation = 'tanh')))).toThrow(/unknown activation/);
    expect(() => decodeWeights(withHeader(weights, (h) => (h.version = 2)))).toThrow(/unsupported/);
  });

  it('a header that is not JSON is named as such', () => {
    const bad = weights.slice();
    bad[8] = 0xff;
    expect(() => decodeWeights(bad)).toThrow(/header is not JSON/);
  });

  it('the intact file and a re-encoded network still load', () => {
    expect(decodeWeights(weights).header.sizes).toEqual([784, 16, 16, 10]);
    const net = createNetwork({ sizes: [4, 3, 2], activation: 'relu', cost: 'quadratic' });
    expect(decodeWeights(encodeWeights(net)).net.config.sizes).toEqual([4, 3, 2]);
  });

  it.each([
    ['truncated', weights.subarray(0, 1000), /digit model file is corrupt: .*weights.*\(weights file has/],
    ['an HTML page', HTML, /digit model file is corrupt: .*weights.*not an MLPW/],
    ['missing (404)', null, /digit model file missing: .*weights.*HTTP 404/],
  ])('the popup loading a %s file says so and names it', async (_, body, why) => {
    serve(body);
    await expect(defaultDigitNet()).rejects.toThrow(why);
  });
});

describe('the training data file (mnist-lab.dlmn.gz)', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['cut mid-stream', data.subarray(0, data.length >> 1)],
    ['an HTML page', HTML],
    ['gzip of the wrong thing', null as unknown as Uint8Array],
  ])('%s: model-corrupt, naming the file', async (name, body) => {
    const bytes = body ?? new Uint8Array(await new Response(new Blob([HTML]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
    serve(bytes);
    const e = await labData().catch((x: unknown) => x);
    expect(e, name).toBeInstanceOf(RpcFailure);
    expect((e as RpcFailure).code).toBe('model-corrupt');
    expect((e as RpcFailure).message).toMatch(/training data is corrupt: .*mnist-lab/);
  });

  it('missing: model-missing; a later good fetch loads (the failure is not cached)', async () => {
    serve(null);
    const e = (await labData().catch((x: unknown) => x)) as RpcFailure;
    expect(e.code).toBe('model-missing');
    serve(data);
    expect(Object.keys(await labData())).toContain('train');
  });
});
