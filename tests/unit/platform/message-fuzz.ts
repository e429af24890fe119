import { mulberry32, type Rng } from '@/lib/rng';

// Generated hostile messages for the ports: wrong types, missing and extra fields, huge strings,
// deep nesting, NaN/Infinity, negative and fractional counts, unknown request types, cancels for
// unknown ids. Seeded: a failure names its seed and index and replays exactly.

const TYPES = [
  'bg.ping', 'host.selftest', 'host.status', 'host.memory', 'host.selftest.train', 'host.train.start', 'host.train.reset',
  'host.gpt.load', 'host.gpt.tokenize', 'host.gpt.embed', 'host.gpt.analogy', 'host.gpt.attend', 'host.gpt.next', 'host.gpt.generate',
  'tab.concepts', 'tab.scrollTo', 'tab.annotate', 'tab.video', 'tab.seek', 'tab.loadCaptions', 'ui.openDemo',
  'host.rm-rf', '__proto__', 'constructor', 'toString', '', 'bg.ping ', 'HOST.STATUS',
];
const KEYS = ['text', 'backend', 'k', 'a', 'b', 'c', 'settings', 'appendIds', 'cache', 'runId', 'config', 'tabId', 'conceptId', 'time', 'name', 'demo', 'payload', '__proto__', 'constructor'];
let bigString: string | null = null;
/** 10 MB of text, made once. */
const huge = () => (bigString ??= 'x'.repeat(10 * 1024 * 1024));

function value(rng: Rng, depth: number): unknown {
  const pick = Math.floor(rng() * 16);
  switch (pick) {
    case 0: return NaN;
    case 1: return rng() < 0.5 ? Infinity : -Infinity;
    case 2: return -Math.floor(rng() * 1000);
    case 3: return rng() * 10;
    case 4: return Math.floor(rng() * 300);
    case 5: return rng() < 0.02 ? huge() : 'a'.repeat(Math.floor(rng() * 300));
    case 6: return null;
    case 7: return undefined;
    case 8: return rng() < 0.5;
    case 9: return ['auto', 'webgpu', 'wasm', 'gpu', ''][Math.floor(rng() * 5)];
    case 10: return depth > 0 ? Array.from({ length: Math.floor(rng() * 5) }, () => value(rng, depth - 1)) : [];
    case 11: return depth > 0 ? record(rng, depth - 1) : {};
    case 12: return nested(Math.floor(rng() * 2000));
    case 13: return { temperature: value(rng, 0), topK: value(rng, 0), topP: value(rng, 0), seed: value(rng, 0), maxTokens: value(rng, 0) };
    case 14: return { kind: ['gpt-lab', 'training-lab', 'digit-lab', 'evil'][Math.floor(rng() * 4)], view: value(rng, 0), optimizer: value(rng, 0) };
    default: return '注意力🤖\u0000\ud800';
  }
}

function record(rng: Rng, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const n = Math.floor(rng() * 5);
  for (let i = 0; i < n; i++) out[KEYS[Math.floor(rng() * KEYS.length)]!] = value(rng, depth);
  return out;
}

/** Arrays nested this deep: a validator that recurses without a limit would overflow. */
function nested(depth: number): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** The i-th message of a seeded stream. */
export function fuzzMessage(seed: number, i: number): unknown {
  const rng = mulberry32(seed * 1_000_003 + i);
  const shape = Math.floor(rng() * 10);
  const id = rng() < 0.9 ? `f${i}` : value(rng, 1);
  const type = TYPES[Math.floor(rng() * TYPES.length)];
  switch (shape) {
    case 0: return value(rng, 3);
    case 1: return { kind: 'cancel', id: rng() < 0.5 ? `unknown-${i}` : id };
    case 2: return { kind: 'request', id, type, payload: record(rng, 3) };
    case 3: return { kind: 'request', id, type, payload: value(rng, 3) };
    case 4: return { kind: 'request', id, type };
    case 5: return { kind: 'request', id, type, payload: record(rng, 2), extra: value(rng, 1) };
    case 6: return { kind: ['response', 'progress', 'REQUEST', 'request '][Math.floor(rng() * 4)], id, type, payload: {} };
    case 7: return { kind: 'request', id: 'x'.repeat(Math.floor(rng() * 200)), type, payload: {} };
    case 8: return { kind: 'request', id, type: value(rng, 1), payload: {} };
    default: return { kind: 'request', id, type, payload: { text: value(rng, 1), k: value(rng, 0), backend: value(rng, 0), settings: value(rng, 2) } };
  }
}
