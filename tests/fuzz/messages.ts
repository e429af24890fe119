import { mulberry32 } from '@/lib/rng';
import type { Req, RequestType } from '@/platform/protocol/protocol';

// Generated hostile messages for the ports: wrong types, missing and extra fields, huge strings,
// deep nesting, NaN/Infinity, negative and fractional counts, unknown request types, cancels for
// unknown ids. Seeded: a failure names its seed and index and replays exactly.
// One generator for the unit fuzz (tests/unit/platform/fuzz.test.ts, in Node) and the e2e fuzz
// (tests/e2e/fuzz.test.ts), which runs the same source inside a content script and an extension
// page, so the same seed gives the same messages in both.

/** A well-formed request of every type: complete by type, so a new request type must be added here. */
export const VALID_PAYLOADS: { [K in RequestType]: Req<K> } = {
  'bg.ping': {},
  'bg.concept': { id: 'softmax' },
  'bg.met': { events: [{ conceptId: 'softmax', kind: 'seen', url: 'https://example.org/', title: 'A lecture' }] },
  'host.status': {},
  'host.memory': {},
  'host.selftest': { backend: 'wasm' },
  'host.selftest.train': { backend: 'wasm' },
  'host.train.start': {
    runId: 'fuzz-run',
    backend: 'wasm',
    config: { hidden: [16, 16], activation: 'relu', cost: 'cross-entropy', optimizer: 'adam', eta: 0.003, batch: 32, epochs: 1, l1: 0, l2: 0, dropout: 0, init: 'he', seed: 7 },
  },
  'host.train.reset': { runId: 'r' },
  'host.gpt.load': { backend: 'auto' },
  'host.gpt.tokenize': { text: 'hi' },
  'host.gpt.attend': { text: 'hi' },
  'host.gpt.embed': { text: 'hi' },
  'host.gpt.analogy': { a: 'a', b: 'b', c: 'c' },
  'host.gpt.next': { text: 'hi', settings: { temperature: 0, topK: 0, topP: 1 } },
  'host.gpt.generate': { text: 'hi', settings: { temperature: 0, topK: 0, topP: 1, seed: 0, maxTokens: 4 } },
  'host.gpt.lens': { text: 'hi' },
  'host.gpt.neurons': { text: 'hi' },
  'host.gpt.neuron': { layer: 0, index: 0 },
  'host.gpt.heads': { text: 'hi' },
  'tab.concepts': {},
  'tab.annotate': {},
  'tab.video': {},
  'tab.seek': { time: 1 },
  'tab.scrollTo': { conceptId: 'softmax' },
  'tab.loadCaptions': { name: 'a.vtt', text: 'WEBVTT' },
  'ui.openDemo': { demo: { kind: 'digit-lab' }, text: '' },
};

/** Every request type of the protocol. */
export const REQUEST_TYPES = Object.keys(VALID_PAYLOADS) as RequestType[];

/** How often the costly kinds come: in a real browser each 10 MB message takes about a second to send. */
export interface FuzzMix {
  /** Share of generated strings that are the 10 MB one. */
  hugeShare: number;
  /** Nested arrays go this deep (and now and then 10,000 deep, which the browser refuses to send). */
  nestMax: number;
}

/** The mix of the unit fuzz, in Node. */
export const NODE_MIX: FuzzMix = { hugeShare: 0.02, nestMax: 2000 };

export interface Fuzzer {
  /** The i-th message of the stream of `seed`. */
  message(seed: number, i: number): unknown;
}

/**
 * The generator. Self-contained (no imports, nothing of this module's scope), so its source runs
 * as is in a browser page (fuzzerSource): the e2e fuzz makes its 10 MB strings there, and does
 * not ship them over the DevTools protocol.
 */
export function createFuzzer(rngOf: (seed: number) => () => number, requestTypes: readonly string[], mix: FuzzMix): Fuzzer {
  type Rng = () => number;
  const TYPES = [...requestTypes, 'host.rm-rf', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'bg.ping ', 'HOST.STATUS', 'page.concepts'];
  const KEYS = ['text', 'backend', 'k', 'a', 'b', 'c', 'settings', 'appendIds', 'cache', 'runId', 'config', 'tabId', 'conceptId', 'time', 'name', 'demo', 'layer', 'index', 'payload', '__proto__', 'constructor', 'toString', 'valueOf'];
  let bigString: string | null = null;
  /** 10 MB of text, made once. */
  const huge = () => (bigString ??= 'x'.repeat(10 * 1024 * 1024));
  const pickOf = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

  /** Arrays nested this deep: a validator that recurses without a limit would overflow. */
  const nested = (depth: number): unknown => {
    let v: unknown = 0;
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  };

  const record = (rng: Rng, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const n = Math.floor(rng() * 5);
    for (let i = 0; i < n; i++) out[pickOf(rng, KEYS)] = value(rng, depth);
    return out;
  };

  const value = (rng: Rng, depth: number): unknown => {
    switch (Math.floor(rng() * 16)) {
      case 0: return NaN;
      case 1: return rng() < 0.5 ? Infinity : -Infinity;
      case 2: return -Math.floor(rng() * 1000);
      case 3: return rng() * 10;
      case 4: return Math.floor(rng() * 300);
      case 5: return rng() < mix.hugeShare ? huge() : 'a'.repeat(Math.floor(rng() * 300));
      case 6: return null;
      case 7: return undefined;
      case 8: return rng() < 0.5;
      case 9: return pickOf(rng, ['auto', 'webgpu', 'wasm', 'gpu', '']);
      case 10: return depth > 0 ? Array.from({ length: Math.floor(rng() * 5) }, () => value(rng, depth - 1)) : [];
      case 11: return depth > 0 ? record(rng, depth - 1) : {};
      case 12: return nested(rng() < 0.02 ? 10_000 : Math.floor(rng() * mix.nestMax));
      case 13: return { temperature: value(rng, 0), topK: value(rng, 0), topP: value(rng, 0), seed: value(rng, 0), maxTokens: value(rng, 0) };
      case 14: return { kind: pickOf(rng, ['gpt-lab', 'training-lab', 'digit-lab', 'evil']), view: value(rng, 0), optimizer: value(rng, 0) };
      default: return '注意力🤖\u0000\ud800';
    }
  };

  return {
    message(seed, i) {
      const rng = rngOf(seed * 1_000_003 + i);
      const shape = Math.floor(rng() * 10);
      const id = rng() < 0.9 ? `f${i}` : value(rng, 1);
      const type = pickOf(rng, TYPES);
      switch (shape) {
        case 0: return value(rng, 3);
        case 1: return { kind: 'cancel', id: rng() < 0.5 ? `unknown-${i}` : id };
        case 2: return { kind: 'request', id, type, payload: record(rng, 3) };
        case 3: return { kind: 'request', id, type, payload: value(rng, 3) };
        case 4: return { kind: 'request', id, type };
        case 5: return { kind: 'request', id, type, payload: record(rng, 2), extra: value(rng, 1) };
        case 6: return { kind: rng() < 0.8 ? pickOf(rng, ['response', 'progress', 'REQUEST', 'request ']) : value(rng, 1), id, type, payload: {} };
        case 7: return { kind: 'request', id: 'x'.repeat(Math.floor(rng() * 200)), type, payload: {} };
        case 8: return { kind: 'request', id, type: value(rng, 1), payload: {} };
        default: return { kind: 'request', id, type, payload: { text: value(rng, 1), k: value(rng, 0), backend: value(rng, 0), settings: value(rng, 2) } };
      }
    },
  };
}

/** The generator in Node. */
export const fuzzMessage = createFuzzer(mulberry32, REQUEST_TYPES, NODE_MIX).message;

/**
 * An expression that evaluates, in any JavaScript realm, to the generator with this mix (with
 * NODE_MIX, the same as fuzzMessage). `__name`: the helper a transpiler that keeps function names
 * may wrap nested functions in.
 */
export const fuzzerSource = (mix: FuzzMix): string =>
  `(() => { const __name = (f) => f; return (${createFuzzer.toString()})(${mulberry32.toString()}, ${JSON.stringify(REQUEST_TYPES)}, ${JSON.stringify(mix)}); })()`;
